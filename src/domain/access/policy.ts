import type { Actor, Role } from './roles.ts';
import { isWithin } from '../org-units/units.ts';

/**
 * When a rule applies: to anything (`any`), to objects inside the actor's org subtree
 * (`inScope`), or to objects in scope that the actor owns (`own`: applied for, leads,
 * handles). An account's own profile is not a rule: every signed-in account may read and
 * change its own settings (routes declare `authenticated`).
 */
export type Condition = 'any' | 'inScope' | 'own';

/** The target of an object-level check: where it sits in the org tree, and which accounts own it. */
export interface Target {
  unitPath: string;
  ownerAccountIds?: readonly number[];
}

/** One access rule: `role` may do `action` to `subject` when `condition` holds. */
export interface Rule<A extends string = string, S extends string = string> {
  role: Role;
  action: A;
  subject: S;
  condition: Condition;
}

/** Declares a rule; tables of rules read as the policy. */
export function allow<A extends string, S extends string>(
  role: Role,
  action: A,
  subject: S,
  condition: Condition,
): Rule<A, S> {
  return { role, action, subject, condition };
}

/** Whether a rule's condition holds for this actor and target. */
export function conditionHolds(condition: Condition, actor: Actor, target: Target | undefined): boolean {
  switch (condition) {
    case 'any':
      return true;
    case 'inScope':
      return target !== undefined && isWithin(target.unitPath, actor.unitPath);
    case 'own':
      return (
        target !== undefined &&
        isWithin(target.unitPath, actor.unitPath) &&
        (target.ownerAccountIds ?? []).includes(actor.accountId)
      );
  }
}
