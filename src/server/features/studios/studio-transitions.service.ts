import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { transition, type Effect, type StudioStatus, type TransitionInput } from '../../../domain/studios/lifecycle.ts';
import { unpaidClause } from '../../../domain/studios/unpaid.ts';
import type { Database } from '../../../db/schema.ts';
import type { StudioDetail } from '../../../contract/studios.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './studios.repository.ts';
import { getStudio, loadVisibleStudio, relationOf } from './studios.service.ts';
import { studioIndexOf } from '../delivery/studio-index.ts';

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

async function applicationFacts(db: Kysely<Database>, core: repo.StudioCore) {
  const count = async (table: 'studio_categories' | 'studio_service_items' | 'studio_members') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('studio_id', '=', core.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    name: core.name,
    categoryCount: await count('studio_categories'),
    serviceItemCount: await count('studio_service_items'),
    openingHours: core.opening_hours,
    staffingMode: core.staffing_mode as 'single' | 'team',
    hasLeader: core.leader_volunteer_id !== null,
    memberCount: await count('studio_members'),
  };
}

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
      await trx
        .insertInto('studio_reviews')
        .values({
          studio_id: studioId,
          stage: effect.stage,
          political_pass: r.politicalQuality.pass ? 1 : 0,
          political_comment: r.politicalQuality.comment,
          specialty_pass: r.professionalSpecialty.pass ? 1 : 0,
          specialty_comment: r.professionalSpecialty.comment,
          items_pass: r.serviceItems.pass ? 1 : 0,
          items_comment: r.serviceItems.comment,
          decision: r.decision,
          reason: r.reason ?? null,
          reviewer_id: actor.accountId,
          at: ctx.at,
        })
        .execute();
      return;
    }
    case 'recordContract': {
      const number = await repo.nextContractNumber(trx, ctx.at.slice(0, 4));
      await trx
        .insertInto('studio_contracts')
        .values({
          studio_id: studioId,
          number,
          term_start: effect.termStart,
          term_end: effect.termEnd,
          signatories_json: JSON.stringify(effect.signatories),
          unpaid_clause: unpaidClause,
          renewal: effect.renewal ? 1 : 0,
          signed_by: actor.accountId,
          signed_at: ctx.at,
        })
        .execute();
      const term = effect.renewal
        ? { term_end: effect.termEnd }
        : { term_start: effect.termStart, term_end: effect.termEnd };
      await trx.updateTable('studios').set(term).where('id', '=', studioId).execute();
      return;
    }
    case 'awardPlaque':
      await trx
        .insertInto('plaques')
        .values({
          number: effect.number,
          studio_id: studioId,
          awarded_on: effect.awardedOn,
          awarded_by: actor.accountId,
          retired_on: null,
          retired_reason: null,
        })
        .execute();
      await trx.updateTable('studios').set({ plaque_number: effect.number }).where('id', '=', studioId).execute();
      return;
    case 'retirePlaque':
      await trx
        .updateTable('plaques')
        .set({ retired_on: effect.on, retired_reason: effect.reason })
        .where('studio_id', '=', studioId)
        .where('retired_on', 'is', null)
        .execute();
      return;
    case 'openRectification':
      await trx
        .insertInto('studio_rectifications')
        .values({
          studio_id: studioId,
          kind: effect.rectificationKind,
          findings: effect.findings,
          deadline: effect.deadline,
          opened_by: actor.accountId,
          opened_at: ctx.at,
          closed_at: null,
          outcome: null,
        })
        .execute();
      return;
    case 'closeRectification':
      await trx
        .updateTable('studio_rectifications')
        .set({ closed_at: ctx.at, outcome: effect.outcome })
        .where('studio_id', '=', studioId)
        .where('closed_at', 'is', null)
        .execute();
      return;
  }
}

/**
 * Runs one lifecycle transition: the state machine decides, then the new status, its
 * effects, the history entry and the audit entry are written in one transaction. The
 * status update is conditional on the status read, so two admins acting at once cannot
 * both succeed.
 */
export async function act(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  studioId: number,
  request: ActionRequest,
): Promise<StudioDetail> {
  await deps.db.transaction().execute((trx) => actWithin(trx, ctx, actor, studioId, request));
  // A plaque awarded or withdrawn changes who serves: the nearest-studio index looks again.
  studioIndexOf(deps.db).invalidate();
  return getStudio(deps, actor, studioId);
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
  {
    const core = await loadVisibleStudio(trx, actor, studioId);
    let input: TransitionInput;
    if (request.action === 'award') {
      const number = request.plaqueNumber ?? (await repo.nextPlaqueNumber(trx, today.slice(0, 4)));
      input = {
        action: 'award',
        plaqueNumber: number,
        awardedOn: request.awardedOn,
        plaqueNumberUsedBefore: await repo.plaqueNumberUsed(trx, number),
      };
    } else {
      input = request;
    }
    const from = core.status as StudioStatus;
    const facts = { status: from, termEnd: core.term_end, application: await applicationFacts(trx, core) };
    const result = transition(facts, input, relationOf(actor, core), today);
    const note = noteOf(input);
    const moved = await trx
      .updateTable('studios')
      .set({
        status: result.to,
        status_reason: result.to === from ? core.status_reason : note,
        status_changed_at: ctx.at,
        updated_at: ctx.at,
      })
      .where('id', '=', studioId)
      .where('status', '=', from)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action: input.action, status: from });
    for (const effect of result.effects) await persistEffect(trx, ctx, actor, studioId, effect);
    await trx
      .insertInto('studio_transitions')
      .values({
        studio_id: studioId,
        action: input.action,
        from_status: from,
        to_status: result.to,
        actor_id: actor.accountId,
        actor_name: actor.username,
        note,
        at: ctx.at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: studioId,
      action: input.action,
      unitId: core.unit_id,
      before: { status: from },
      after: { status: result.to, ...input },
    });
  }
}
