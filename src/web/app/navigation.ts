import type { Role } from '../../domain/access/roles.ts';
import type { MessageKey } from '../lib/i18n/index.ts';

const ADMINS: readonly Role[] = ['district_admin', 'street_admin', 'community_admin'];
const EVERYONE: readonly Role[] = [...ADMINS, 'member', 'supervisor'];

/** A page in the main menu and the roles that may open it (mirrors the API's access rules). */
export interface NavItem {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** The main menu, in order. */
export const navItems: readonly NavItem[] = [
  { path: '/org', label: 'nav.org', roles: EVERYONE },
  { path: '/accounts', label: 'nav.accounts', roles: ADMINS },
  { path: '/audit', label: 'nav.audit', roles: ['district_admin'] },
  { path: '/registry', label: 'nav.registry', roles: ADMINS },
  { path: '/needs', label: 'nav.needs', roles: ADMINS },
  { path: '/pressing', label: 'nav.pressing', roles: ADMINS },
  { path: '/map', label: 'nav.map', roles: EVERYONE },
  { path: '/categories', label: 'nav.categories', roles: ['district_admin'] },
  { path: '/studio-apply', label: 'studios.nav.apply', roles: ['member'] },
  { path: '/my-studios', label: 'studios.nav.mine', roles: ['member'] },
  { path: '/studios', label: 'studios.nav.list', roles: ADMINS },
  { path: '/studio-reviews', label: 'studios.nav.reviews', roles: ['community_admin', 'street_admin'] },
  { path: '/reminders', label: 'studios.nav.reminders', roles: ['street_admin', 'district_admin'] },
  { path: '/outbox', label: 'studios.nav.outbox', roles: ['street_admin', 'district_admin'] },
  { path: '/requests', label: 'delivery.nav.requests', roles: [...ADMINS, 'member'] },
  { path: '/records', label: 'delivery.nav.records', roles: [...ADMINS, 'member'] },
  { path: '/legal-aid', label: 'delivery.nav.legalAid', roles: ADMINS },
  { path: '/about', label: 'nav.about', roles: EVERYONE },
];

/** The roles allowed on a menu path. */
export function rolesFor(path: string): readonly Role[] {
  return navItems.find((item) => item.path === path)?.roles ?? [];
}
