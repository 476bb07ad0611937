import type { Actor, Role } from './roles.ts';
import { isWithin } from '../org/units.ts';

/** What an actor wants to do. */
export const actions = ['read', 'create', 'update', 'unlock', 'disable', 'readPersonal'] as const;
export type Action = (typeof actions)[number];

/** What it wants to do it to. */
export const subjects = ['orgUnit', 'account', 'auditLog'] as const;
export type Subject = (typeof subjects)[number];

/**
 * When a rule applies: to anything (`any`), or to objects inside the actor's org
 * subtree (`inScope`). An account's own profile is not a rule: every signed-in
 * account may read and change its own settings (routes declare `authenticated`).
 */
export type Condition = 'any' | 'inScope';

/** One access rule: `role` may do `action` to `subject` when `condition` holds. */
export interface Rule {
  role: Role;
  action: Action;
  subject: Subject;
  condition: Condition;
}

/** Declares a rule; the table below reads as the policy. */
export function allow(role: Role, action: Action, subject: Subject, condition: Condition): Rule {
  return { role, action, subject, condition };
}

const staff: Role[] = ['district_admin', 'street_admin', 'community_admin', 'member', 'supervisor'];
const admins: Role[] = ['district_admin', 'street_admin', 'community_admin'];

/** The access policy of Huimin, as data. A route whose (action, subject) has no rule here serves nobody. */
export const rules: readonly Rule[] = [
  ...staff.map((r) => allow(r, 'read', 'orgUnit', 'inScope')),
  allow('district_admin', 'create', 'orgUnit', 'inScope'),
  allow('street_admin', 'create', 'orgUnit', 'inScope'),
  ...admins.map((r) => allow(r, 'update', 'orgUnit', 'inScope')),

  ...admins.map((r) => allow(r, 'read', 'account', 'inScope')),
  ...admins.map((r) => allow(r, 'create', 'account', 'inScope')),
  ...admins.map((r) => allow(r, 'unlock', 'account', 'inScope')),
  ...admins.map((r) => allow(r, 'disable', 'account', 'inScope')),

  allow('district_admin', 'read', 'auditLog', 'any'),
];

/** The target of an object-level check: where it sits in the org tree. */
export interface Target {
  unitPath: string;
}

/** Whether the role has any rule for (action, subject) at all: the route-level check (403 when not). */
export function roleMayEver(role: Role, action: Action, subject: Subject): boolean {
  return rules.some((r) => r.role === role && r.action === action && r.subject === subject);
}

/** Whether a rule's condition holds for this actor and target. */
export function conditionHolds(condition: Condition, actor: Actor, target: Target | undefined): boolean {
  switch (condition) {
    case 'any':
      return true;
    case 'inScope':
      return target !== undefined && isWithin(target.unitPath, actor.unitPath);
  }
}

/** The object-level check: some rule for the actor's role allows this action on this target. */
export function can(actor: Actor, action: Action, subject: Subject, target?: Target): boolean {
  return rules.some(
    (r) => r.role === actor.role && r.action === action && r.subject === subject && conditionHolds(r.condition, actor, target),
  );
}
