import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { InspectionTable } from '../../../db/schema-inspections.ts';
import { streetLevels, subtreeRange } from '../../../domain/org-units/units.ts';
import {
  moveInspectionCounts,
  withInspectionCounts,
  type InspectionFact,
} from '../statistics/supervision-counts.commands.ts';

const columns = [
  'inspections.id',
  'inspections.quarter',
  'inspections.studio_id',
  'inspections.unit_id',
  'inspections.street_id',
  'inspections.supervisor_id',
  'inspections.status',
  'inspections.due_on',
  'inspections.checklist_version',
  'inspections.ratings_json',
  'inspections.total',
  'inspections.visited_at',
  'inspections.lng',
  'inspections.lat',
  'inspections.submitted_at',
  'inspections.corrected_at',
  'inspections.cancel_reason',
  'studios.name as studio_name',
  'unit.name as unit_name',
  'unit.path as unit_path',
  'supervisors.name as supervisor_name',
  'supervisors.account_id as supervisor_account_id',
] as const;

function inspectionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('inspections')
    .innerJoin('studios', 'studios.id', 'inspections.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'inspections.unit_id')
    .innerJoin('supervisors', 'supervisors.id', 'inspections.supervisor_id');
}

/** One inspection with its studio, unit path (for scope) and the supervisor it is planned for. */
export async function findInspection(db: Kysely<Database>, id: number) {
  return inspectionQuery(db).select(columns).where('inspections.id', '=', id).executeTakeFirst();
}
export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;

/** The inspection a supervisor already submitted with this key, if any. */
export async function findBySubmissionKey(db: Kysely<Database>, accountId: number, key: string) {
  return db
    .selectFrom('inspections')
    .select('id')
    .where('submitted_by', '=', accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

export interface InspectionFilter {
  path: string;
  quarter?: string | undefined;
  status?: string | undefined;
  supervisorId?: number | undefined;
  supervisorAccountId?: number | undefined;
  studioId?: number | undefined;
  /** Only those not submitted by their due day (`today` past it, or submitted after it). */
  overdueOn?: string | undefined;
  limit: number;
  offset: number;
}

/** Inspections of studios in a subtree, by quarter (newest first) and studio. */
export async function listInspections(db: Kysely<Database>, f: InspectionFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = inspectionQuery(db).where('unit.path', '>=', from).where('unit.path', '<', to);
  if (f.quarter) base = base.where('inspections.quarter', '=', f.quarter);
  if (f.status) base = base.where('inspections.status', '=', f.status);
  if (f.supervisorId) base = base.where('inspections.supervisor_id', '=', f.supervisorId);
  if (f.supervisorAccountId) base = base.where('supervisors.account_id', '=', f.supervisorAccountId);
  if (f.studioId) base = base.where('inspections.studio_id', '=', f.studioId);
  if (f.overdueOn) {
    const today = f.overdueOn;
    base = base.where('inspections.status', '!=', 'cancelled').where((eb) =>
      eb.or([
        eb.and([eb('inspections.submitted_at', 'is', null), eb('inspections.due_on', '<', today)]),
        // Submitted after the due day ended in China (UTC+8): its instant is past due_on 16:00 UTC.
        eb('inspections.submitted_at', '>=', sql<string>`inspections.due_on || 'T16:00'`),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('inspections.quarter', 'desc')
      .orderBy('inspections.studio_id')
      .orderBy('inspections.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Inspections already in a street's quarter: who holds which studio. */
export async function inspectionsOfStreetQuarter(db: Kysely<Database>, streetId: number, quarter: string) {
  return db
    .selectFrom('inspections')
    .select(['id', 'studio_id', 'supervisor_id', 'status', 'round'])
    .where('street_id', '=', streetId)
    .where('quarter', '=', quarter)
    .execute();
}

/**
 * The studios of a subtree that may have served in a quarter beginning at `start`: serving
 * now, or changed status since (a studio that changed before and does not serve now did not).
 */
export async function candidateStudios(db: Kysely<Database>, path: string, start: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('studios')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .innerJoin('org_units as street', 'street.id', 'unit.parent_id')
    .select([
      'studios.id',
      'studios.name',
      'studios.status',
      'studios.status_changed_at',
      'studios.unit_id',
      'unit.name as unit_name',
      'street.id as street_id',
      'street.name as street_name',
    ])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where((eb) =>
      eb.or([eb('studios.status', 'in', ['active', 'rectification']), eb('studios.status_changed_at', '>=', start)]),
    )
    .orderBy('studios.id')
    .execute();
}

/** The status changes of some studios, oldest first. */
export async function studioTransitions(db: Kysely<Database>, studioIds: number[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('studio_transitions')
    .select(['studio_id', 'from_status', 'to_status', 'at'])
    .where('studio_id', 'in', studioIds)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The streets (units with children that hold studios) of a subtree, by path. */
export async function streetsOf(db: Kysely<Database>, path: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('path', '>=', from)
    .where('path', '<', to)
    .where('level', 'in', streetLevels)
    .orderBy('path')
    .execute();
}

/** Inspections of a quarter in a subtree: studio, state and submission, for coverage. */
export async function quarterInspections(db: Kysely<Database>, path: string, quarter: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('inspections')
    .innerJoin('org_units as unit', 'unit.id', 'inspections.unit_id')
    .select(['inspections.studio_id', 'inspections.status', 'inspections.submitted_at', 'inspections.due_on'])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('inspections.quarter', '=', quarter)
    .execute();
}

/**
 * Writes planned inspections; a studio already planned in the quarter (by another instance,
 * or the job racing the street's button) is skipped. Answers how many were written.
 */
export async function insertPlanned(db: Kysely<Database>, rows: Array<Omit<InspectionTable, 'id'>>): Promise<number[]> {
  const ids: number[] = [];
  const planned: Array<{ after: InspectionFact }> = [];
  for (const row of rows) {
    const written = await db
      .insertInto('inspections')
      .values(row)
      .onConflict((oc) => oc.columns(['quarter', 'studio_id', 'round']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (written) {
      ids.push(written.id);
      planned.push({ after: { unitId: row.unit_id, dueOn: row.due_on, status: row.status } });
    }
  }
  await moveInspectionCounts(db, planned);
  return ids;
}

/** Notes that a street's quarter was planned (the first time only). */
export async function markPlanned(
  db: Kysely<Database>,
  streetId: number,
  quarter: string,
  at: string,
  by: number | null,
): Promise<void> {
  await db
    .insertInto('inspection_plans')
    .values({ street_id: streetId, quarter, generated_at: at, generated_by: by })
    .onConflict((oc) => oc.columns(['street_id', 'quarter']).doNothing())
    .execute();
}

/**
 * Changes an inspection only if it is still in the state (and with the supervisor) read
 * before, so two requests acting at once cannot both succeed. Answers whether it changed.
 */
export async function updateInspectionIf(
  db: Kysely<Database>,
  id: number,
  expected: { status: string; supervisorId?: number },
  set: Partial<Omit<InspectionTable, 'id'>>,
): Promise<boolean> {
  let q = db.updateTable('inspections').set(set).where('id', '=', id).where('status', '=', expected.status);
  if (expected.supervisorId !== undefined) q = q.where('supervisor_id', '=', expected.supervisorId);
  const counted = set.status !== undefined || set.unit_id !== undefined || set.due_on !== undefined;
  const run = async () => Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  // The dashboard's counts of inspections move with the change, in the caller's transaction.
  return counted ? withInspectionCounts(db, [id], run) : run();
}

/** Appends to an inspection's history. */
export async function insertEvent(
  db: Kysely<Database>,
  event: {
    inspection_id: number;
    action: string;
    from_status: string | null;
    to_status: string;
    actor_id: number | null;
    actor_name: string | null;
    note: string | null;
    before_json?: string | null;
    after_json?: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('inspection_events')
    .values({ before_json: null, after_json: null, ...event })
    .execute();
}

/** An inspection's history, oldest first. */
export async function eventsOf(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('inspection_events')
    .select(['action', 'from_status', 'to_status', 'actor_name', 'note', 'at'])
    .where('inspection_id', '=', id)
    .orderBy('id')
    .execute();
}

/** Stores re-encoded photos as the inspection's, in order, replacing any it had. */
export async function replacePhotos(
  db: Kysely<Database>,
  inspectionId: number,
  photos: Array<{ content: Buffer; mime: string; size: number; sha256: string }>,
  owner: { unitId: number; accountId: number; at: string },
): Promise<void> {
  const old = await db
    .selectFrom('inspection_photos')
    .select('attachment_id')
    .where('inspection_id', '=', inspectionId)
    .execute();
  await db.deleteFrom('inspection_photos').where('inspection_id', '=', inspectionId).execute();
  if (old.length > 0)
    await db
      .deleteFrom('attachments')
      .where(
        'id',
        'in',
        old.map((o) => o.attachment_id),
      )
      .execute();
  let position = 0;
  for (const p of photos) {
    position += 1;
    const attachment = await db
      .insertInto('attachments')
      .values({
        filename: `inspection-${inspectionId}-${position}.jpg`,
        mime: p.mime,
        size: p.size,
        sha256: p.sha256,
        content: p.content,
        unit_id: owner.unitId,
        created_by: owner.accountId,
        created_at: owner.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('inspection_photos')
      .values({ inspection_id: inspectionId, attachment_id: attachment.id, position })
      .execute();
  }
}

/** The positions of an inspection's photos. */
export async function photoPositions(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('inspection_photos')
    .select('position')
    .where('inspection_id', '=', id)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.position);
}

/** One photo's stored bytes. */
export async function photoContent(db: Kysely<Database>, id: number, position: number) {
  return db
    .selectFrom('inspection_photos')
    .innerJoin('attachments', 'attachments.id', 'inspection_photos.attachment_id')
    .select(['attachments.content', 'attachments.mime'])
    .where('inspection_photos.inspection_id', '=', id)
    .where('inspection_photos.position', '=', position)
    .executeTakeFirst();
}

/** The checklist now in force: the highest version. */
export async function currentChecklist(db: Kysely<Database>) {
  return db
    .selectFrom('inspection_checklists')
    .select(['version', 'items_json', 'threshold', 'created_at'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

/** One version of the checklist. */
export async function checklistVersion(db: Kysely<Database>, version: number) {
  return db
    .selectFrom('inspection_checklists')
    .select(['version', 'items_json', 'threshold', 'created_at'])
    .where('version', '=', version)
    .executeTakeFirst();
}
export type ChecklistRow = NonNullable<Awaited<ReturnType<typeof checklistVersion>>>;

/** Writes the next version of the checklist; the unique version makes a concurrent edit fail rather than merge. */
export async function insertChecklist(
  db: Kysely<Database>,
  row: { version: number; items_json: string; threshold: number; created_by: number; created_at: string },
): Promise<void> {
  await db.insertInto('inspection_checklists').values(row).execute();
}
