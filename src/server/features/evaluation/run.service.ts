import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { firstDayOf, lastDayOf, quarterInstants, type Quarter } from '../../../domain/inspections/quarters.ts';
import { versionInForce, type SchemeConfig } from '../../../domain/evaluation/scheme.ts';
import {
  changesBetween,
  median,
  perMember,
  scoreStudio,
  type Breakdown,
  type Change,
  type StudioFigures,
} from '../../../domain/evaluation/scoring.ts';
import { rankStudios, selectProposals, type ReviewReason } from '../../../domain/evaluation/ranking.ts';
import type { Database } from '../../../db/schema.ts';
import type { RunResult } from '../../../contract/evaluation.ts';
import type { AuditContext } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { candidateStudios } from '../inspections/inspections.repository.ts';
import { claimJobPeriod } from '../../jobs/job-runs.repository.ts';
import * as repo from './evaluation.repository.ts';
import { gatherFiguresByStreet, push, servedInQuarter, type Candidate } from './figures.service.ts';

/** The scheme version in force during a quarter (on its first day). */
export async function schemeForQuarter(
  db: Kysely<Database>,
  quarter: Quarter,
): Promise<{ version: number; config: SchemeConfig }> {
  const versions = (await repo.listSchemes(db)).map((s) => ({ ...s, effectiveFrom: s.effective_from }));
  const found = versionInForce(versions, firstDayOf(quarter));
  if (!found) throw new DomainError('NO_SCHEME_IN_FORCE', { quarter });
  return { version: found.version, config: JSON.parse(found.config_json) as SchemeConfig };
}

/** What scoring a quarter over a subtree gives, before anything is written. */
export interface Evaluated {
  version: number;
  config: SchemeConfig;
  studios: Array<
    Candidate & {
      breakdown: Breakdown;
      perMember: number;
      districtRank: number;
      streetRank: number;
      previous: { id: number; breakdown: Breakdown } | undefined;
      changes: Change[] | null;
    }
  >;
  commend: number[];
  review: Map<number, ReviewReason[]>;
  complaintsInWindow: Map<number, number>;
}

/** Scores every studio of a subtree that served in the quarter, ranks them and selects the proposals. Writes nothing. */
export async function evaluateQuarter(
  db: Kysely<Database>,
  root: { path: string },
  quarter: Quarter,
  today: string,
  draft?: SchemeConfig,
): Promise<Evaluated> {
  // A draft scheme (the editor's preview) is scored as version 0, so no stored row is its "previous".
  const { version, config } = draft ? { version: 0, config: draft } : await schemeForQuarter(db, quarter);
  const served = await servedInQuarter(
    db,
    await candidateStudios(db, root.path, quarterInstants(quarter).start),
    quarter,
  );
  const { figures, complaintsInWindow } = await gatherFiguresByStreet(
    db,
    served,
    quarter,
    config.proposals.windowQuarters,
    today,
  );
  const perStreet = new Map<number, number[]>();
  for (const s of served) {
    const f = figures.get(s.id);
    if (f) push(perStreet, s.street_id, perMember(f));
  }
  const medians = new Map([...perStreet].map(([street, values]) => [street, median(values)]));
  const scored = served.map((s) => {
    const f = figures.get(s.id) as StudioFigures;
    const breakdown = scoreStudio(config, f, { streetMedianPerMember: medians.get(s.street_id) ?? 0 });
    return { ...s, breakdown, perMember: perMember(f), f };
  });
  const places = rankStudios(
    scored.map((s) => ({
      studioId: s.id,
      streetId: s.street_id,
      total: s.breakdown.total,
      deducted: s.breakdown.deducted,
      perMember: s.perMember,
    })),
  );
  const previous = new Map(
    (await repo.currentScores(db, root.path, quarter, version)).map((r) => [
      r.studio_id,
      { id: r.id, breakdown: JSON.parse(r.breakdown_json) as Breakdown },
    ]),
  );
  const { commend, review } = selectProposals(
    scored.map((s) => ({
      studioId: s.id,
      streetId: s.street_id,
      total: s.breakdown.total,
      deducted: s.breakdown.deducted,
      perMember: s.perMember,
      vetoed: s.breakdown.vetoed,
      complaintsInQuarter: s.f.substantiatedComplaints,
      complaintsInWindow: complaintsInWindow.get(s.id) ?? 0,
    })),
    config.proposals,
  );
  const studios = scored
    .map(({ f: _f, ...s }) => {
      const place = places.get(s.id) ?? { district: 0, street: 0 };
      const prev = previous.get(s.id);
      return {
        ...s,
        districtRank: place.district,
        streetRank: place.street,
        previous: prev,
        changes: prev ? changesBetween(prev.breakdown, s.breakdown) : null,
      };
    })
    .sort((a, b) => a.districtRank - b.districtRank);
  return { version, config, studios, commend, review, complaintsInWindow };
}

/**
 * Runs a quarter over a subtree: scores, ranks, stores each studio's score (an earlier run's
 * row becomes history, with what changed) and makes the proposals. A dry run answers the same
 * and writes nothing. The quarter must be over.
 */
export async function runQuarter(
  db: Kysely<Database>,
  ctx: AuditContext,
  o: {
    root: { id: number; path: string };
    quarter: Quarter;
    dryRun: boolean;
    trigger: 'job' | 'manual';
    actor: Actor | null;
  },
): Promise<RunResult> {
  const today = chinaDate(new Date(ctx.at));
  if (lastDayOf(o.quarter) >= today) throw new DomainError('QUARTER_NOT_OVER', { quarter: o.quarter });
  const e = await evaluateQuarter(db, o.root, o.quarter, today);
  const changed = e.studios.filter((s) => s.changes === null || s.changes.length > 0).length;
  const result: RunResult = {
    quarter: o.quarter,
    schemeVersion: e.version,
    dryRun: o.dryRun,
    runId: null,
    scored: e.studios.length,
    changed,
    proposals: { commendation: e.commend.length, review: e.review.size },
    scores: e.studios.map((s) => ({
      studioId: s.id,
      studioName: s.name,
      streetName: s.street_name,
      total: s.breakdown.total,
      districtRank: s.districtRank,
      streetRank: s.streetRank,
      changes: s.changes,
    })),
  };
  if (o.dryRun) return result;

  const rows = scoreRowsOf(ctx, o, e);
  result.runId = await db.transaction().execute((trx) => storeRun(trx, ctx, o, e, changed, rows));
  return result;
}

type RunOptions = {
  root: { id: number; path: string };
  quarter: Quarter;
  dryRun: boolean;
  trigger: 'job' | 'manual';
  actor: Actor | null;
};

/**
 * The score rows of a run, made before its transaction opens (their JSON is most of the run's
 * writing work, and on SQLite the transaction holds the one connection every request needs).
 */
function scoreRowsOf(ctx: AuditContext, o: RunOptions, e: Evaluated) {
  return e.studios.map((s) => ({
    run_id: 0,
    quarter: o.quarter,
    scheme_version: e.version,
    studio_id: s.id,
    unit_id: s.unit_id,
    street_id: s.street_id,
    total: s.breakdown.total,
    added: s.breakdown.added,
    deducted: s.breakdown.deducted,
    per_member: s.perMember,
    vetoed: s.breakdown.vetoed ? 1 : 0,
    district_rank: s.districtRank,
    street_rank: s.streetRank,
    breakdown_json: JSON.stringify(s.breakdown),
    changes_json: s.changes === null ? null : JSON.stringify(s.changes),
    is_current: 1,
    created_at: ctx.at,
  }));
}

/** Writes a run inside the caller's transaction: the run, the scores (earlier ones become history), the proposals, the audit. */
async function storeRun(
  trx: Kysely<Database>,
  ctx: AuditContext,
  o: RunOptions,
  e: Evaluated,
  changed: number,
  rows: ReturnType<typeof scoreRowsOf>,
): Promise<number> {
  const runId = await repo.insertRun(trx, {
    quarter: o.quarter,
    scheme_version: e.version,
    trigger: o.trigger,
    run_by: o.actor?.accountId ?? null,
    scored: e.studios.length,
    changed,
    at: ctx.at,
  });
  await repo.retireScores(
    trx,
    e.studios.flatMap((s) => (s.previous ? [s.previous.id] : [])),
  );
  for (const row of rows) row.run_id = runId;
  const scoreIds = await repo.insertScores(trx, rows);
  const byId = new Map(e.studios.map((s) => [s.id, s]));
  const proposal = (kind: 'commendation' | 'review', studioId: number, reasons: string[]) => {
    const s = byId.get(studioId);
    if (!s) return [];
    return [
      {
        kind,
        quarter: o.quarter,
        studio_id: studioId,
        unit_id: s.unit_id,
        street_id: s.street_id,
        score_id: scoreIds.get(studioId) ?? 0,
        reasons_json: JSON.stringify({
          reasons,
          complaintLetters: s.breakdown.items.find((i) => i.source === 'complaints')?.evidence.letters ?? [],
        }),
        status: 'proposed',
        outcome: null,
        reason: null,
        deadline: null,
        decided_by: null,
        decided_at: null,
        created_at: ctx.at,
        updated_at: ctx.at,
      },
    ];
  };
  const made = await repo.insertProposals(trx, [
    ...e.commend.flatMap((id) => proposal('commendation', id, ['top'])),
    ...[...e.review].flatMap(([id, reasons]) => proposal('review', id, reasons)),
  ]);
  await recordAudit(trx, ctx, {
    entity: 'evaluationRun',
    entityId: runId,
    action: 'run',
    unitId: o.root.id,
    after: { quarter: o.quarter, schemeVersion: e.version, scored: e.studios.length, changed, trigger: o.trigger },
  });
  for (const p of made)
    await recordAudit(trx, ctx, {
      entity: p.kind === 'commendation' ? 'commendationProposal' : 'reviewProposal',
      entityId: p.id,
      action: 'propose',
      unitId: p.unit_id,
      after: { quarter: o.quarter, studioId: p.studio_id },
    });
  return runId;
}

/**
 * The job's run of a quarter over a root: once per (quarter, scheme version, root) whatever the
 * number of instances, the period claimed in the same transaction as the writes (a failed run
 * frees it for the next tick). Answers whether this instance ran it.
 */
export async function runQuarterOnce(
  db: Kysely<Database>,
  ctx: AuditContext,
  root: { id: number; path: string },
  quarter: Quarter,
): Promise<boolean> {
  const today = chinaDate(new Date(ctx.at));
  if (lastDayOf(quarter) >= today) return false;
  const e = await evaluateQuarter(db, root, quarter, today);
  const changed = e.studios.filter((s) => s.changes === null || s.changes.length > 0).length;
  const o: RunOptions = { root, quarter, dryRun: false, trigger: 'job', actor: null };
  const rows = scoreRowsOf(ctx, o, e);
  return db.transaction().execute(async (trx) => {
    if (!(await claimJobPeriod(trx, 'evaluation', `${quarter}/v${e.version}/${root.id}`, ctx.at))) return false;
    await storeRun(trx, ctx, o, e, changed, rows);
    return true;
  });
}
