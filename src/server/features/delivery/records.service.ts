import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { checkRecord, withinCorrectionWindow } from '../../../domain/delivery/delivery.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Database } from '../../../db/schema.ts';
import type { listRecordsQuery, recordCorrection, recordInput } from '../../../contract/delivery.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { allCategoriesExist } from '../categories/categories.repository.ts';
import { rollCorrection } from '../statistics/rollups.commands.ts';
import { memberAccountsOf, memberAccountsOfStudios } from './delivery.repository.ts';
import { correctionHours } from './record-settings.service.ts';
import {
  maskRecipient,
  presentRecord,
  presentRevisionSide,
  presentRecordStats,
  type RecordClock,
} from './records.presenter.ts';
import * as repo from './records.repository.ts';
import { submitRecord as submit } from './record-submission.service.ts';

type RecordQuery = Omit<z.infer<typeof listRecordsQuery>, 'limit' | 'offset'>;

/** Loads a record, or answers 404. */
async function loadRecord(db: Kysely<Database>, id: number): Promise<repo.RecordRow> {
  const r = await repo.findRecord(db, id);
  if (!r) throw new DomainError('NOT_FOUND');
  return r;
}

/** Shapes a record with its follow-ups, its corrections count and what the actor may do with it. */
async function show(db: Kysely<Database>, r: repo.RecordRow, actor: Actor, clock: RecordClock, members: number[]) {
  const feedback = await repo.listFeedback(db, r.id);
  const revisions = await repo.countRevisions(db, r.id);
  return presentRecord(r, { feedback, revisions, studioMembers: members }, actor, clock);
}

/**
 * The subtree a staff query covers (the actor's own, or a unit inside it) and the filter it
 * applies; `mine` keeps the records the actor wrote.
 */
export async function recordFilter(
  deps: Deps,
  actor: Actor,
  q: RecordQuery,
  action: 'read' | 'export' = 'read',
): Promise<repo.RecordFilter> {
  const scope = await resolveScope(deps.db, actor, action, 'serviceRecord', q.under);
  return {
    path: scope.path,
    studioId: q.studioId,
    categoryId: q.categoryId,
    group: q.group,
    mode: q.mode,
    from: q.from,
    to: q.to,
    authorId: q.mine ? actor.accountId : undefined,
  };
}

/**
 * Writes a record (record-submission.service.ts); a retry with the same Idempotency-Key answers the record
 * already written.
 */
export async function submitRecord(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  key: string,
  input: z.infer<typeof recordInput>,
) {
  return submit(deps, ctx, actor, key, input, (id) => getRecord(deps, actor, id));
}

/** One record with its follow-ups, if the actor may see it. */
export async function getRecord(deps: Deps, actor: Actor, id: number, studioMembers?: number[]) {
  const r = await loadRecord(deps.db, id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  const clock = { hours: await correctionHours(deps.db), now: new Date(deps.clock.now()) };
  return show(deps.db, r, actor, clock, studioMembers ?? (await memberAccountsOf(deps.db, r.studio_id)));
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
  if (!(await allCategoriesExist(deps.db, [input.categoryId])))
    throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
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
    const service = repo.serviceColumns(input);
    await repo.updateRecord(trx, id, { ...service, updated_at: ctx.at });
    await rollCorrection(trx, r.unit_path, before, { ...input, servedAt: service.served_at });
    await repo.insertRevision(trx, {
      record_id: id,
      before_json: JSON.stringify(before),
      after_json: JSON.stringify(input),
      author_id: actor.accountId,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'serviceRecord',
      entityId: id,
      action: 'correct',
      unitId: null,
      before: { ...before, recipientName: maskRecipient(before.recipientName) },
      after: { ...input, recipientName: maskRecipient(input.recipientName) },
    });
  });
  return getRecord(deps, actor, id);
}

/** The correction history of a record, for staff. */
export async function recordRevisions(deps: Deps, actor: Actor, id: number) {
  const r = await loadRecord(deps.db, id);
  authorize(actor, 'read', 'serviceRecord', { unitPath: r.unit_path });
  const rows = await repo.listRevisions(deps.db, id);
  return rows.map((v) => ({
    at: v.at,
    by: v.display_name,
    before: presentRevisionSide(JSON.parse(v.before_json)),
    after: presentRevisionSide(JSON.parse(v.after_json)),
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
    await repo.insertFeedback(trx, {
      record_id: id,
      on_date: input.onDate,
      result: input.result,
      author_id: actor.accountId,
      created_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'serviceRecord',
      entityId: id,
      action: 'feedback',
      unitId: null,
      after: input,
    });
  });
  return getRecord(deps, actor, id, owners);
}

/** Records in the actor's subtree (or a unit inside it) with filters, latest service first. */
export async function listRecords(deps: Deps, actor: Actor, q: z.infer<typeof listRecordsQuery>) {
  const filter = await recordFilter(deps, actor, q);
  const page = { limit: q.limit, offset: q.offset };
  const [rows, total] = await Promise.all([
    repo.listRecordRows(deps.db, filter, page),
    repo.countRecords(deps.db, filter),
  ]);
  const clock = { hours: await correctionHours(deps.db), now: new Date(deps.clock.now()) };
  const members = await memberAccountsOfStudios(deps.db, [...new Set(rows.map((r) => r.studio_id))]);
  return {
    total,
    items: await Promise.all(rows.map((r) => show(deps.db, r, actor, clock, members.get(r.studio_id) ?? []))),
  };
}

/** Records and person-times by group served and by category (legal aid by group is the 政策法律咨询 row filtered). */
export async function recordStats(deps: Deps, actor: Actor, q: RecordQuery) {
  const filter = await recordFilter(deps, actor, q);
  return presentRecordStats(await repo.listRecordFigures(deps.db, filter));
}
