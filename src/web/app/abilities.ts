import { useMemo } from 'react';
import { scopeOf } from '../../domain/access/abilities.ts';
import type { Condition } from '../../domain/access/policy.ts';
import type { Role } from '../../domain/access/roles.ts';
import { roleMayEver, type Action, type Subject } from '../../domain/access/rules.ts';
import { mayOpen } from './navigation.ts';
import { useMe } from './session.tsx';

/**
 * What the signed-in account may do, for page-level choices (which filters, which buttons
 * for a new object, which list). A button on one object reads that object's
 * `allowedActions` from the server instead.
 */
export interface Abilities {
  /** Whether some rule lets this role do (action, subject) at all. */
  may(action: Action, subject: Subject): boolean;
  /** How far it reaches: `own` objects only, those `inScope`, `any`, or null for not at all. */
  scope(action: Action, subject: Subject): Condition | null;
  /** Whether the menu page at `path` is open to this role. */
  mayOpen(path: string): boolean;
}

/** The abilities of a role, from the domain's access rules. */
export function abilitiesOf(role: Role): Abilities {
  return {
    may: (action, subject) => roleMayEver(role, action, subject),
    scope: (action, subject) => scopeOf(role, action, subject),
    mayOpen: (path) => mayOpen(role, path),
  };
}

/** The signed-in account's abilities. */
export function useAbilities(): Abilities {
  const { role } = useMe();
  return useMemo(() => abilitiesOf(role), [role]);
}
