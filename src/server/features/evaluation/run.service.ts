import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { lastDayOf, type Quarter } from '../../../domain/inspections/quarters.ts';
import type { SchemeConfig } from '../../../domain/evaluation/scheme.ts';
import { changesBetween, type Breakdown, type Change } from '../../../domain/evaluation/scoring.ts';
import type { Database } from '../../../db/schema.ts';
import { dryRunPreviewLimit, type RunResult } from '../../../contract/evaluation.ts';
import type { AuditContext } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import * as runs from './runs.repository.ts';
import { PendingRun } from './pending-run.commands.ts';
import type { RunTimings } from '../../jobs/run-timings.ts';
import {
  rankAndPropose,
  schemeForQuarter,
  scoreByStreet,
  summaryOf,
  type ScoreSummary,
  type StreetScore,
  yieldToEventLoop,
} from './quarter-scores.service.ts';

/** What a run is asked to do. */
export interface RunOptions {
  root: { id: number; path: string };
  quarter: Quarter;
  dryRun: boolean;
  trigger: 'job' | 'manual';
  actor: Actor | null;
  /** Told how long each step took (the bench's and the tests' view of the run). */
  timings?: RunTimings;
}

/** A scored studio as the run keeps it: its summary, what changed, and its pending row. */
export type RunScore = ScoreSummary & { changes: Change[] | null; scoreId: number };

/**
 * Runs a quarter over a subtree: scores, ranks, stores each studio's score (an earlier run's
 * row becomes history, with what changed) and makes the proposals. A dry run answers the same
 * and writes nothing. The quarter must be over.
 *
 * The scores are written as a pending run in short transactions while the streets are scored,
 * and published in one short transaction at the end (PendingRun), so readers see the previous
 * result until then and other requests get the connection between batches. Of two runs of a
 * quarter under a version at once, the first to publish wins; the other answers RUN_SUPERSEDED.
 */
export async function runQuarter(db: Kysely<Database>, ctx: AuditContext, o: RunOptions): Promise<RunResult> {
  const today = chinaDate(new Date(ctx.at));
  if (lastDayOf(o.quarter) >= today) throw new DomainError('QUARTER_NOT_OVER', { quarter: o.quarter });
  const { result, published } = await performRun(db, ctx, o, today, null);
  if (!o.dryRun && !published) throw new DomainError('RUN_SUPERSEDED', { quarter: o.quarter });
  return result;
}

/**
 * The job's run of a quarter over a root: once per (quarter, scheme version, root) whatever the
 * number of instances, the period claimed in the publishing transaction (a failed run frees it
 * for the next tick). Answers whether this instance ran it.
 */
export async function runQuarterOnce(
  db: Kysely<Database>,
  ctx: AuditContext,
  root: { id: number; path: string },
  quarter: Quarter,
): Promise<boolean> {
  const today = chinaDate(new Date(ctx.at));
  if (lastDayOf(quarter) >= today) return false;
  const o: RunOptions = { root, quarter, dryRun: false, trigger: 'job', actor: null };
  return (await performRun(db, ctx, o, today, (version) => `${quarter}/v${version}/${root.id}`)).published;
}

async function performRun(
  db: Kysely<Database>,
  ctx: AuditContext,
  o: RunOptions,
  today: string,
  claim: ((version: number) => string) | null,
): Promise<{ result: RunResult; published: boolean }> {
  const timings = o.timings;
  const { version, config } = await schemeForQuarter(db, o.quarter);
  const pending = o.dryRun ? null : await PendingRun.start(db, ctx, o, version);
  try {
    const scored = await scoreAndWrite(db, o, version, config, today, pending);
    // Ranking (and a dry run's preview) take tens of ms of JavaScript over a province: other requests go between.
    await yieldToEventLoop();
    const started = performance.now();
    const { places, commend, review } = rankAndPropose(scored, config);
    timings?.step('rank', performance.now() - started);
    await yieldToEventLoop();
    const changed = scored.filter((s) => s.changes === null || s.changes.length > 0).length;
    const result = resultOf(o, version, scored, places, { commend, review, changed });
    await yieldToEventLoop();
    if (!pending) return { result, published: false };
    await pending.setPlaces(scored, places);
    const published = await pending.publish({
      scored,
      changed,
      commend,
      review,
      claim: claim ? claim(version) : null,
    });
    if (!published) {
      await pending.discard();
      return { result, published: false };
    }
    result.runId = pending.id;
    await pending.settle(scored);
    return { result, published: true };
  } catch (error) {
    await pending?.discard().catch(() => undefined);
    throw error;
  }
}

/** Scores the streets one by one, comparing with the current result; a real run writes each as pending. */
async function scoreAndWrite(
  db: Kysely<Database>,
  o: RunOptions,
  version: number,
  config: SchemeConfig,
  today: string,
  pending: PendingRun | null,
): Promise<RunScore[]> {
  const scored: RunScore[] = [];
  let last = performance.now();
  await scoreByStreet(
    db,
    o.root,
    o.quarter,
    today,
    config,
    async (scores: StreetScore[]) => {
      o.timings?.step('score street', performance.now() - last);
      let started = performance.now();
      const previous = new Map(
        (
          await runs.currentBreakdownsOf(
            db,
            scores.map((s) => s.id),
            o.quarter,
            version,
          )
        ).map((r) => [r.studio_id, JSON.parse(r.breakdown_json) as Breakdown]),
      );
      o.timings?.step('read previous', performance.now() - started);
      started = performance.now();
      const kept = scores.map((s) => {
        const before = previous.get(s.id);
        return { ...summaryOf(s), changes: before ? changesBetween(before, s.breakdown) : null, scoreId: 0 };
      });
      for (const k of kept) scored.push(k);
      o.timings?.step('compare', performance.now() - started);
      if (pending) await pending.add(scores, kept);
      last = performance.now();
    },
    o.timings,
  );
  if (pending) await pending.flush();
  return scored;
}

function resultOf(
  o: RunOptions,
  version: number,
  scored: RunScore[],
  places: Map<number, { district: number; street: number }>,
  p: { commend: number[]; review: Map<number, unknown>; changed: number },
): RunResult {
  const summary = {
    quarter: o.quarter,
    schemeVersion: version,
    dryRun: o.dryRun,
    runId: null,
    scored: scored.length,
    changed: p.changed,
    proposals: { commendation: p.commend.length, review: p.review.size },
  };
  if (!o.dryRun) return summary;
  const scores = scored
    .map((s) => {
      const place = places.get(s.id) ?? { district: 0, street: 0 };
      return {
        studioId: s.id,
        studioName: s.name,
        streetName: s.street_name,
        total: s.total,
        districtRank: place.district,
        streetRank: place.street,
        changes: s.changes,
      };
    })
    .sort((a, b) => a.districtRank - b.districtRank)
    .slice(0, dryRunPreviewLimit);
  return { ...summary, scores };
}
