import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { checkEffectiveFrom, checkScheme, type SchemeConfig } from '../../../domain/evaluation/scheme.ts';
import { firstDayOf, previousQuarter, quarterOfDay, type Quarter } from '../../../domain/inspections/quarters.ts';
import type {
  listScoresQuery,
  RunResult,
  Scheme,
  ScoreDetail,
  schemeInput,
  ScoreSummary,
  SchemePreview,
  schemePreviewRequest,
} from '../../../contract/evaluation.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './evaluation.repository.ts';
import { presentScheme, presentScore, presentScoreDetail } from './evaluation.presenter.ts';
import { previewQuarter } from './quarter-scores.service.ts';
import { runQuarter } from './run.service.ts';

/** Every version of the scheme, newest first. */
export async function listSchemes(deps: Deps, actor: Actor): Promise<Scheme[]> {
  authorize(actor, 'read', 'evaluationScheme', { unitPath: actor.unitPath });
  return (await repo.listSchemes(deps.db)).reverse().map(presentScheme);
}

/** One version of the scheme. */
export async function getScheme(deps: Deps, actor: Actor, version: number): Promise<Scheme> {
  authorize(actor, 'read', 'evaluationScheme', { unitPath: actor.unitPath });
  const row = await repo.findScheme(deps.db, version);
  if (!row) throw new DomainError('NOT_FOUND');
  return presentScheme(row);
}

/** The scheme's checks, naming a refused field by its path in the request body (`config.items.2.cap`). */
function checkConfig(config: SchemeConfig): void {
  try {
    checkScheme(config);
  } catch (e) {
    if (e instanceof DomainError && typeof e.params.field === 'string')
      throw new DomainError(e.code, { ...e.params, field: `config.${e.params.field}` });
    throw e;
  }
}

/**
 * Publishes a new version of the scheme. It takes effect on its date, which may not lie before
 * the current quarter: a quarter already over keeps the version it was scored with.
 */
export async function publishScheme(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof schemeInput>,
): Promise<Scheme> {
  authorize(actor, 'update', 'evaluationScheme', { unitPath: actor.unitPath });
  const config: SchemeConfig = input.config;
  checkConfig(config);
  checkEffectiveFrom(input.effectiveFrom, firstDayOf(quarterOfDay(chinaDate(new Date(ctx.at)))));
  const version = await deps.db.transaction().execute(async (trx) => {
    const v = await repo.insertScheme(trx, {
      effectiveFrom: input.effectiveFrom,
      configJson: JSON.stringify(config),
      note: input.note ?? null,
      createdBy: actor.accountId,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'evaluationScheme',
      entityId: v,
      action: 'publish',
      unitId: actor.unitId,
      after: { version: v, effectiveFrom: input.effectiveFrom, items: config.items.length },
    });
    return v;
  });
  return getScheme(deps, actor, version);
}

/**
 * What each studio would get under a draft scheme in a quarter already over (the last one by
 * default), without saving anything: the editor's preview.
 */
export async function previewScheme(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof schemePreviewRequest>,
): Promise<SchemePreview> {
  authorize(actor, 'update', 'evaluationScheme', { unitPath: actor.unitPath });
  const config: SchemeConfig = input.config;
  checkConfig(config);
  const today = chinaDate(deps.clock.now());
  const quarter = (input.quarter ?? previousQuarter(quarterOfDay(today))) as Quarter;
  const e = await previewQuarter(deps.db, { path: actor.unitPath }, quarter, today, config);
  const current = new Map(
    (await repo.listScores(deps.db, { path: actor.unitPath, quarter, limit: 100_000, offset: 0 })).rows.map((r) => [
      r.studio_id,
      r,
    ]),
  );
  return {
    quarter,
    proposals: { commendation: e.commend.length, review: e.review.size },
    scores: e.studios.map((s) => ({
      studioId: s.id,
      studioName: s.name,
      streetName: s.street_name,
      total: s.total,
      districtRank: s.districtRank,
      current: current.get(s.id)?.total ?? null,
      items: s.items.map((i) => ({ code: i.code, points: i.direction === 'deduct' ? -i.points : i.points })),
    })),
  };
}

/** The district runs a quarter now (or dry-runs it: the same answer, nothing written). */
export async function runOnDemand(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: { quarter: string; dryRun: boolean },
): Promise<RunResult> {
  authorize(actor, 'run', 'evaluationScore', { unitPath: actor.unitPath });
  return runQuarter(deps.db, ctx, {
    root: { id: actor.unitId, path: actor.unitPath },
    quarter: input.quarter as Quarter,
    dryRun: input.dryRun,
    trigger: 'manual',
    actor,
  });
}

/** The scores of a quarter in scope, ranked (by total, or by one item). */
export async function listScores(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof listScoresQuery>,
): Promise<{ items: ScoreSummary[]; total: number }> {
  const scope = await resolveScope(deps.db, actor, 'read', 'evaluationScore', query.under);
  const filter = { path: scope.path, quarter: query.quarter };
  if (!query.item) {
    const { rows, total } = await repo.listScores(deps.db, { ...filter, limit: query.limit, offset: query.offset });
    return { items: rows.map(presentScore), total };
  }
  // By one item: every current score of the scope, ordered by that item's signed points (then the documented tie-break).
  const { rows } = await repo.listScores(deps.db, { ...filter, limit: 100_000, offset: 0 });
  const item = query.item;
  const pointsOf = (json: string) => {
    const found = (
      JSON.parse(json) as { items: Array<{ code: string; direction: string; points: number }> }
    ).items.find((i) => i.code === item);
    if (!found) return Number.NEGATIVE_INFINITY;
    return found.direction === 'deduct' ? 0 - found.points : found.points;
  };
  const sorted = rows
    .map((r) => ({ r, p: pointsOf(r.breakdown_json) }))
    .sort((a, b) => b.p - a.p || a.r.district_rank - b.r.district_rank);
  return {
    items: sorted.slice(query.offset, query.offset + query.limit).map((s) => presentScore(s.r)),
    total: sorted.length,
  };
}

/** One score with its full breakdown and history: for anyone who may see the studio. */
export async function getScore(deps: Deps, actor: Actor, id: number): Promise<ScoreDetail> {
  const row = await repo.findScore(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'evaluationScore', { unitPath: row.unit_path });
  return presentScoreDetail(row, await repo.scoreHistory(deps.db, row.studio_id, row.quarter, row.scheme_version));
}

/** A studio's current score in a quarter (the last quarter over when none is named). */
export async function getStudioScore(
  deps: Deps,
  actor: Actor,
  studioId: number,
  quarter?: string,
): Promise<ScoreDetail> {
  const q = quarter ?? previousQuarter(quarterOfDay(chinaDate(deps.clock.now())));
  const found = await repo.currentScoreOf(deps.db, studioId, q);
  if (!found) throw new DomainError('NOT_FOUND');
  return getScore(deps, actor, found.id);
}
