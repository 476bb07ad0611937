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
 * The menu's groups, in order. A group shows when the role sees one of its entries; its icon
 * is named here and drawn by MainMenu. To add a page, add one line to `navItems` naming its group.
 */
export const navGroups = [
  { key: 'org', label: 'nav.group.org', icon: 'team' },
  { key: 'needs', label: 'nav.group.needs', icon: 'environment' },
  { key: 'studios', label: 'nav.group.studios', icon: 'shop' },
  { key: 'service', label: 'nav.group.service', icon: 'heart' },
  { key: 'supervision', label: 'nav.group.supervision', icon: 'safety' },
  { key: 'statistics', label: 'nav.group.statistics', icon: 'chart' },
  { key: 'system', label: 'nav.group.system', icon: 'setting' },
] as const satisfies readonly { key: string; label: MessageKey; icon: string }[];
export type NavGroupKey = (typeof navGroups)[number]['key'];

/**
 * A page in the main menu and what it takes to open it: any one of `needs` (from the
 * domain's access rules, src/domain/access/rules.ts), or nothing but being signed in.
 * `group` places it under a heading of the menu (and in the breadcrumb); without one it
 * stands at the top (the 工作台).
 */
export interface NavItem {
  path: string;
  label: MessageKey;
  needs: readonly Need[] | 'signedIn';
  group?: NavGroupKey;
}

/** The main menu, in order within each group. Who sees an entry follows from the access rules, not from a list of roles. */
export const navItems: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench', needs: 'signedIn' },
  { path: '/org', label: 'nav.org', needs: [{ action: 'read', subject: 'orgUnit' }], group: 'org' },
  { path: '/accounts', label: 'nav.accounts', needs: [{ action: 'read', subject: 'account' }], group: 'system' },
  { path: '/audit', label: 'nav.audit', needs: [{ action: 'read', subject: 'auditLog' }], group: 'system' },
  // Everyone picks members from the registry; keeping it is for those who may change it.
  { path: '/registry', label: 'nav.registry', needs: [{ action: 'update', subject: 'volunteer' }], group: 'org' },
  { path: '/needs', label: 'nav.needs', needs: [{ action: 'read', subject: 'need' }], group: 'needs' },
  { path: '/pressing', label: 'nav.pressing', needs: [{ action: 'read', subject: 'need' }], group: 'needs' },
  { path: '/map', label: 'nav.map', needs: [{ action: 'read', subject: 'venue' }], group: 'needs' },
  { path: '/categories', label: 'nav.categories', needs: [{ action: 'update', subject: 'category' }], group: 'system' },
  // 申办: a member applies for, and keeps, studios of its own.
  {
    path: '/studio-apply',
    label: 'studios.nav.apply',
    needs: [{ action: 'submit', subject: 'studio', scope: 'own' }],
    group: 'studios',
  },
  {
    path: '/my-studios',
    label: 'studios.nav.mine',
    needs: [{ action: 'update', subject: 'studio', scope: 'own' }],
    group: 'studios',
  },
  // The organisations that oversee the studios in their subtree (they may order rectification).
  { path: '/studios', label: 'studios.nav.list', needs: [{ action: 'rectify', subject: 'studio' }], group: 'studios' },
  {
    path: '/studio-reviews',
    group: 'studios',
    label: 'studios.nav.reviews',
    needs: [
      { action: 'communityReview', subject: 'studio' },
      { action: 'streetReview', subject: 'studio' },
    ],
  },
  {
    path: '/reminders',
    label: 'studios.nav.reminders',
    needs: [{ action: 'read', subject: 'reminder' }],
    group: 'studios',
  },
  { path: '/outbox', label: 'studios.nav.outbox', needs: [{ action: 'read', subject: 'outbox' }], group: 'system' },
  {
    path: '/requests',
    label: 'delivery.nav.requests',
    needs: [{ action: 'handle', subject: 'serviceRequest' }],
    group: 'service',
  },
  {
    path: '/records',
    label: 'delivery.nav.records',
    needs: [{ action: 'create', subject: 'serviceRecord' }],
    group: 'service',
  },
  // 监督信箱: the street handles letters, the district oversees every street and sets the deadlines.
  {
    path: '/letters',
    label: 'mailbox.nav.letters',
    needs: [{ action: 'read', subject: 'letter' }],
    group: 'supervision',
  },
  {
    path: '/letter-rates',
    label: 'mailbox.nav.rates',
    needs: [{ action: 'read', subject: 'letter' }],
    group: 'supervision',
  },
  // Every street's 三率 and inspection coverage for a quarter, on one page.
  {
    path: '/supervision-overview',
    label: 'inspections.nav.overview',
    needs: [{ action: 'read', subject: 'letter' }],
    group: 'supervision',
  },
  {
    path: '/mailbox-settings',
    label: 'mailbox.nav.settings',
    needs: [{ action: 'update', subject: 'mailboxSettings' }],
    group: 'system',
  },
  // Supervision (群众监督员, 季度检查): the street's roster and plan, the district's checklist, the supervisor's own visits.
  {
    path: '/supervisors',
    label: 'inspections.nav.supervisors',
    needs: [{ action: 'read', subject: 'supervisor', scope: 'inScope' }],
    group: 'supervision',
  },
  {
    path: '/inspections',
    label: 'inspections.nav.plan',
    needs: [{ action: 'read', subject: 'inspectionCoverage' }],
    group: 'supervision',
  },
  {
    path: '/rectification-proposals',
    label: 'inspections.nav.proposals',
    needs: [{ action: 'read', subject: 'rectificationProposal' }],
    group: 'supervision',
  },
  {
    path: '/inspection-checklist',
    label: 'inspections.nav.checklist',
    needs: [{ action: 'update', subject: 'checklist' }],
    group: 'supervision',
  },
  {
    path: '/my-inspections',
    label: 'inspections.nav.mine',
    needs: [{ action: 'submit', subject: 'inspection', scope: 'own' }],
    group: 'supervision',
  },
  // The legal-aid figures are a report over the records, for those who may export them.
  {
    path: '/legal-aid',
    label: 'delivery.nav.legalAid',
    needs: [{ action: 'export', subject: 'serviceRecord' }],
    group: 'statistics',
  },
  // 量化考评: whoever may see a studio sees its score; the proposals are for those who decide them.
  {
    path: '/evaluation',
    label: 'evaluation.nav.scores',
    needs: [{ action: 'read', subject: 'evaluationScore' }],
    group: 'supervision',
  },
  {
    path: '/year-end',
    label: 'evaluation.yearEnd.nav',
    needs: [{ action: 'read', subject: 'evaluationScore' }],
    group: 'supervision',
  },
  {
    path: '/evaluation-scheme',
    label: 'evaluation.scheme.nav',
    needs: [{ action: 'update', subject: 'evaluationScheme' }],
    group: 'supervision',
  },
  {
    path: '/evaluation-proposals',
    label: 'evaluation.nav.proposals',
    needs: [{ action: 'read', subject: 'reviewProposal' }],
    group: 'supervision',
  },
  // Statistics and the bulletin (统计, 简报): the party organisations' view of their subtree.
  {
    path: '/statistics',
    label: 'statistics.nav.dashboard',
    needs: [{ action: 'read', subject: 'statistics' }],
    group: 'statistics',
  },
  {
    path: '/bulletins',
    label: 'statistics.nav.bulletins',
    needs: [{ action: 'read', subject: 'bulletin' }],
    group: 'statistics',
  },
  {
    path: '/network-imports',
    label: 'statistics.nav.imports',
    needs: [{ action: 'create', subject: 'networkImport' }],
    group: 'statistics',
  },
  {
    path: '/public-address',
    label: 'nav.publicAddress',
    needs: [{ action: 'update', subject: 'publicAddress' }],
    group: 'system',
  },
  {
    path: '/record-settings',
    label: 'delivery.nav.recordSettings',
    needs: [{ action: 'update', subject: 'recordSettings' }],
    group: 'system',
  },
  { path: '/about', label: 'nav.about', needs: 'signedIn', group: 'system' },
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

/** One heading of the menu with the entries a role sees under it. */
export type MenuNode = { item: NavItem } | { group: (typeof navGroups)[number]; items: NavItem[] };

/** A role's menu as shown: the entries without a group first, then each group it sees something in. */
export function menuTreeFor(role: Role): MenuNode[] {
  const visible = menuFor(role);
  const top: MenuNode[] = visible.filter((i) => i.group === undefined).map((item) => ({ item }));
  const grouped: MenuNode[] = navGroups.flatMap((group) => {
    const items = visible.filter((i) => i.group === group.key);
    return items.length > 0 ? [{ group, items }] : [];
  });
  return [...top, ...grouped];
}

/** The menu entry a page belongs to: the entry whose path is the page's or a parent of it. */
export function entryOf(pathname: string): NavItem | undefined {
  return navItems
    .filter((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The group an entry sits under, if any. */
export function groupOf(item: NavItem): (typeof navGroups)[number] | undefined {
  return navGroups.find((g) => g.key === item.group);
}
