import type { z } from 'zod';
import type { listAuditQuery } from '../../../contract/audit.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { listAudit } from './audit.repository.ts';
import { presentAuditEntry } from './audit.presenter.ts';

/** A page of the audit log, newest first, for an actor allowed to read it. */
export async function listAuditLog(deps: Deps, actor: Actor, query: z.infer<typeof listAuditQuery>) {
  await resolveScope(deps.db, actor, 'read', 'auditLog');
  const { rows, total } = await listAudit(deps.db, query);
  return { total, items: rows.map(presentAuditEntry) };
}
