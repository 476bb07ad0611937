import type { Actor } from '../../../domain/access/roles.ts';
import type { StudioDetail } from '../../../contract/studios.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { studioIndexOf } from '../delivery/studio-index.repository.ts';
import { actWithin, type ActionRequest } from './studio-transitions.commands.ts';
import { getStudio } from './studios.service.ts';

export type { ActionRequest } from './studio-transitions.commands.ts';

/**
 * Runs one lifecycle transition: the state machine decides, then the new status, its
 * effects, the history entry and the audit entry are written in one transaction. The
 * status update is conditional on the status read, so two admins acting at once cannot
 * both succeed.
 */
export async function act(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  request: ActionRequest,
): Promise<StudioDetail> {
  await deps.db.transaction().execute((trx) => actWithin(trx, ctx, actor, studioId, request));
  // A plaque awarded or withdrawn changes who serves: the nearest-studio index looks again.
  studioIndexOf(deps.db).invalidate();
  return getStudio(deps, actor, studioId);
}
