import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/roles.ts';
import { can, roleMayEver, type Action, type Subject, type Target } from '../domain/access/rules.ts';
import { DomainError } from '../domain/errors.ts';
import type { Database } from '../db/schema.ts';
import { findUnit } from './features/org-units/org-units.repository.ts';

/**
 * The object-level check every service makes. An object outside the actor's scope
 * answers 404, as if it did not exist, so ids cannot be probed across streets; a role
 * with no rule at all for the pair answers 403.
 */
export function authorize(actor: Actor, action: Action, subject: Subject, target: Target): void {
  if (can(actor, action, subject, target)) return;
  if (!roleMayEver(actor.role, action, subject)) throw new DomainError('FORBIDDEN');
  throw new DomainError('NOT_FOUND');
}

/** The part of the org tree a list covers: a unit and everything below it. */
export interface Scope {
  unitId: number;
  path: string;
}

/**
 * The subtree a list or a report covers: the actor's own, or the unit they asked for when it
 * lies inside theirs. An unknown unit, or one outside the actor's subtree, answers 404 like
 * any other object out of scope. Every list in the API starts here.
 */
export async function resolveScope(
  db: Kysely<Database>,
  actor: Actor,
  action: Action,
  subject: Subject,
  requestedUnitId?: number | null,
): Promise<Scope> {
  authorize(actor, action, subject, { unitPath: actor.unitPath });
  if (!requestedUnitId || requestedUnitId === actor.unitId) return { unitId: actor.unitId, path: actor.unitPath };
  const unit = await findUnit(db, requestedUnitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, action, subject, { unitPath: unit.path });
  return { unitId: unit.id, path: unit.path };
}
