import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { transition, type Effect, type StudioStatus, type TransitionInput } from '../../../domain/studios/lifecycle.ts';
import { unpaidClause } from '../../../domain/studios/unpaid.ts';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext } from '../../context.ts';
import { authorize } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { findStudioCore, insertHistory, type StudioCore } from './studios.repository.ts';
import * as transitions from './studio-transitions.repository.ts';
import { relationOf } from './studios.presenter.ts';

// Commands: the studio lifecycle's writes, run inside a transaction the caller owns. The API
// runs them through studio-transitions.service.ts; another feature whose decision *is* a
// studio transition (a street confirming a rectification or revocation proposal) runs them
// here, so the transition and its cause commit together and the rules are never copied.

/** A transition as the API receives it; `award` may leave the plaque number to be generated. */
export type ActionRequest =
  | Exclude<TransitionInput, { action: 'award' }>
  | { action: 'award'; plaqueNumber?: string | undefined; awardedOn: string };

/** The reason or note a transition leaves on the studio and in its history. */
function noteOf(input: TransitionInput): string | null {
  switch (input.action) {
    case 'communityReview':
    case 'streetReview':
      return input.review.reason ?? null;
    case 'rectify':
      return input.findings;
    case 'completeRectification':
      return input.outcome;
    case 'revoke':
    case 'close':
      return input.reason;
    case 'award':
      return input.plaqueNumber;
    case 'sign':
      return `${input.termStart} ~ ${input.termEnd}`;
    case 'renew':
      return `→ ${input.termEnd}`;
    default:
      return null;
  }
}

async function applicationFacts(db: Kysely<Database>, core: StudioCore) {
  const counts = await transitions.countApplicationParts(db, core.id);
  return {
    name: core.name,
    categoryCount: counts.categories,
    serviceItemCount: counts.serviceItems,
    openingHours: core.opening_hours,
    staffingMode: core.staffing_mode as 'single' | 'team',
    hasLeader: core.leader_volunteer_id !== null,
    memberCount: counts.members,
  };
}

/** Writes what a transition leaves behind besides the status: a review, an agreement, a plaque, a rectification. */
async function persistEffect(
  trx: Kysely<Database>,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  effect: Effect,
): Promise<void> {
  switch (effect.kind) {
    case 'recordReview': {
      const r = effect.review;
      await transitions.insertReview(trx, {
        studioId,
        stage: effect.stage,
        politicalPass: r.politicalQuality.pass === true,
        politicalComment: r.politicalQuality.comment,
        specialtyPass: r.professionalSpecialty.pass === true,
        specialtyComment: r.professionalSpecialty.comment,
        itemsPass: r.serviceItems.pass === true,
        itemsComment: r.serviceItems.comment,
        decision: r.decision,
        reason: r.reason ?? null,
        reviewerId: actor.accountId,
        at: ctx.at,
      });
      return;
    }
    case 'recordContract':
      await transitions.insertContract(trx, {
        studioId,
        number: await transitions.nextContractNumber(trx, ctx.at.slice(0, 4)),
        termStart: effect.termStart,
        termEnd: effect.termEnd,
        signatories: effect.signatories,
        unpaidClause,
        renewal: effect.renewal,
        signedBy: actor.accountId,
        at: ctx.at,
      });
      return;
    case 'awardPlaque':
      await transitions.insertPlaque(trx, {
        studioId,
        number: effect.number,
        awardedOn: effect.awardedOn,
        awardedBy: actor.accountId,
      });
      return;
    case 'retirePlaque':
      await transitions.retirePlaque(trx, studioId, effect.on, effect.reason);
      return;
    case 'openRectification':
      await transitions.openRectification(trx, {
        studioId,
        kind: effect.rectificationKind,
        findings: effect.findings,
        deadline: effect.deadline,
        openedBy: actor.accountId,
        at: ctx.at,
      });
      return;
    case 'closeRectification':
      await transitions.closeRectification(trx, studioId, effect.outcome, ctx.at);
      return;
  }
}

/**
 * Runs one lifecycle transition inside the caller's transaction, with every check, write,
 * history entry and audit entry `act` makes: for a change elsewhere that is this transition
 * and must commit with it (a rectification proposal the street confirms).
 */
export async function actWithin(
  trx: Kysely<Database>,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  request: ActionRequest,
): Promise<void> {
  const today = chinaDate(new Date(ctx.at));
  const core = await findStudioCore(trx, studioId);
  if (!core) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: core.unit_path });
  let input: TransitionInput;
  if (request.action === 'award') {
    await transitions.lockPlaqueNumbers(trx);
    const number = request.plaqueNumber ?? (await transitions.nextPlaqueNumber(trx, today.slice(0, 4)));
    input = {
      action: 'award',
      plaqueNumber: number,
      awardedOn: request.awardedOn,
      plaqueNumberUsedBefore: await transitions.plaqueNumberUsed(trx, number),
    };
  } else {
    input = request;
  }
  const from = core.status as StudioStatus;
  const facts = { status: from, termEnd: core.term_end, application: await applicationFacts(trx, core) };
  const result = transition(facts, input, relationOf(actor, core), today);
  const note = noteOf(input);
  const moved = await transitions.moveStatus(trx, studioId, from, {
    status: result.to,
    status_reason: result.to === from ? core.status_reason : note,
    at: ctx.at,
  });
  if (!moved) throw new DomainError('TRANSITION_NOT_ALLOWED', { action: input.action, status: from });
  for (const effect of result.effects) await persistEffect(trx, ctx, actor, studioId, effect);
  await insertHistory(trx, {
    studioId,
    action: input.action,
    from,
    to: result.to,
    actorId: actor.accountId,
    actorName: actor.username,
    note,
    at: ctx.at,
  });
  await recordAudit(trx, ctx, {
    entity: 'studio',
    entityId: studioId,
    action: input.action,
    unitId: core.unit_id,
    before: { status: from },
    after: { status: result.to, ...input },
  });
}
