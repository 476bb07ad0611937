import type { Workbench, WorkbenchFigureKey, WorkbenchTodo } from '../../../contract/workbench.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can, roleMayEver } from '../../../domain/access/rules.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { studiosOfMember } from '../delivery/delivery.repository.ts';
import { sumRecords } from '../delivery/records.repository.ts';
import { listRequestRows } from '../delivery/requests.repository.ts';
import { listProposals as listEvaluationProposals } from '../evaluation/evaluation.repository.ts';
import { listInspections } from '../inspections/inspections.repository.ts';
import { listProposals as listRectificationProposals } from '../inspections/proposals.repository.ts';
import { listLetterQueue } from '../mailbox/letter-queue.repository.ts';
import { listNeedPage } from '../needs/needs.repository.ts';
import { countImportsAwaitingCommit } from '../../imports.repository.ts';
import { countVolunteers } from '../registry/registry.repository.ts';
import { listOpenReminders } from '../reminders/reminders.repository.ts';
import { listStudios } from '../studios/studios.repository.ts';
import { presentWorkbench } from './workbench.presenter.ts';
import { listRecentActionsOf } from './workbench.repository.ts';

const ONE = { limit: 1, offset: 0 };

/**
 * The viewer's 工作台: what waits for them to act (only what their role may act on, counted in
 * their scope), a few figures of that scope, and their own latest actions. Which to-dos appear
 * follows from the access rules, never from a role's name.
 */
export async function getWorkbench(deps: Deps, actor: Actor): Promise<Workbench> {
  const { db } = deps;
  const { path } = await resolveScope(db, actor, 'read', 'workbench');
  const today = chinaDate(deps.clock.now());
  const may = (action: Parameters<typeof roleMayEver>[1], subject: Parameters<typeof roleMayEver>[2]) =>
    roleMayEver(actor.role, action, subject);
  const isOwnOnly = (action: Parameters<typeof can>[1], subject: Parameters<typeof can>[2]) =>
    may(action, subject) && !can(actor, action, subject, { unitPath: actor.unitPath });
  const todos: WorkbenchTodo[] = [];
  const figures: Array<{ key: WorkbenchFigureKey; value: number }> = [];

  // Studio applications: the community reviews first, then the street decides.
  if (may('communityReview', 'studio') || may('streetReview', 'studio')) {
    let count = 0;
    if (may('communityReview', 'studio')) count += (await listStudios(db, { path, status: 'submitted', ...ONE })).total;
    if (may('streetReview', 'studio'))
      count += (await listStudios(db, { path, status: 'community_reviewed', ...ONE })).total;
    todos.push({ key: 'studioReviews', count, path: '/studio-reviews' });
  }

  // Requests: a member's studios' own, or everything in an organisation's subtree.
  if (may('handle', 'serviceRequest')) {
    const ownOnly = isOwnOnly('handle', 'serviceRequest');
    const where = ownOnly ? { studioIds: await studiosOfMember(db, actor.accountId) } : { path };
    const waiting = await listRequestRows(db, { ...where, status: 'assigned' }, ONE);
    todos.push({ key: 'requestsWaiting', count: waiting.total, path: '/requests' });
    if (!ownOnly) {
      const unassigned = await listRequestRows(db, { path, status: 'unassigned' }, ONE);
      todos.push({ key: 'requestsUnassigned', count: unassigned.total, path: '/requests' });
    }
  }

  if (may('read', 'reminder')) {
    const reminders = await listOpenReminders(db, path);
    const count = (kind: string) => reminders.filter((r) => r.kind === kind).length;
    todos.push({ key: 'rectificationsOverdue', count: count('rectification_overdue'), path: '/reminders' });
    todos.push({ key: 'contractsEnding', count: count('contract_ending'), path: '/reminders' });
  }

  if (may('update', 'need')) {
    const { total } = await listNeedPage(db, { path, uncategorised: true }, 1, 0);
    todos.push({ key: 'needsUncategorised', count: total, path: '/needs' });
  }

  if (may('update', 'volunteer'))
    todos.push({ key: 'importsPending', count: await countImportsAwaitingCommit(db, path), path: '/registry' });

  if (may('read', 'letter')) {
    const letters = { path, today, withAccusations: may('read', 'accusation'), ...ONE };
    const open = await listLetterQueue(db, { ...letters, open: true });
    const overdue = await listLetterQueue(db, { ...letters, open: true, overdue: true });
    // Escalated: still open five working days after a missed deadline, so the district steps in.
    const escalated = await listLetterQueue(db, { ...letters, open: true, escalated: true });
    todos.push({ key: 'lettersOpen', count: open.total, path: '/letters' });
    todos.push({ key: 'lettersOverdue', count: overdue.total, path: '/letters?overdue=1' });
    todos.push({ key: 'lettersEscalated', count: escalated.total, path: '/letters?escalated=1' });
  }

  // Inspections: a supervisor's own plan, or every plan in an organisation's subtree.
  if (may('read', 'inspection')) {
    const ownOnly = isOwnOnly('read', 'inspection');
    const mine = ownOnly ? { supervisorAccountId: actor.accountId } : {};
    const target = ownOnly ? '/my-inspections' : '/inspections';
    const planned = await listInspections(db, { path, status: 'planned', ...mine, ...ONE });
    const overdue = await listInspections(db, { path, status: 'planned', overdueOn: today, ...mine, ...ONE });
    todos.push({ key: 'inspectionsPlanned', count: planned.total, path: target });
    todos.push({ key: 'inspectionsOverdue', count: overdue.total, path: ownOnly ? target : `${target}?overdue=1` });
  }

  // Proposals waiting for the viewer's decision: an inspection's rectification proposal (the
  // street), and the evaluation's commendations (the district) and reviews (the street).
  if (may('confirm', 'rectificationProposal')) {
    const waiting = await listRectificationProposals(db, { path, status: 'proposed', ...ONE });
    todos.push({ key: 'rectificationProposals', count: waiting.total, path: '/rectification-proposals' });
  }
  const kinds = [
    ...(may('confirm', 'commendationProposal') ? ['commendation'] : []),
    ...(may('confirm', 'reviewProposal') ? ['review'] : []),
  ];
  if (kinds.length > 0) {
    const waiting = await listEvaluationProposals(db, { path, kinds, status: 'proposed', ...ONE });
    todos.push({ key: 'evaluationProposals', count: waiting.total, path: '/evaluation-proposals' });
  }

  // Figures: a member's own studios and record book; an organisation's subtree.
  if (isOwnOnly('update', 'studio')) {
    const mine = await listStudios(db, { path, ownerAccountId: actor.accountId, ...ONE });
    figures.push({ key: 'myStudios', value: mine.total });
  } else {
    figures.push({ key: 'studiosServing', value: (await listStudios(db, { path, status: 'active', ...ONE })).total });
  }
  if (may('update', 'volunteer')) figures.push({ key: 'volunteers', value: await countVolunteers(db, { path }) });
  if (may('create', 'serviceRecord')) {
    const authorId = isOwnOnly('create', 'serviceRecord') ? actor.accountId : undefined;
    const sums = await sumRecords(db, { path, authorId });
    figures.push({ key: 'records', value: sums.records }, { key: 'personTimes', value: sums.personTimes });
  }
  if (may('read', 'need')) figures.push({ key: 'needs', value: (await listNeedPage(db, { path }, 1, 0)).total });

  return presentWorkbench(todos, figures, await listRecentActionsOf(db, actor.accountId, 8));
}
