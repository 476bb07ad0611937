import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
import {
  checkRecord,
  DEFAULT_CORRECTION_HOURS,
  withinCorrectionWindow,
  type ServedGroup,
  type ServiceMode,
} from '../../../domain/delivery/delivery.ts';
import type { Database } from '../../../db/schema.ts';
import type { listRecordsQuery, recordCorrection, recordInput } from '../../../contract/delivery.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { findStudioCore } from '../studios/studios.repository.ts';
import { memberAccountsOf } from './requests.service.ts';
import { groupCommitterOf } from '../../../db/group-commit.ts';

/** How long records stay correctable, from the settings staff change (hours). */
async function correctionHours(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'records.correctionHours')
    .executeTakeFirst();
  return row ? Number(row.value) : DEFAULT_CORRECTION_HOURS;
}

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
type RecordRow = Awaited<ReturnType<typeof loadRecord>>;

async function loadRecord(db: Kysely<Database>, id: number) {
  const r = await recordQuery(db).select(recordColumns).where('service_records.id', '=', id).executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND');
  return r;
}

const maskName = (n: string | null) => (n ? `${[...n][0] ?? ''}**` : null);

async function present(db: Kysely<Database>, r: RecordRow, actor: Actor, hours: number, now: Date) {
  const feedback = await db
    .selectFrom('service_record_feedback')
    .select(['on_date', 'result', 'created_at'])
    .where('record_id', '=', r.id)
    .orderBy('id')
    .execute();
  const revisions = Number(
    (
      await db
        .selectFrom('service_record_revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('record_id', '=', r.id)
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    id: r.id,
    studioId: r.studio_id,
    studioName: r.studio_name,
    unitName: r.unit_name,
    authorName: r.author_name,
    requestId: r.request_id,
    ratingCode: r.rating_code,
    servedAt: r.served_at,
    durationMinutes: r.duration_minutes,
    recipientName: maskName(r.recipient_name),
    groups: JSON.parse(r.groups_json) as ServedGroup[],
    categoryId: r.category_id,
    mode: r.mode as ServiceMode,
    content: r.content,
    personTimes: r.person_times,
    createdAt: r.created_at,
    feedback: feedback.map((f) => ({ onDate: f.on_date, result: f.result, at: f.created_at })),
    revisions,
    correctable: r.author_id === actor.accountId && withinCorrectionWindow(r.created_at, now, hours),
  };
}

/**
 * Writes a record in the service record book (服务记录本). The idempotency key the client
 * sends with it (one per record, kept with the offline queue) makes a retry return the
 * record already written instead of a second one.
 */
export async function submitRecord(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  key: string,
  input: z.infer<typeof recordInput>,
) {
  const existing = await deps.db
    .selectFrom('service_records')
    .select('id')
    .where('author_id', '=', actor.accountId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (existing) return { created: false, record: await getRecord(deps, actor, existing.id) };
  const studio = await findStudioCore(deps.db, input.studioId);
  if (!studio) throw new DomainError('NOT_FOUND');
  const owners = await memberAccountsOf(deps.db, studio.id);
  authorize(actor, 'read', 'studio', { unitPath: studio.unit_path });
  authorize(actor, 'create', 'serviceRecord', { unitPath: studio.unit_path, ownerAccountIds: owners });
  if (!['active', 'rectification'].includes(studio.status))
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'record', status: studio.status });
  checkRecord(input, new Date(ctx.at));
  if (input.requestId) {
    const request = await deps.db
      .selectFrom('service_requests')
      .select(['studio_id'])
      .where('id', '=', input.requestId)
      .executeTakeFirst();
    if (!request || request.studio_id !== studio.id) throw new DomainError('VALIDATION_FAILED', { field: 'requestId' });
  }
  let id: number;
  try {
    // Records arrive in bursts when phones come back online: group commit shares one flush
    // among concurrent submissions, and each is acknowledged only once it is on disk.
    id = await groupCommitterOf(deps.db).run(async (trx) => {
      const row = await trx
        .insertInto('service_records')
        .values({
          studio_id: studio.id,
          unit_id: studio.unit_id,
          author_id: actor.accountId,
          request_id: input.requestId ?? null,
          idempotency_key: key,
          rating_code: newCode(),
          served_at: new Date(input.servedAt).toISOString(),
          duration_minutes: input.durationMinutes,
          recipient_name: input.recipientName ?? null,
          groups_json: JSON.stringify([...new Set(input.groups)]),
          category_id: input.categoryId,
          mode: input.mode,
          content: input.content,
          person_times: input.personTimes,
          created_at: ctx.at,
          updated_at: ctx.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        entity: 'serviceRecord',
        entityId: row.id,
        action: 'create',
        unitId: studio.unit_id,
        after: { ...input, recipientName: maskName(input.recipientName ?? null) },
      });
      return row.id;
    });
  } catch (err) {
    // Two copies of one submission raced: the unique key let one in; answer with it.
    const winner = await deps.db
      .selectFrom('service_records')
      .select('id')
      .where('author_id', '=', actor.accountId)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    if (!winner) throw err;
    return { created: false, record: await getRecord(deps, actor, winner.id) };
  }
  return { created: true, record: await getRecord(deps, actor, id) };
}

export async function getRecord(deps: Deps, actor: Actor, id: number) {
  const r = await loadRecord(deps.db, id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  return present(deps.db, r, actor, await correctionHours(deps.db), new Date(deps.clock.now()));
}

/** Corrects a record within the window; the previous version is kept and the change audited. */
export async function correctRecord(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof recordCorrection>,
) {
  const r = await loadRecord(deps.db, id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  authorize(actor, 'correct', 'serviceRecord', { unitPath: r.unit_path, ownerAccountIds: [r.author_id] });
  if (!withinCorrectionWindow(r.created_at, new Date(ctx.at), await correctionHours(deps.db))) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'correct', status: 'closed' });
  }
  checkRecord(input, new Date(ctx.at));
  const before = {
    servedAt: r.served_at,
    durationMinutes: r.duration_minutes,
    recipientName: r.recipient_name,
    groups: JSON.parse(r.groups_json) as string[],
    categoryId: r.category_id,
    mode: r.mode,
    content: r.content,
    personTimes: r.person_times,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('service_records')
      .set({
        served_at: new Date(input.servedAt).toISOString(),
        duration_minutes: input.durationMinutes,
        recipient_name: input.recipientName ?? null,
        groups_json: JSON.stringify([...new Set(input.groups)]),
        category_id: input.categoryId,
        mode: input.mode,
        content: input.content,
        person_times: input.personTimes,
        updated_at: ctx.at,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('service_record_revisions')
      .values({
        record_id: id,
        before_json: JSON.stringify(before),
        after_json: JSON.stringify(input),
        author_id: actor.accountId,
        at: ctx.at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'serviceRecord',
      entityId: id,
      action: 'correct',
      unitId: null,
      before: { ...before, recipientName: maskName(before.recipientName) },
      after: { ...input, recipientName: maskName(input.recipientName ?? null) },
    });
  });
  return getRecord(deps, actor, id);
}

/** The correction history of a record, for staff. */
export async function recordRevisions(deps: Deps, actor: Actor, id: number) {
  const r = await loadRecord(deps.db, id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  const rows = await deps.db
    .selectFrom('service_record_revisions')
    .innerJoin('accounts', 'accounts.id', 'service_record_revisions.author_id')
    .select(['before_json', 'after_json', 'at', 'accounts.display_name'])
    .where('record_id', '=', id)
    .orderBy('service_record_revisions.id')
    .execute();
  return rows.map((v) => ({
    at: v.at,
    by: v.display_name,
    before: JSON.parse(v.before_json) as unknown,
    after: JSON.parse(v.after_json) as unknown,
  }));
}

/** Adds a follow-up (跟踪反馈) to a record. */
export async function addFeedback(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: { onDate: string; result: string },
) {
  const r = await loadRecord(deps.db, id);
  const owners = await memberAccountsOf(deps.db, r.studio_id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  authorize(actor, 'update', 'serviceRecord', { unitPath: r.unit_path, ownerAccountIds: owners });
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('service_record_feedback')
      .values({
        record_id: id,
        on_date: input.onDate,
        result: input.result,
        author_id: actor.accountId,
        created_at: ctx.at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'serviceRecord',
      entityId: id,
      action: 'feedback',
      unitId: null,
      after: input,
    });
  });
  return getRecord(deps, actor, id);
}

/** Records in a subtree with filters; `mine` keeps a member's own studios. */
export function recordFilter(
  deps: Deps,
  actor: Actor,
  path: string,
  q: Omit<z.infer<typeof listRecordsQuery>, 'limit' | 'offset'>,
) {
  const { from, to } = subtreeRange(path);
  let base = recordQuery(deps.db).where('org_units.path', '>=', from).where('org_units.path', '<', to);
  if (q.studioId) base = base.where('service_records.studio_id', '=', q.studioId);
  if (q.categoryId) base = base.where('service_records.category_id', '=', q.categoryId);
  if (q.group) base = base.where('service_records.groups_json', 'like', `%"${q.group}"%`);
  if (q.from) base = base.where('service_records.served_at', '>=', q.from);
  if (q.to) base = base.where('service_records.served_at', '<', `${q.to}T99`);
  if (q.mine) base = base.where('service_records.author_id', '=', actor.accountId);
  return base;
}

export async function listRecords(deps: Deps, actor: Actor, path: string, q: z.infer<typeof listRecordsQuery>) {
  const base = recordFilter(deps, actor, path, q);
  const [rows, count] = await Promise.all([
    base
      .select(recordColumns)
      .orderBy('service_records.served_at', 'desc')
      .orderBy('service_records.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const hours = await correctionHours(deps.db);
  const now = new Date(deps.clock.now());
  return { total: Number(count.n), items: await Promise.all(rows.map((r) => present(deps.db, r, actor, hours, now))) };
}

/** Records and person-times by group served and by category (legal aid by group is the 政策法律咨询 row filtered). */
export async function recordStats(
  deps: Deps,
  actor: Actor,
  path: string,
  q: Omit<z.infer<typeof listRecordsQuery>, 'limit' | 'offset'>,
) {
  const rows = await recordFilter(deps, actor, path, q)
    .select(['service_records.groups_json', 'service_records.category_id', 'service_records.person_times'])
    .execute();
  const byGroup = new Map<ServedGroup, { records: number; personTimes: number }>();
  const byCategory = new Map<number, { records: number; personTimes: number }>();
  let personTimes = 0;
  for (const r of rows) {
    personTimes += r.person_times;
    for (const g of JSON.parse(r.groups_json) as ServedGroup[]) {
      const v = byGroup.get(g) ?? { records: 0, personTimes: 0 };
      byGroup.set(g, { records: v.records + 1, personTimes: v.personTimes + r.person_times });
    }
    const c = byCategory.get(r.category_id) ?? { records: 0, personTimes: 0 };
    byCategory.set(r.category_id, { records: c.records + 1, personTimes: c.personTimes + r.person_times });
  }
  return {
    records: rows.length,
    personTimes,
    byGroup: [...byGroup.entries()]
      .map(([group, v]) => ({ group, ...v }))
      .sort((a, b) => b.personTimes - a.personTimes),
    byCategory: [...byCategory.entries()]
      .map(([categoryId, v]) => ({ categoryId, ...v }))
      .sort((a, b) => b.personTimes - a.personTimes),
  };
}
