import type { FastifyRequest } from 'fastify';
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
