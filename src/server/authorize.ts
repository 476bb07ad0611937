import type { Actor } from '../domain/access/roles.ts';
import { can, roleMayEver, type Action, type Subject, type Target } from '../domain/access/rules.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * The object-level check every service makes. An object outside the actor's scope
 * answers 404, as if it did not exist, so ids cannot be probed across streets.
 */
export function authorize(actor: Actor, action: Action, subject: Subject, target: Target): void {
  if (can(actor, action, subject, target)) return;
  if (!roleMayEver(actor.role, action, subject)) throw new DomainError('FORBIDDEN');
  throw new DomainError('NOT_FOUND');
}

/** Escapes LIKE wildcards in user input (the queries declare ESCAPE '\'). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
