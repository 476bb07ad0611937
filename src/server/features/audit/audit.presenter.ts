import type { AuditEntry } from '../../../contract/audit.ts';
import type { AuditRow } from '../../../db/schema.ts';

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** An audit entry as the log shows it: before and after as the objects they were written as. */
export function presentAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    unitId: r.unit_id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: parse(r.before_json),
    after: parse(r.after_json),
    ip: r.ip,
    requestId: r.request_id,
  };
}
