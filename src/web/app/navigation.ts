import { scopeOf } from '../../domain/access/abilities.ts';
import type { Condition } from '../../domain/access/policy.ts';
import type { Role } from '../../domain/access/roles.ts';
import { roleMayEver, type Action, type Subject } from '../../domain/access/rules.ts';
import type { MessageKey } from '../lib/i18n/index.ts';

/** What a page needs: a rule for (action, subject), reaching exactly `scope` when given. */
export interface Need {
  action: Action;
  subject: Subject;
  scope?: Condition;
}

/**
 * A page in the main menu and what it takes to open it: any one of `needs` (from the
 * domain's access rules, src/domain/access/rules.ts), or nothing but being signed in.
 */
export interface NavItem {
  path: string;
  label: MessageKey;
  needs: readonly Need[] | 'signedIn';
}

/** The main menu, in order. Who sees an entry follows from the access rules, not from a list of roles. */
export const navItems: readonly NavItem[] = [
  { path: '/org', label: 'nav.org', needs: [{ action: 'read', subject: 'orgUnit' }] },
  { path: '/accounts', label: 'nav.accounts', needs: [{ action: 'read', subject: 'account' }] },
  { path: '/audit', label: 'nav.audit', needs: [{ action: 'read', subject: 'auditLog' }] },
  // Everyone picks members from the registry; keeping it is for those who may change it.
  { path: '/registry', label: 'nav.registry', needs: [{ action: 'update', subject: 'volunteer' }] },
  { path: '/needs', label: 'nav.needs', needs: [{ action: 'read', subject: 'need' }] },
  { path: '/pressing', label: 'nav.pressing', needs: [{ action: 'read', subject: 'need' }] },
  { path: '/map', label: 'nav.map', needs: [{ action: 'read', subject: 'venue' }] },
  { path: '/categories', label: 'nav.categories', needs: [{ action: 'update', subject: 'category' }] },
  // 申办: a member applies for, and keeps, studios of its own.
  { path: '/studio-apply', label: 'studios.nav.apply', needs: [{ action: 'submit', subject: 'studio', scope: 'own' }] },
  { path: '/my-studios', label: 'studios.nav.mine', needs: [{ action: 'update', subject: 'studio', scope: 'own' }] },
  // The organisations that oversee the studios in their subtree (they may order rectification).
  { path: '/studios', label: 'studios.nav.list', needs: [{ action: 'rectify', subject: 'studio' }] },
  {
    path: '/studio-reviews',
    label: 'studios.nav.reviews',
    needs: [
      { action: 'communityReview', subject: 'studio' },
      { action: 'streetReview', subject: 'studio' },
    ],
  },
  // 监督信箱: the street handles letters, the district oversees every street and sets the deadlines.
  { path: '/letters', label: 'mailbox.nav.letters', needs: [{ action: 'read', subject: 'letter' }] },
  { path: '/letter-rates', label: 'mailbox.nav.rates', needs: [{ action: 'read', subject: 'letter' }] },
  {
    path: '/mailbox-settings',
    label: 'mailbox.nav.settings',
    needs: [{ action: 'update', subject: 'mailboxSettings' }],
  },
  { path: '/reminders', label: 'studios.nav.reminders', needs: [{ action: 'read', subject: 'reminder' }] },
  { path: '/outbox', label: 'studios.nav.outbox', needs: [{ action: 'read', subject: 'outbox' }] },
  // Supervision (群众监督员, 季度检查): the street's roster and plan, the district's checklist, the supervisor's own visits.
  {
    path: '/supervisors',
    label: 'inspections.nav.supervisors',
    needs: [{ action: 'read', subject: 'supervisor', scope: 'inScope' }],
  },
  { path: '/inspections', label: 'inspections.nav.plan', needs: [{ action: 'read', subject: 'inspectionCoverage' }] },
  {
    path: '/rectification-proposals',
    label: 'inspections.nav.proposals',
    needs: [{ action: 'read', subject: 'rectificationProposal' }],
  },
  {
    path: '/inspection-checklist',
    label: 'inspections.nav.checklist',
    needs: [{ action: 'update', subject: 'checklist' }],
  },
  {
    path: '/my-inspections',
    label: 'inspections.nav.mine',
    needs: [{ action: 'submit', subject: 'inspection', scope: 'own' }],
  },
  { path: '/requests', label: 'delivery.nav.requests', needs: [{ action: 'handle', subject: 'serviceRequest' }] },
  { path: '/records', label: 'delivery.nav.records', needs: [{ action: 'create', subject: 'serviceRecord' }] },
  // The legal-aid figures are a report over the records, for those who may export them.
  { path: '/legal-aid', label: 'delivery.nav.legalAid', needs: [{ action: 'export', subject: 'serviceRecord' }] },
  { path: '/about', label: 'nav.about', needs: 'signedIn' },
];

/** Whether a role meets one of a page's needs. */
export function meets(role: Role, needs: NavItem['needs']): boolean {
  if (needs === 'signedIn') return true;
  return needs.some(({ action, subject, scope }) =>
    scope === undefined ? roleMayEver(role, action, subject) : scopeOf(role, action, subject) === scope,
  );
}

/** The menu entries a role sees. */
export function menuFor(role: Role): NavItem[] {
  return navItems.filter((item) => meets(role, item.needs));
}

/** Whether a role may open the menu page at `path` (false for a path the menu lacks). */
export function mayOpen(role: Role, path: string): boolean {
  const item = navItems.find((i) => i.path === path);
  return item !== undefined && meets(role, item.needs);
}
