import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import {
  decideEvaluationProposal,
  lifecycleOf,
  type EvaluationProposalKind,
  type EvaluationProposalStatus,
} from '../../../domain/evaluation/proposals.ts';
import type {
  confirmEvaluationProposalRequest,
  EvaluationProposal,
  listEvaluationProposalsQuery,
} from '../../../contract/evaluation.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { studioIndexOf } from '../delivery/studio-index.repository.ts';
// A confirmed review *is* the studio lifecycle's rectify or revoke, with its checks, history and
// audit, committed with the decision: it runs through the studios' commands in this transaction.
import { actWithin } from '../studios/studio-transitions.commands.ts';
import * as repo from './evaluation.repository.ts';
import { presentProposal } from './evaluation.presenter.ts';

const subjectOf = (kind: string): 'commendationProposal' | 'reviewProposal' =>
  kind === 'commendation' ? 'commendationProposal' : 'reviewProposal';

function relationOf(actor: Actor, row: { unit_path: string }): Relation {
  return { role: actor.role, inScope: isWithin(row.unit_path, actor.unitPath), isOwner: false };
}

/** A proposal as the actor sees it, with what they may do with it now. */
function proposalFor(actor: Actor, row: repo.ProposalRow): EvaluationProposal {
  const kind = row.kind as EvaluationProposalKind;
  return presentProposal(
    row,
    lifecycleOf(kind).available(row.status as EvaluationProposalStatus, relationOf(actor, row)),
  );
}

/** Proposals of the studios in scope, of the kinds the actor may read. */
export async function listProposals(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof listEvaluationProposalsQuery>,
): Promise<{ items: EvaluationProposal[]; total: number }> {
  const kinds = (query.kind ? [query.kind] : (['commendation', 'review'] as const)).filter((k) =>
    can(actor, 'read', subjectOf(k), { unitPath: actor.unitPath }),
  );
  if (kinds.length === 0) {
    authorize(actor, 'read', subjectOf(query.kind ?? 'review'), { unitPath: actor.unitPath });
    return { items: [], total: 0 };
  }
  const scope = await resolveScope(deps.db, actor, 'read', subjectOf(kinds[0] ?? 'review'), query.under);
  const { rows, total } = await repo.listProposals(deps.db, {
    path: scope.path,
    kinds: [...kinds],
    quarter: query.quarter,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((r) => proposalFor(actor, r)), total };
}

async function loadVisible(
  deps: Deps,
  actor: Actor,
  id: number,
  kind?: EvaluationProposalKind,
): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(deps.db, id);
  if (!row || (kind !== undefined && row.kind !== kind)) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', subjectOf(row.kind), { unitPath: row.unit_path });
  return row;
}

/** One proposal. */
export async function getProposal(deps: Deps, actor: Actor, id: number): Promise<EvaluationProposal> {
  return proposalFor(actor, await loadVisible(deps, actor, id));
}

/**
 * Confirms a proposal. A commendation is confirmed by the district; a review by the studio's
 * street, as rectification (the studio lifecycle's `rectify`, with a deadline) or revocation of
 * the plaque (`revoke`, with a reason), in the same transaction as the decision.
 */
export async function confirmProposal(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  kind: EvaluationProposalKind,
  id: number,
  input: z.infer<typeof confirmEvaluationProposalRequest>,
): Promise<EvaluationProposal> {
  const row = await loadVisible(deps, actor, id, kind);
  const today = chinaDate(new Date(ctx.at));
  decideEvaluationProposal(
    kind,
    row.status as EvaluationProposalStatus,
    { action: 'confirm', ...input },
    relationOf(actor, row),
    today,
  );
  const outcome = kind === 'review' ? (input.outcome ?? null) : null;
  await deps.db.transaction().execute(async (trx) => {
    const set = {
      status: 'confirmed',
      outcome,
      reason: input.reason ?? null,
      deadline: outcome === 'rectify' ? (input.deadline ?? null) : null,
      decided_by: actor.accountId,
      decided_at: ctx.at,
      updated_at: ctx.at,
    };
    if (!(await repo.updateProposalIf(trx, id, 'proposed', set)))
      throw new DomainError('PROPOSAL_NOT_PENDING', { status: row.status });
    const findings = `${row.quarter} 量化考评 ${row.total} 分（全区第 ${row.district_rank} 名）${input.reason ? `；${input.reason}` : ''}`;
    if (outcome === 'revoke')
      await actWithin(trx, ctx, actor, row.studio_id, {
        action: 'revoke',
        reason: input.reason ?? findings,
        decidedOn: today,
      });
    if (outcome === 'rectify')
      await actWithin(trx, ctx, actor, row.studio_id, {
        action: 'rectify',
        kind: 'other',
        findings,
        deadline: input.deadline ?? '',
      });
    await recordAudit(trx, ctx, {
      entity: subjectOf(kind),
      entityId: id,
      action: 'confirm',
      unitId: row.unit_id,
      before: { status: row.status },
      after: { status: 'confirmed', outcome, reason: input.reason ?? null, deadline: set.deadline },
    });
  });
  if (outcome !== null) studioIndexOf(deps.db).invalidate();
  return getProposal(deps, actor, id);
}

/** Rejects a proposal, saying why; the studio stays as it is. */
export async function rejectProposal(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  kind: EvaluationProposalKind,
  id: number,
  reason: string,
): Promise<EvaluationProposal> {
  const row = await loadVisible(deps, actor, id, kind);
  decideEvaluationProposal(
    kind,
    row.status as EvaluationProposalStatus,
    { action: 'reject', reason },
    relationOf(actor, row),
    chinaDate(new Date(ctx.at)),
  );
  await deps.db.transaction().execute(async (trx) => {
    const set = { status: 'rejected', reason, decided_by: actor.accountId, decided_at: ctx.at, updated_at: ctx.at };
    if (!(await repo.updateProposalIf(trx, id, 'proposed', set)))
      throw new DomainError('PROPOSAL_NOT_PENDING', { status: row.status });
    await recordAudit(trx, ctx, {
      entity: subjectOf(kind),
      entityId: id,
      action: 'reject',
      unitId: row.unit_id,
      before: { status: row.status },
      after: { status: 'rejected', reason },
    });
  });
  return getProposal(deps, actor, id);
}
