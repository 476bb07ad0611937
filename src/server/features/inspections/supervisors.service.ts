import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isStreetLevel } from '../../../domain/org-units/units.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isQuarter, type Quarter } from '../../../domain/inspections/quarters.ts';
import {
  activityOf,
  checkTerm,
  isInactive,
  supervisorLifecycle,
  supervisorStatus,
  termEndFrom,
  transitionSupervisor,
  type SupervisorInput,
} from '../../../domain/inspections/supervisors.ts';
import type {
  AppointSupervisor,
  Supervisor,
  SupervisorAbility,
  listSupervisorsQuery,
  supervisorDetails,
} from '../../../contract/supervisors.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { ownScopePath } from './own-scope.service.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { addDays, chinaDate } from '../../time.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './supervisors.repository.ts';
import { presentSupervisor } from './supervisors.presenter.ts';

const targetOf = (row: repo.SupervisorRow) => ({ unitPath: row.street_path, ownerAccountIds: [row.account_id] });

/** How a roster entry relates to the actor, for its lifecycle. */
function relationOf(actor: Actor, row: repo.SupervisorRow): Relation {
  return {
    role: actor.role,
    inScope: can(actor, 'read', 'supervisor', targetOf(row)),
    isOwner: row.account_id === actor.accountId,
  };
}

/** Loads a roster entry the actor may see, or answers 404. */
async function loadVisible(deps: Deps, actor: Actor, id: number): Promise<repo.SupervisorRow> {
  const row = await repo.findSupervisor(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'supervisor', targetOf(row));
  return row;
}

/** What the actor may do with a roster entry now. */
function abilitiesOf(actor: Actor, row: repo.SupervisorRow, today: string): SupervisorAbility[] {
  const status = supervisorStatus(row.status, row.term_end, today);
  const target = targetOf(row);
  const next: SupervisorAbility[] = supervisorLifecycle.available(status, relationOf(actor, row));
  if (can(actor, 'update', 'supervisor', target) && status !== 'dismissed') next.push('edit');
  if (can(actor, 'readPersonal', 'supervisor', target)) next.push('revealPhone');
  next.push('printLetter');
  return next;
}

async function present(deps: Deps, actor: Actor, rows: repo.SupervisorRow[]): Promise<Supervisor[]> {
  const now = deps.clock.now();
  const today = chinaDate(now);
  const items = await repo.inspectionsOfSupervisors(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const mine = items
      .filter((i) => i.supervisor_id === row.id && isQuarter(i.quarter))
      .map((i) => ({ quarter: i.quarter as Quarter, status: i.status, submittedAt: i.submitted_at }));
    const submitted = new Set(mine.filter((i) => i.submittedAt !== null).map((i) => i.quarter as string));
    return presentSupervisor(row, {
      status: supervisorStatus(row.status, row.term_end, today),
      activity: activityOf(mine, now.toISOString()),
      inactive: row.status === 'active' && isInactive(row.appointed_on, submitted, today),
      allowedActions: abilitiesOf(actor, row, today),
    });
  });
}

/** The roster of the streets in scope; a supervisor sees only their own entry. */
export async function listSupervisors(deps: Deps, actor: Actor, query: z.infer<typeof listSupervisorsQuery>) {
  let path: string;
  let accountId: number | undefined;
  if (can(actor, 'read', 'supervisor', { unitPath: actor.unitPath })) {
    path = (await resolveScope(deps.db, actor, 'read', 'supervisor', query.under)).path;
  } else {
    path = await ownScopePath(deps, actor, 'supervisor', query.under);
    accountId = actor.accountId;
  }
  const { rows, total } = await repo.listSupervisors(deps.db, {
    path,
    accountId,
    status: query.status,
    today: chinaDate(deps.clock.now()),
    q: query.q || undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await present(deps, actor, rows), total };
}

/** One roster entry. */
export async function getSupervisor(deps: Deps, actor: Actor, id: number): Promise<Supervisor> {
  const [item] = await present(deps, actor, [await loadVisible(deps, actor, id)]);
  if (!item) throw new DomainError('NOT_FOUND');
  return item;
}

/** A community of the street, or a refusal naming the field. */
async function checkCommunity(deps: Deps, streetId: number, communityId: number | null): Promise<void> {
  if (communityId === null) return;
  const unit = await findUnit(deps.db, communityId);
  if (!unit || unit.parent_id !== streetId) throw new DomainError('VALIDATION_FAILED', { field: 'communityId' });
}

/**
 * Puts a resident on a street's roster. Their supervisor account (made beforehand through
 * the accounts API, bound to the street) is the one they sign in with; the term runs two
 * years unless the street says otherwise.
 */
export async function appointSupervisor(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: AppointSupervisor,
): Promise<Supervisor> {
  const account = await repo.findAccountForRoster(deps.db, input.accountId);
  if (!account) throw new DomainError('VALIDATION_FAILED', { field: 'accountId' });
  authorize(actor, 'create', 'supervisor', { unitPath: account.unit_path });
  if (account.role !== 'supervisor' || !isStreetLevel(account.unit_level))
    throw new DomainError('VALIDATION_FAILED', { field: 'accountId' });
  if (account.supervisor_id !== null) throw new DomainError('ALREADY_ON_ROSTER');
  await checkCommunity(deps, account.unit_id, input.communityId);
  const termEnd = input.termEnd ?? termEndFrom(input.appointedOn);
  checkTerm(input.appointedOn, termEnd);
  if (termEnd < chinaDate(new Date(ctx.at))) throw new DomainError('TERM_INVALID');
  const id = await deps.db.transaction().execute(async (trx) => {
    const cardNumber = input.cardNumber ?? (await repo.nextCardNumber(trx, `JD-${input.appointedOn.slice(0, 4)}-`));
    if (await repo.cardNumberTaken(trx, cardNumber)) throw new DomainError('CARD_NUMBER_TAKEN', { number: cardNumber });
    const created = await repo.insertSupervisor(trx, {
      street_id: account.unit_id,
      account_id: account.id,
      name: input.name,
      phone: input.phone,
      community_id: input.communityId,
      card_number: cardNumber,
      appointed_on: input.appointedOn,
      term_start: input.appointedOn,
      term_end: termEnd,
      status: 'active',
      status_reason: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'supervisor',
      entityId: created,
      action: 'create',
      unitId: account.unit_id,
      after: { ...input, phone: undefined, cardNumber, termEnd },
    });
    return created;
  });
  return getSupervisor(deps, actor, id);
}

/** Changes a supervisor's name, phone, community or card number. */
export async function updateSupervisorDetails(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof supervisorDetails>,
): Promise<Supervisor> {
  const row = await loadVisible(deps, actor, id);
  authorize(actor, 'update', 'supervisor', targetOf(row));
  if (row.status === 'dismissed') throw new DomainError('SUPERVISOR_NOT_ALLOWED', { status: 'dismissed' });
  await checkCommunity(deps, row.street_id, input.communityId);
  const cardNumber = input.cardNumber ?? row.card_number;
  await deps.db.transaction().execute(async (trx) => {
    if (await repo.cardNumberTaken(trx, cardNumber, id))
      throw new DomainError('CARD_NUMBER_TAKEN', { number: cardNumber });
    await repo.updateSupervisor(trx, id, {
      name: input.name,
      phone: input.phone,
      community_id: input.communityId,
      card_number: cardNumber,
      updated_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'supervisor',
      entityId: id,
      action: 'update',
      unitId: row.street_id,
      before: { name: row.name, communityId: row.community_id, cardNumber: row.card_number },
      after: { name: input.name, communityId: input.communityId, cardNumber, phoneChanged: input.phone !== row.phone },
    });
  });
  return getSupervisor(deps, actor, id);
}

/** The unmasked phone, for the street that arranges visits; every read is in the audit log. */
export async function revealSupervisorPhone(deps: Deps, ctx: AuditContext, actor: Actor, id: number) {
  const row = await loadVisible(deps, actor, id);
  authorize(actor, 'readPersonal', 'supervisor', targetOf(row));
  await recordAudit(deps.db, ctx, {
    entity: 'supervisor',
    entityId: id,
    action: 'readPersonal',
    unitId: row.street_id,
    after: { fields: ['phone'] },
  });
  return { id: row.id, name: row.name, phone: row.phone };
}

/** Renews an appointment (to two more years by default) or dismisses the supervisor. */
export async function decideAppointment(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  request: { action: 'renew'; termEnd?: string | undefined } | { action: 'dismiss'; reason: string },
): Promise<Supervisor> {
  const row = await loadVisible(deps, actor, id);
  const today = chinaDate(new Date(ctx.at));
  const status = supervisorStatus(row.status, row.term_end, today);
  const input: SupervisorInput =
    request.action === 'renew'
      ? {
          action: 'renew',
          termEnd: request.termEnd ?? termEndFrom(row.term_end >= today ? addDays(row.term_end, 1) : today),
        }
      : request;
  const result = transitionSupervisor({ status, termEnd: row.term_end }, input, relationOf(actor, row), today);
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateSupervisor(
      trx,
      id,
      input.action === 'renew'
        ? {
            status: 'active',
            term_start: status === 'term_ended' ? today : row.term_start,
            term_end: input.termEnd,
            status_reason: null,
            updated_at: ctx.at,
          }
        : { status: 'dismissed', status_reason: input.reason, updated_at: ctx.at },
    );
    await recordAudit(trx, ctx, {
      entity: 'supervisor',
      entityId: id,
      action: input.action,
      unitId: row.street_id,
      before: { status, termEnd: row.term_end },
      after: { status: result.to, ...input },
    });
  });
  return getSupervisor(deps, actor, id);
}

/** What the appointment letter (聘书) of a roster entry says. */
export async function appointmentLetterOf(deps: Deps, actor: Actor, id: number) {
  const row = await loadVisible(deps, actor, id);
  return {
    name: row.name,
    streetName: row.street_name,
    cardNumber: row.card_number,
    termStart: row.term_start,
    termEnd: row.term_end,
    appointedOn: row.appointed_on,
  };
}
