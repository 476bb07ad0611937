import { describe, expect, it } from 'vitest';
import { can, roleMayEver, rules } from './rules.ts';
import { assignableRoles, roles, type Actor } from './roles.ts';

const street = '/350802000000/350802003000/';
const otherStreet = '/350802000000/350802004000/';
const actor = (role: Actor['role'], unitPath: string, accountId = 1): Actor => ({
  accountId,
  username: 'u',
  role,
  unitId: 1,
  unitPath,
});

describe('access rules', () => {
  it('let every staff role read units in its own subtree and none outside it', () => {
    for (const role of roles) {
      expect(can(actor(role, street), 'read', 'orgUnit', { unitPath: `${street}350802003004/` })).toBe(true);
      expect(can(actor(role, street), 'read', 'orgUnit', { unitPath: otherStreet })).toBe(false);
    }
  });

  it('give the audit log to district admins only', () => {
    expect(roles.filter((r) => roleMayEver(r, 'read', 'auditLog'))).toEqual(['district_admin']);
  });

  it('let members and supervisors neither list nor manage accounts', () => {
    for (const role of ['member', 'supervisor'] as const) {
      for (const action of ['read', 'create', 'unlock', 'disable'] as const)
        expect(roleMayEver(role, action, 'account')).toBe(false);
    }
  });

  it('refuse an inScope rule when there is no target', () => {
    expect(can(actor('district_admin', '/350802000000/'), 'read', 'orgUnit')).toBe(false);
  });

  it('never let a role hand out a role wider than its own', () => {
    expect(assignableRoles('street_admin')).not.toContain('district_admin');
    expect(assignableRoles('community_admin')).toEqual(['member']);
    expect(assignableRoles('member')).toEqual([]);
  });

  it('let a supervisor read and fill only the inspections planned for them, and the district alone edit the checklist', () => {
    const supervisor = actor('supervisor', street, 7);
    const mine = { unitPath: `${street}350802003004/`, ownerAccountIds: [7] };
    expect(can(supervisor, 'read', 'inspection', mine)).toBe(true);
    expect(can(supervisor, 'submit', 'inspection', mine)).toBe(true);
    expect(can(supervisor, 'read', 'inspection', { ...mine, ownerAccountIds: [8] })).toBe(false);
    expect(can(supervisor, 'reassign', 'inspection', mine)).toBe(false);
    expect(roles.filter((r) => roleMayEver(r, 'update', 'checklist'))).toEqual(['district_admin']);
    expect(roles.filter((r) => roleMayEver(r, 'plan', 'inspection'))).toEqual(['street_admin']);
    expect(roles.filter((r) => roleMayEver(r, 'confirm', 'rectificationProposal'))).toEqual(['street_admin']);
  });

  it('are declared only for known roles', () => {
    for (const r of rules) expect(roles).toContain(r.role);
  });
});
