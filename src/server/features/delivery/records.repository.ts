import type { Insertable, Kysely, Updateable } from 'kysely';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { insertManyReturning } from '../../../db/bulk-insert.ts';
import { preparedQuery } from '../../../db/prepared-query.ts';
import type { Database } from '../../../db/schema.ts';

// Every query of the service record book (服务记录本): records, their corrections and follow-ups.

const recordColumns = [
  'service_records.id',
  'service_records.studio_id',
  'service_records.author_id',
  'service_records.request_id',
  'service_records.rating_code',
  'service_records.served_at',
  'service_records.duration_minutes',
  'service_records.recipient_name',
  'service_records.groups_json',
  'service_records.category_id',
  'service_records.mode',
  'service_records.content',
  'service_records.person_times',
  'service_records.created_at',
  'service_records.import_id',
  'studios.name as studio_name',
  'org_units.name as unit_name',
  'org_units.path as unit_path',
  'accounts.display_name as author_name',
] as const;

function recordQuery(db: Kysely<Database>) {
  return db
    .selectFrom('service_records')
    .innerJoin('studios', 'studios.id', 'service_records.studio_id')
    .innerJoin('org_units', 'org_units.id', 'service_records.unit_id')
    .innerJoin('accounts', 'accounts.id', 'service_records.author_id');
}

/** One record with its studio's, unit's and author's names, or undefined. */
export async function findRecord(db: Kysely<Database>, id: number) {
  return recordQuery(db).select(recordColumns).where('service_records.id', '=', id).executeTakeFirst();
}
/** A record as the record book reads it. */
export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

/** The record an author already wrote under an idempotency key, if any. */
export async function findRecordIdByKey(
  db: Kysely<Database>,
  authorId: number,
  key: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('service_records')
    .select('id')
    .where('author_id', '=', authorId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return row?.id;
}

/**
 * What writing a record needs, in one statement (this runs per record): the studio (where it
 * sits, whether it serves), one row per member account (left joined: a studio without members
 * still answers), and the writer's display name. Narrower than the studio core, whose
 * `studios.*` reads every text column of the row.
 */
const recordPlaceQuery = preparedQuery((db, a: { studioId: number; authorId: number }) =>
  db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .leftJoin('studio_members', 'studio_members.studio_id', 'studios.id')
    .leftJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select((eb) => [
      'studios.id',
      'studios.name',
      'studios.status',
      'studios.unit_id',
      'org_units.path as unit_path',
      'org_units.name as unit_name',
      'volunteers.account_id as member_account_id',
      eb.selectFrom('accounts').select('display_name').where('accounts.id', '=', a.authorId).as('author_name'),
    ])
    .where('studios.id', '=', a.studioId),
);

/** A studio as a new record needs it, with its members' accounts and the writer's name. */
export interface RecordPlace {
  id: number;
  name: string;
  status: string;
  unit_id: number;
  unit_path: string;
  unit_name: string;
  memberAccountIds: number[];
  authorName: string;
}

/** The studio a record is written for, its members and the writer's name; undefined when there is no such studio. */
export async function findRecordPlace(
  db: Kysely<Database>,
  studioId: number,
  authorId: number,
): Promise<RecordPlace | undefined> {
  const rows = await recordPlaceQuery.rows(db, { studioId, authorId });
  const first = rows[0];
  if (!first) return undefined;
  const memberAccountIds: number[] = [];
  for (const r of rows) if (r.member_account_id !== null) memberAccountIds.push(r.member_account_id);
  return {
    id: first.id,
    name: first.name,
    status: first.status,
    unit_id: first.unit_id,
    unit_path: first.unit_path,
    unit_name: first.unit_name,
    memberAccountIds,
    authorName: first.author_name ?? '',
  };
}

/** What a record says of the service, as its columns: one mapping for a new record and a correction. */
export function serviceColumns(input: {
  servedAt: string;
  durationMinutes: number;
  recipientName?: string | null;
  groups: readonly string[];
  categoryId: number;
  mode: string;
  content: string;
  personTimes: number;
}) {
  return {
    served_at: new Date(input.servedAt).toISOString(),
    duration_minutes: input.durationMinutes,
    recipient_name: input.recipientName ?? null,
    groups_json: JSON.stringify([...new Set(input.groups)]),
    category_id: input.categoryId,
    mode: input.mode,
    content: input.content,
    person_times: input.personTimes,
  };
}

/** A new record's columns (every one given, so that the prepared insert binds them all). */
export type NewRecord = Omit<Insertable<Database['service_records']>, 'id' | 'import_id'> & {
  request_id: number | null;
  recipient_name: string | null;
};

/** The columns of a new record, in the order the multi-row insert binds them. */
const NEW_RECORD_COLUMNS = [
  'studio_id',
  'unit_id',
  'author_id',
  'request_id',
  'idempotency_key',
  'rating_code',
  'served_at',
  'duration_minutes',
  'recipient_name',
  'groups_json',
  'category_id',
  'mode',
  'content',
  'person_times',
  'created_at',
  'updated_at',
] as const satisfies ReadonlyArray<keyof NewRecord>;

/** The key a record is written under once: its author and the idempotency key the client sent. */
export function idempotencyOf(r: { author_id: number; idempotency_key: string | null }): string {
  return `${r.author_id}\u0000${r.idempotency_key ?? ''}`;
}

/**
 * Writes records in one statement per 64, skipping each one whose author already wrote a record
 * under its idempotency key (the unique key does the check in the same statement, also between
 * two of the given records): answers the new ids by `idempotencyOf` key. A record missing from
 * the answer is a retry, or the copy of a submission that lost the race.
 */
export async function insertNewRecords(
  db: Kysely<Database>,
  values: readonly NewRecord[],
): Promise<Map<string, number>> {
  const written = await insertManyReturning<Database, { id: number; author_id: number; idempotency_key: string }>(
    db,
    'service_records',
    NEW_RECORD_COLUMNS,
    values.map((v) => NEW_RECORD_COLUMNS.map((c) => v[c] ?? null)),
    // 16 columns: 1,024 parameters a statement.
    {
      perStatement: 64,
      returning: ['id', 'author_id', 'idempotency_key'],
      skipConflictsOn: ['author_id', 'idempotency_key'],
    },
  );
  return new Map(written.map((r) => [idempotencyOf(r), Number(r.id)]));
}

/** Writes a record; answers its id. */
export async function insertRecord(db: Kysely<Database>, values: Insertable<Database['service_records']>) {
  const row = await db.insertInto('service_records').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Overwrites a record's fields (a correction). */
export async function updateRecord(
  db: Kysely<Database>,
  id: number,
  set: Updateable<Database['service_records']>,
): Promise<void> {
  await db.updateTable('service_records').set(set).where('id', '=', id).execute();
}

/** Keeps a record's previous version beside the correction. */
export async function insertRevision(
  db: Kysely<Database>,
  values: Insertable<Database['service_record_revisions']>,
): Promise<void> {
  await db.insertInto('service_record_revisions').values(values).execute();
}

/** A record's corrections, oldest first, with their authors' names. */
export async function listRevisions(db: Kysely<Database>, recordId: number) {
  return db
    .selectFrom('service_record_revisions')
    .innerJoin('accounts', 'accounts.id', 'service_record_revisions.author_id')
    .select(['before_json', 'after_json', 'at', 'accounts.display_name'])
    .where('record_id', '=', recordId)
    .orderBy('service_record_revisions.id')
    .execute();
}

/** How many times a record was corrected. */
export async function countRevisions(db: Kysely<Database>, recordId: number): Promise<number> {
  const row = await db
    .selectFrom('service_record_revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('record_id', '=', recordId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds a follow-up (跟踪反馈) to a record. */
export async function insertFeedback(
  db: Kysely<Database>,
  values: Insertable<Database['service_record_feedback']>,
): Promise<void> {
  await db.insertInto('service_record_feedback').values(values).execute();
}

/** A record's follow-ups, oldest first. */
export async function listFeedback(db: Kysely<Database>, recordId: number) {
  return db
    .selectFrom('service_record_feedback')
    .select(['on_date', 'result', 'created_at'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

/** Which records a list, the statistics or the export covers. Dates are YYYY-MM-DD. */
export interface RecordFilter {
  /** The subtree (a unit's materialized path). */
  path: string;
  studioId?: number | undefined;
  categoryId?: number | undefined;
  group?: string | undefined;
  mode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only records this account wrote. */
  authorId?: number | undefined;
}

function filtered(db: Kysely<Database>, f: RecordFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = recordQuery(db).where('org_units.path', '>=', from).where('org_units.path', '<', to);
  if (f.studioId) base = base.where('service_records.studio_id', '=', f.studioId);
  if (f.categoryId) base = base.where('service_records.category_id', '=', f.categoryId);
  if (f.group) base = base.where('service_records.groups_json', 'like', `%"${f.group}"%`);
  if (f.mode) base = base.where('service_records.mode', '=', f.mode);
  if (f.from) base = base.where('service_records.served_at', '>=', f.from);
  if (f.to) base = base.where('service_records.served_at', '<', `${f.to}T99`);
  if (f.authorId !== undefined) base = base.where('service_records.author_id', '=', f.authorId);
  return base;
}

/** A page of the filtered records, latest service first. */
export async function listRecordRows(db: Kysely<Database>, f: RecordFilter, page: { limit: number; offset: number }) {
  return filtered(db, f)
    .select(recordColumns)
    .orderBy('service_records.served_at', 'desc')
    .orderBy('service_records.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many records the filter covers. */
export async function countRecords(db: Kysely<Database>, f: RecordFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The groups, category and person-times of every filtered record, for the statistics. */
export async function listRecordFigures(db: Kysely<Database>, f: RecordFilter) {
  return filtered(db, f)
    .select(['service_records.groups_json', 'service_records.category_id', 'service_records.person_times'])
    .execute();
}

/** A slice of the filtered records in service order, with what the export shows. */
export async function listExportRows(db: Kysely<Database>, f: RecordFilter, offset: number, limit: number) {
  return filtered(db, f)
    .select([
      'service_records.served_at',
      'studios.name as studio_name',
      'org_units.name as unit_name',
      'accounts.display_name as author',
      'service_records.recipient_name',
      'service_records.groups_json',
      'service_records.category_id',
      'service_records.mode',
      'service_records.content',
      'service_records.person_times',
      'service_records.duration_minutes',
      'service_records.import_id',
    ])
    .orderBy('service_records.served_at')
    .orderBy('service_records.id')
    .limit(limit)
    .offset(offset)
    .execute();
}
/** One row of the export as read. */
export type ExportRow = Awaited<ReturnType<typeof listExportRows>>[number];

/** How many records the filter covers and the person-times (人次) they add up to. */
export async function sumRecords(
  db: Kysely<Database>,
  f: RecordFilter,
): Promise<{ records: number; personTimes: number }> {
  const row = await filtered(db, f)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('service_records.person_times').as('p')])
    .executeTakeFirstOrThrow();
  return { records: Number(row.n), personTimes: Number(row.p ?? 0) };
}
