import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import { belowThreshold, type ChecklistItem, type ItemRating } from '../../../domain/inspections/checklist.ts';
import {
  decideProposal,
  proposalLifecycle,
  rectificationFindings,
  type ProposalStatus,
} from '../../../domain/inspections/proposal.ts';
import type { Database } from '../../../db/schema.ts';
import type { Proposal, listProposalsQuery } from '../../../contract/inspections.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import { studioIndexOf } from '../delivery/studio-index.repository.ts';
// The rectification a proposal confirms is the studio lifecycle's own `rectify`, with its
// checks, history and audit, and must commit with the proposal's decision: it runs through
// the studios' transition code inside this transaction rather than a copy of it.
import { actWithin } from '../studios/studio-transitions.commands.ts';
import * as repo from './proposals.repository.ts';
import { checklistVersion } from './inspections.repository.ts';
import { presentProposal } from './inspections.presenter.ts';

function relationOf(actor: Actor, row: { unit_path: string }): Relation {
  return { role: actor.role, inScope: isWithin(row.unit_path, actor.unitPath), isOwner: false };
}

/** A proposal as the actor sees it, with what they may do with it now. */
export function proposalFor(actor: Actor, row: repo.ProposalRow): Proposal {
  return presentProposal(row, proposalLifecycle.available(row.status as ProposalStatus, relationOf(actor, row)));
}

/** Proposals of the studios in scope. */
export async function listProposals(deps: Deps, actor: Actor, query: z.infer<typeof listProposalsQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'rectificationProposal', query.under);
  const { rows, total } = await repo.listProposals(deps.db, {
    path: scope.path,
    status: query.status,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((r) => proposalFor(actor, r)), total };
}

async function loadVisible(deps: Deps, actor: Actor, id: number): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'rectificationProposal', { unitPath: row.unit_path });
  return row;
}

/**
 * Keeps an inspection's proposal in step with its total: a total below the threshold
 * proposes the studio for rectification (once per inspection); a correction that lifts it
 * withdraws a proposal the street has not decided yet. Runs in the inspection's transaction.
 */
export async function syncProposal(
  trx: Kysely<Database>,
  ctx: AuditContext,
  inspection: { id: number; studio_id: number; unit_id: number; street_id: number },
  total: number,
  threshold: number,
): Promise<void> {
  const existing = await repo.proposalOfInspection(trx, inspection.id);
  const low = belowThreshold(total, threshold);
  if (!existing) {
    if (!low) return;
    const id = await repo.insertProposal(trx, {
      inspection_id: inspection.id,
      studio_id: inspection.studio_id,
      unit_id: inspection.unit_id,
      street_id: inspection.street_id,
      total,
      threshold,
      status: 'proposed',
      reason: null,
      deadline: null,
      decided_by: null,
      decided_at: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'rectificationProposal',
      entityId: id,
      action: 'propose',
      unitId: inspection.unit_id,
      after: { inspectionId: inspection.id, studioId: inspection.studio_id, total, threshold },
    });
    return;
  }
  if (existing.status !== 'proposed') return;
  const status = low ? 'proposed' : 'withdrawn';
  await repo.updateProposalIf(trx, existing.id, 'proposed', { total, status, updated_at: ctx.at });
  if (!low)
    await recordAudit(trx, ctx, {
      entity: 'rectificationProposal',
      entityId: existing.id,
      action: 'withdraw',
      unitId: inspection.unit_id,
      before: { status: 'proposed', total: existing.total },
      after: { status, total },
    });
}

/**
 * The street confirms a proposal: the studio enters rectification through its own
 * lifecycle (`rectify`, with the findings and the deadline), in the same transaction.
 */
export async function confirmProposal(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: { deadline: string; findings?: string | undefined },
): Promise<Proposal> {
  const row = await loadVisible(deps, actor, id);
  const today = chinaDate(new Date(ctx.at));
  decideProposal(
    row.status as ProposalStatus,
    { action: 'confirm', deadline: input.deadline },
    relationOf(actor, row),
    today,
  );
  await deps.db.transaction().execute(async (trx) => {
    const findings = input.findings ?? (await findingsOf(trx, row));
    const set = { status: 'confirmed', deadline: input.deadline, decided_by: actor.accountId, decided_at: ctx.at };
    if (!(await repo.updateProposalIf(trx, id, 'proposed', { ...set, updated_at: ctx.at })))
      throw new DomainError('PROPOSAL_NOT_PENDING', { status: row.status });
    await actWithin(trx, ctx, actor, row.studio_id, {
      action: 'rectify',
      kind: 'other',
      findings,
      deadline: input.deadline,
    });
    await recordAudit(trx, ctx, {
      entity: 'rectificationProposal',
      entityId: id,
      action: 'confirm',
      unitId: row.unit_id,
      before: { status: row.status },
      after: { status: 'confirmed', deadline: input.deadline, findings },
    });
  });
  studioIndexOf(deps.db).invalidate();
  return proposalFor(actor, await loadVisible(deps, actor, id));
}

/** The street rejects a proposal, saying why; the studio stays as it is. */
export async function rejectProposal(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  reason: string,
): Promise<Proposal> {
  const row = await loadVisible(deps, actor, id);
  decideProposal(
    row.status as ProposalStatus,
    { action: 'reject', reason },
    relationOf(actor, row),
    chinaDate(new Date(ctx.at)),
  );
  await deps.db.transaction().execute(async (trx) => {
    const set = { status: 'rejected', reason, decided_by: actor.accountId, decided_at: ctx.at, updated_at: ctx.at };
    if (!(await repo.updateProposalIf(trx, id, 'proposed', set)))
      throw new DomainError('PROPOSAL_NOT_PENDING', { status: row.status });
    await recordAudit(trx, ctx, {
      entity: 'rectificationProposal',
      entityId: id,
      action: 'reject',
      unitId: row.unit_id,
      before: { status: row.status },
      after: { status: 'rejected', reason },
    });
  });
  return proposalFor(actor, await loadVisible(deps, actor, id));
}

/** The findings a confirmed proposal writes into the studio's rectification: the total and the weak items. */
async function findingsOf(db: Kysely<Database>, row: repo.ProposalRow): Promise<string> {
  const version = row.checklist_version === null ? undefined : await checklistVersion(db, row.checklist_version);
  const items = version ? (JSON.parse(version.items_json) as ChecklistItem[]) : [];
  const ratings = row.ratings_json ? (JSON.parse(row.ratings_json) as ItemRating[]) : [];
  const weak = ratings
    .filter((r) => r.rating === 'C' || r.rating === 'fail')
    .map((r) => items.find((i) => i.code === r.code)?.title['zh-CN'] ?? r.code);
  return rectificationFindings(row.total, row.threshold, weak);
}
