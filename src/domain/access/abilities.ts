import type { Condition } from './policy.ts';
import type { Role } from './roles.ts';
import { rules, type Action, type Subject } from './rules.ts';

/** From the narrowest reach to the widest. */
const reach: readonly Condition[] = ['own', 'inScope', 'any'];

/**
 * How far a role may do (action, subject): only to what it owns (`own`: a member's own
 * studios and requests), to anything in its subtree (`inScope`), to anything (`any`), or not
 * at all (null). With several rules the widest wins. Pages use it where the same screen
 * differs between a member's own objects and staff in scope.
 */
export function scopeOf(role: Role, action: Action, subject: Subject): Condition | null {
  let widest: Condition | null = null;
  for (const r of rules) {
    if (r.role !== role || r.action !== action || r.subject !== subject) continue;
    if (widest === null || reach.indexOf(r.condition) > reach.indexOf(widest)) widest = r.condition;
  }
  return widest;
}
