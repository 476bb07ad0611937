import type { Actor } from '../../../domain/access/roles.ts';
import type { Subject } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { authorize } from '../../scope.ts';
import type { Deps } from '../../context.ts';
import { findUnit } from '../org-units/org-units.repository.ts';

/**
 * The subtree a list covers for an actor who may read only what they own in it (a
 * supervisor's own roster entry and inspections): their own, or a unit they asked for
 * inside it; any other unit answers 404, as `resolveScope` does for the rest.
 */
export async function ownScopePath(deps: Deps, actor: Actor, subject: Subject, under?: number): Promise<string> {
  const owned = { ownerAccountIds: [actor.accountId] };
  authorize(actor, 'read', subject, { unitPath: actor.unitPath, ...owned });
  if (!under || under === actor.unitId) return actor.unitPath;
  const unit = await findUnit(deps.db, under);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', subject, { unitPath: unit.path, ...owned });
  return unit.path;
}
