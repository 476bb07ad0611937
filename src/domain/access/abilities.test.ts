import { describe, expect, it } from 'vitest';
import { scopeOf } from './abilities.ts';
import { roles } from './roles.ts';

describe('scopeOf', () => {
  it("tells a member's own requests from staff in scope, and nobody else", () => {
    // Written out by hand: the expected table is not read from the rules under test.
    expect(Object.fromEntries(roles.map((r) => [r, scopeOf(r, 'handle', 'serviceRequest')]))).toEqual({
      district_admin: 'inScope',
      street_admin: 'inScope',
      community_admin: 'inScope',
      member: 'own',
      supervisor: null,
    });
  });

  it('answers any for rules without a subtree, null where no rule exists', () => {
    expect(scopeOf('district_admin', 'read', 'auditLog')).toBe('any');
    expect(scopeOf('street_admin', 'read', 'auditLog')).toBeNull();
  });

  it("separates a member's own studios from the studios in its scope", () => {
    // A member starts an application in its community but edits and submits only its own.
    expect(scopeOf('member', 'create', 'studio')).toBe('inScope');
    expect(scopeOf('member', 'update', 'studio')).toBe('own');
    expect(scopeOf('member', 'submit', 'studio')).toBe('own');
    expect(scopeOf('community_admin', 'submit', 'studio')).toBe('inScope');
  });
});
