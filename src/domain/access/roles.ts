/** Staff roles, from the widest view to the narrowest. Residents have no account. */
export const roles = ['district_admin', 'street_admin', 'community_admin', 'member', 'supervisor'] as const;
export type Role = (typeof roles)[number];

/** Who is acting: the account, its role and the org unit (by materialized path) that bounds what it sees. */
export interface Actor {
  accountId: number;
  username: string;
  role: Role;
  unitId: number;
  unitPath: string;
}

/** The roles an account of `role` may hand out when it creates accounts (never wider than its own). */
export function assignableRoles(role: Role): readonly Role[] {
  switch (role) {
    case 'district_admin':
      return roles;
    case 'street_admin':
      return ['street_admin', 'community_admin', 'member', 'supervisor'];
    case 'community_admin':
      return ['member'];
    default:
      return [];
  }
}

/** The unit levels an account of each role is bound to. */
export function levelsForRole(role: Role): readonly string[] {
  switch (role) {
    case 'district_admin':
      return ['district'];
    case 'street_admin':
      return ['street', 'town'];
    case 'supervisor':
      return ['street', 'town'];
    case 'community_admin':
    case 'member':
      return ['community', 'village', 'enterprise'];
  }
}
