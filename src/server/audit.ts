import type { Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../db/schema.ts';
import type { AuditContext, Clock } from './context.ts';

/** One change, as the audit log keeps it. */
export interface AuditEvent {
  entity: string;
  entityId: string | number | null;
  action: string;
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

/** The audit context of a request: its actor, address, id and the time of the change. */
export function auditContextOf(request: FastifyRequest, clock: Clock): AuditContext {
  return { actor: request.actor, ip: request.ip, requestId: request.id, at: clock.now().toISOString() };
}

/**
 * Appends an entry. Call it with the transaction that makes the change, so the change
 * and its record commit together or not at all. There is no update or delete of entries.
 */
export async function recordAudit(
  db: Kysely<Database>,
  ctx: AuditContext,
  event: AuditEvent,
  actorName?: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
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
    })
    .execute();
}
