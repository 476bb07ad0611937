import type { Actor, Role } from './roles.ts';
import { allow, conditionHolds, type Rule as RuleOf, type Target } from './policy.ts';
import { studioActions, studioLifecycle } from '../studios/lifecycle.ts';
import { requestHandleRules } from '../delivery/request-lifecycle.ts';
import { letterActions, letterLifecycle } from '../mailbox/lifecycle.ts';
import { inspectionActions, inspectionLifecycle } from '../inspections/lifecycle.ts';
import { proposalActions, proposalLifecycle } from '../inspections/proposal.ts';
import { supervisorActions, supervisorLifecycle } from '../inspections/supervisors.ts';
import { commendationLifecycle, reviewLifecycle } from '../evaluation/proposals.ts';

export { allow, conditionHolds, type Condition, type Target } from './policy.ts';

/** What an actor wants to do. Studio transitions are actions of their own. */
export const actions = [
  'read',
  'create',
  'update',
  'unlock',
  'disable',
  'readPersonal',
  'publish',
  'check',
  'screen',
  'export',
  'handle',
  'rate',
  'correct',
  ...studioActions,
  ...letterActions,
  'plan',
  ...inspectionActions,
  ...proposalActions,
  ...supervisorActions,
  'run',
] as const;
export type Action = (typeof actions)[number];

/** What it wants to do it to. */
export const subjects = [
  'orgUnit',
  'account',
  'auditLog',
  'studio',
  'commitment',
  'outbox',
  'reminder',
  'category',
  'volunteer',
  'venue',
  'mapSettings',
  'need',
  'serviceRequest',
  'serviceRecord',
  'recordSettings',
  'letter',
  'accusation',
  'mailboxSettings',
  'supervisor',
  'checklist',
  'inspection',
  'inspectionCoverage',
  'rectificationProposal',
  'evaluationScheme',
  'evaluationScore',
  'yearEndSheet',
  'commendationProposal',
  'reviewProposal',
  'statistics',
  'statisticsSettings',
  'publicAddress',
  'bulletin',
  'networkImport',
  'workbench',
] as const;
export type Subject = (typeof subjects)[number];

/** One rule of Huimin's policy. */
export type Rule = RuleOf<Action, Subject>;

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

  // Studios: every staff role sees those in its subtree; members apply and edit their own drafts.
  ...staff.map((r) => allow(r, 'read', 'studio', 'inScope')),
  allow('member', 'create', 'studio', 'inScope'),
  allow('community_admin', 'create', 'studio', 'inScope'),
  allow('street_admin', 'create', 'studio', 'inScope'),
  allow('member', 'update', 'studio', 'own'),
  allow('community_admin', 'update', 'studio', 'inScope'),
  allow('street_admin', 'update', 'studio', 'inScope'),
  // Every lifecycle transition, straight from the state machine's table.
  ...studioLifecycle.rules(),

  // Public commitments (公开承诺): the leading member writes and publishes them; admins may too.
  allow('member', 'update', 'commitment', 'own'),
  allow('member', 'publish', 'commitment', 'own'),
  ...admins.map((r) => allow(r, 'update', 'commitment', 'inScope')),
  ...admins.map((r) => allow(r, 'publish', 'commitment', 'inScope')),
  // Whether a promise was kept is judged by the organisation, not by the studio itself.
  ...admins.map((r) => allow(r, 'check', 'commitment', 'inScope')),

  // Sent messages and reminders are for the street and the district.
  allow('district_admin', 'read', 'outbox', 'inScope'),
  allow('street_admin', 'read', 'outbox', 'inScope'),
  allow('district_admin', 'read', 'reminder', 'inScope'),
  allow('street_admin', 'read', 'reminder', 'inScope'),

  ...staff.map((r) => allow(r, 'read', 'category', 'any')),
  allow('district_admin', 'create', 'category', 'any'),
  allow('district_admin', 'update', 'category', 'any'),
  // The registry (选好人): staff pick studio members from it within their subtree.
  // The registry is the party organisations': a member or a supervisor reads no one's record.
  ...admins.map((r) => allow(r, 'read', 'volunteer', 'inScope')),
  ...admins.map((r) => allow(r, 'create', 'volunteer', 'inScope')),
  ...admins.map((r) => allow(r, 'update', 'volunteer', 'inScope')),
  ...admins.map((r) => allow(r, 'screen', 'volunteer', 'inScope')),
  ...admins.map((r) => allow(r, 'export', 'volunteer', 'inScope')),
  // Needs intake (访民情) holds residents' words: the party organisations record and read it.
  ...admins.map((r) => allow(r, 'read', 'need', 'inScope')),
  ...admins.map((r) => allow(r, 'create', 'need', 'inScope')),
  ...admins.map((r) => allow(r, 'update', 'need', 'inScope')),
  // Service delivery: a studio's members handle its requests and keep its record book;
  // the party organisations above see them and may act for a member who cannot.
  ...staff.map((r) => allow(r, 'read', 'serviceRequest', 'inScope')),
  // Who may handle a request comes from the request lifecycle's table.
  ...requestHandleRules(),
  ...staff.map((r) => allow(r, 'read', 'serviceRecord', 'inScope')),
  allow('member', 'create', 'serviceRecord', 'own'),
  ...admins.map((r) => allow(r, 'create', 'serviceRecord', 'inScope')),
  // Follow-ups are added by the studio's members or the organisations; a correction only by the record's author.
  allow('member', 'update', 'serviceRecord', 'own'),
  ...admins.map((r) => allow(r, 'update', 'serviceRecord', 'inScope')),
  allow('member', 'correct', 'serviceRecord', 'own'),
  allow('district_admin', 'update', 'recordSettings', 'any'),
  ...admins.map((r) => allow(r, 'export', 'serviceRecord', 'inScope')),
  // Siting (找准点): everyone sees the map of their subtree; admins record venues and residential areas.
  ...staff.map((r) => allow(r, 'read', 'venue', 'inScope')),
  ...admins.map((r) => allow(r, 'create', 'venue', 'inScope')),
  ...admins.map((r) => allow(r, 'update', 'venue', 'inScope')),
  allow('district_admin', 'update', 'mapSettings', 'inScope'),
  // Unmasked phone and ID numbers: only the organisations that arrange services; each read is logged.
  ...admins.map((r) => allow(r, 'readPersonal', 'volunteer', 'inScope')),
  // The supervision mailbox (监督信箱) is run by the street party committee; the district sees
  // every street's letters, settles the settings and alone sees accusations (检举控告), which
  // are forwarded to the discipline inspection body. Transitions come from the letter's lifecycle.
  allow('street_admin', 'read', 'letter', 'inScope'),
  allow('district_admin', 'read', 'letter', 'inScope'),
  allow('street_admin', 'readPersonal', 'letter', 'inScope'),
  allow('district_admin', 'readPersonal', 'letter', 'inScope'),
  allow('district_admin', 'read', 'accusation', 'inScope'),
  ...letterLifecycle.rules(),
  allow('street_admin', 'read', 'mailboxSettings', 'any'),
  allow('district_admin', 'read', 'mailboxSettings', 'any'),
  allow('district_admin', 'update', 'mailboxSettings', 'any'),
  // Citizen supervisors (群众监督员): the street keeps its roster; a supervisor sees their own entry.
  allow('district_admin', 'read', 'supervisor', 'inScope'),
  allow('street_admin', 'read', 'supervisor', 'inScope'),
  allow('supervisor', 'read', 'supervisor', 'own'),
  allow('street_admin', 'create', 'supervisor', 'inScope'),
  allow('street_admin', 'update', 'supervisor', 'inScope'),
  allow('street_admin', 'readPersonal', 'supervisor', 'inScope'),
  ...supervisorLifecycle.rules(),
  // Quarterly inspections: the district sets the checklist; the street plans, reassigns and decides
  // proposals; a supervisor sees and fills only the inspections planned for them.
  ...[...admins, 'supervisor' as const].map((r) => allow(r, 'read', 'checklist', 'any')),
  allow('district_admin', 'update', 'checklist', 'any'),
  ...admins.map((r) => allow(r, 'read', 'inspection', 'inScope')),
  allow('supervisor', 'read', 'inspection', 'own'),
  allow('street_admin', 'plan', 'inspection', 'inScope'),
  ...inspectionLifecycle.rules(),
  ...admins.map((r) => allow(r, 'read', 'inspectionCoverage', 'inScope')),
  allow('district_admin', 'read', 'rectificationProposal', 'inScope'),
  allow('street_admin', 'read', 'rectificationProposal', 'inScope'),
  ...proposalLifecycle.rules(),
  // Quantitative evaluation (量化考评): the district sets the scheme and runs the quarter; every
  // account that may see a studio may see its scores and why each point was given or taken.
  ...admins.map((r) => allow(r, 'read', 'evaluationScheme', 'any')),
  allow('district_admin', 'update', 'evaluationScheme', 'any'),
  ...staff.map((r) => allow(r, 'read', 'evaluationScore', 'inScope')),
  // The year-end sheet of every member in the subtree is for the organisations.
  ...admins.map((r) => allow(r, 'export', 'evaluationScore', 'inScope')),
  // One member's sheet as a document: the organisations of the subtree, and the member their own.
  ...admins.map((r) => allow(r, 'read', 'yearEndSheet', 'inScope')),
  allow('member', 'read', 'yearEndSheet', 'own'),
  allow('district_admin', 'run', 'evaluationScore', 'inScope'),
  allow('district_admin', 'read', 'commendationProposal', 'inScope'),
  allow('street_admin', 'read', 'commendationProposal', 'inScope'),
  ...commendationLifecycle.rules(),
  // The district issues the commendation notice (通报表扬) of the commendations it confirmed.
  allow('district_admin', 'publish', 'commendationProposal', 'inScope'),
  // The member's branch (its organisation) confirms or changes the suggested year-end grade.
  ...admins.map((r) => allow(r, 'update', 'evaluationScore', 'inScope')),
  allow('district_admin', 'read', 'reviewProposal', 'inScope'),
  allow('street_admin', 'read', 'reviewProposal', 'inScope'),
  ...reviewLifecycle.rules(),
  // Statistics (统计) are the party organisations' view of their subtree; the district sets the
  // public small-count minimum. Bulletins (简报) are written by the district and the streets.
  ...admins.map((r) => allow(r, 'read', 'statistics', 'inScope')),
  ...admins.map((r) => allow(r, 'export', 'statistics', 'inScope')),
  ...admins.map((r) => allow(r, 'read', 'statisticsSettings', 'any')),
  allow('district_admin', 'update', 'statisticsSettings', 'any'),
  // The public address printed on QR codes and put in SMS links is the district's to set.
  allow('district_admin', 'read', 'publicAddress', 'any'),
  allow('district_admin', 'update', 'publicAddress', 'any'),
  allow('district_admin', 'read', 'bulletin', 'inScope'),
  allow('street_admin', 'read', 'bulletin', 'inScope'),
  allow('district_admin', 'create', 'bulletin', 'inScope'),
  allow('street_admin', 'create', 'bulletin', 'inScope'),
  allow('district_admin', 'update', 'bulletin', 'inScope'),
  allow('street_admin', 'update', 'bulletin', 'inScope'),
  // Bringing the existing network in (studios, paper record books) is the district's and the streets' work.
  allow('district_admin', 'create', 'networkImport', 'inScope'),
  allow('street_admin', 'create', 'networkImport', 'inScope'),
  // 工作台: everyone signed in starts the day from their own to-dos, counted within their scope.
  ...staff.map((r) => allow(r, 'read', 'workbench', 'inScope')),
];

/** Whether the role has any rule for (action, subject) at all: the route-level check (403 when not). */
export function roleMayEver(role: Role, action: Action, subject: Subject): boolean {
  return rules.some((r) => r.role === role && r.action === action && r.subject === subject);
}

/** The object-level check: some rule for the actor's role allows this action on this target. */
export function can(actor: Actor, action: Action, subject: Subject, target?: Target): boolean {
  return rules.some(
    (r) =>
      r.role === actor.role &&
      r.action === action &&
      r.subject === subject &&
      conditionHolds(r.condition, actor, target),
  );
}
