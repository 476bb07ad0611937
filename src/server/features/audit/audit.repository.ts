import type { Insertable, Kysely } from 'kysely';
import { insertMany } from '../../../db/bulk-insert.ts';
import type { BatchStep } from '../../../db/group-commit.ts';
import type { Database } from '../../../db/schema.ts';
import type { AuditEvent } from '../../audit.ts';
import type { AuditContext } from '../../context.ts';

/** What a page of the audit log is filtered by. */
export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  actorId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Audit entries, newest first. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let base = db.selectFrom('audit_log');
  if (f.entity) base = base.where('entity', '=', f.entity);
  if (f.entityId) base = base.where('entity_id', '=', f.entityId);
  if (f.action) base = base.where('action', '=', f.action);
  if (f.actorId) base = base.where('actor_id', '=', f.actorId);
  if (f.from) base = base.where('at', '>=', f.from);
  // A bare date as `to` means the whole of that day.
  if (f.to) base = base.where('at', '<', f.to.length === 10 ? `${f.to}T99` : f.to);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Who made a change: a request's audit context, or a command line run without address or request id. */
export type AuditSource = Omit<AuditContext, 'ip' | 'requestId'> & { ip: string | null; requestId: string | null };

/** An audit entry as its row. */
export type AuditEntryRow = Required<Omit<Insertable<Database['audit_log']>, 'id'>>;

/** The row of an entry: who, when, from where, what changed. */
export function auditRowOf(ctx: AuditSource, event: AuditEvent, actorName?: string): AuditEntryRow {
  return {
    at: ctx.at,
    actor_id: ctx.actor?.accountId ?? null,
    actor_name: actorName ?? ctx.actor?.username ?? null,
    unit_id: event.unitId,
    entity: event.entity,
    entity_id: event.entityId === null ? null : String(event.entityId),
    action: event.action,
    before_json: event.before === undefined ? null : JSON.stringify(event.before),
    after_json: event.after === undefined ? null : JSON.stringify(event.after),
    ip: ctx.ip,
    request_id: ctx.requestId,
  };
}

/**
 * Appends an entry. Call it with the transaction that makes the change, so the change
 * and its record commit together or not at all. There is no update or delete of entries.
 */
export async function recordAudit(
  db: Kysely<Database>,
  ctx: AuditSource,
  event: AuditEvent,
  actorName?: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(auditRowOf(ctx, event, actorName))
    .execute();
}

const AUDIT_COLUMNS = [
  'at',
  'actor_id',
  'actor_name',
  'unit_id',
  'entity',
  'entity_id',
  'action',
  'before_json',
  'after_json',
  'ip',
  'request_id',
] as const satisfies ReadonlyArray<keyof AuditEntryRow>;

/**
 * The entries of a group commit's jobs, appended once for the batch (a few multi-row inserts
 * compiled once, instead of a statement per job). The step runs in the jobs' transaction
 * before its commit, so each change and its entry still commit together or not at all.
 */
export const auditStep: BatchStep<AuditEntryRow> = {
  run: async (trx, rows) => {
    await insertMany<Database>(
      trx,
      'audit_log',
      AUDIT_COLUMNS,
      rows.map((r) => AUDIT_COLUMNS.map((c) => r[c])),
      { perStatement: 64 },
    );
  },
};
