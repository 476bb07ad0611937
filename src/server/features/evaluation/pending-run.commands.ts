import type { Insertable, Kysely } from 'kysely';
import { DomainError } from '../../../domain/errors.ts';
import type { ReviewReason } from '../../../domain/evaluation/ranking.ts';
import type { Database } from '../../../db/schema.ts';
import type { EvaluationScoreTable } from '../../../db/schema-evaluation.ts';
import type { AuditContext } from '../../context.ts';
import { auditRowOf, auditStep, recordAudit } from '../audit/audit.repository.ts';
import { claimJobPeriod } from '../../jobs/job-runs.repository.ts';
import * as repo from './evaluation.repository.ts';
import * as runs from './runs.repository.ts';
import { yieldToEventLoop, type StreetScore } from './quarter-scores.service.ts';
import type { RunOptions, RunScore } from './run.service.ts';
import type { RunTimings } from '../../jobs/run-timings.ts';

// Rows per transaction. On SQLite each transaction holds the one connection, and a score row is
// a few KB (rewritten whole by an update): at the province's scale, on a busy machine, 200
// inserted or 500 updated rows held it for 100–180 ms, more than a request should wait.
/** Rows per write transaction. */
const WRITE_BATCH = 100;
/** Rows per transaction when setting places, marking history or deleting a pending run's rows. */
const UPDATE_BATCH = 100;

/**
 * A run's scores on their way to being published. They are written under a pending run row
 * (runs.repository.ts) in short transactions, with a pause between them, while the streets are
 * scored; publish() makes them current in one short transaction (the run row, the proposals,
 * the audit) and settle() then marks the scores they replaced as history, a batch at a time.
 * A run that fails discards its rows; one that dies leaves rows nobody reads (current-score.repository.ts),
 * deleted by the next publication of the quarter.
 */
export class PendingRun {
  private rows: Array<Insertable<EvaluationScoreTable>> = [];
  private owners: RunScore[] = [];
  private firstScoreId = Number.MAX_SAFE_INTEGER;
  private obsolete: number[] = [];

  private readonly db: Kysely<Database>;
  private readonly ctx: AuditContext;
  private readonly o: RunOptions;
  private readonly version: number;
  readonly id: number;
  /** The newest published run when this one started: publishing requires it still is. */
  private readonly before: number;

  private constructor(
    db: Kysely<Database>,
    ctx: AuditContext,
    o: RunOptions,
    version: number,
    id: number,
    before: number,
  ) {
    this.db = db;
    this.ctx = ctx;
    this.o = o;
    this.version = version;
    this.id = id;
    this.before = before;
  }

  /** Records a pending run of a quarter under a version. */
  static async start(db: Kysely<Database>, ctx: AuditContext, o: RunOptions, version: number): Promise<PendingRun> {
    const before = await runs.latestPublishedRun(db, o.quarter, version);
    const id = await runs.insertPendingRun(db, {
      quarter: o.quarter,
      version,
      trigger: o.trigger,
      runBy: o.actor?.accountId ?? null,
      at: ctx.at,
    });
    return new PendingRun(db, ctx, o, version, id, before);
  }

  private get timings(): RunTimings | undefined {
    return this.o.timings;
  }

  /** Adds a street's scores; writes them once a batch is full. */
  async add(scores: StreetScore[], kept: RunScore[]): Promise<void> {
    scores.forEach((s, i) => {
      const k = kept[i] as RunScore;
      this.rows.push(this.rowOf(s, k));
      this.owners.push(k);
    });
    if (this.rows.length >= WRITE_BATCH) await this.flush();
  }

  /** Writes the scores added since the last batch, in a transaction of their own. */
  async flush(): Promise<void> {
    const rows = this.rows;
    const owners = this.owners;
    if (rows.length === 0) return;
    this.rows = [];
    this.owners = [];
    const started = performance.now();
    const ids = await this.db.transaction().execute(async (trx) => {
      // A publication of the quarter deleted this run (it could never publish): stop here.
      if (!(await runs.isPending(trx, this.id))) throw new DomainError('RUN_SUPERSEDED', { quarter: this.o.quarter });
      return runs.insertPendingScores(trx, rows);
    });
    this.timings?.step('write batch', performance.now() - started);
    ids.forEach((id, i) => {
      const owner = owners[i];
      if (owner) owner.scoreId = id;
      if (id < this.firstScoreId) this.firstScoreId = id;
    });
    await yieldToEventLoop();
  }

  /** Sets each score's places (known once every street is scored), a batch per transaction. */
  async setPlaces(scored: RunScore[], places: Map<number, { district: number; street: number }>): Promise<void> {
    for (let i = 0; i < scored.length; i += UPDATE_BATCH) {
      const batch = scored.slice(i, i + UPDATE_BATCH).map((s) => {
        const p = places.get(s.id) ?? { district: 0, street: 0 };
        return { id: s.scoreId, district: p.district, street: p.street };
      });
      const started = performance.now();
      await this.db.transaction().execute((trx) => runs.setPlaces(trx, batch));
      this.timings?.step('places batch', performance.now() - started);
      await yieldToEventLoop();
    }
  }

  /**
   * Makes the run current in one transaction: the earlier scores of its studios become history,
   * its own current, its proposals made, and the audit written. Answers false (nothing changed)
   * when another run of the quarter published since this one started, or the job's period was
   * claimed by another instance.
   */
  async publish(p: {
    scored: RunScore[];
    changed: number;
    commend: number[];
    review: Map<number, ReviewReason[]>;
    claim: string | null;
  }): Promise<boolean> {
    const started = performance.now();
    const done = await this.db.transaction().execute(async (trx) => {
      await runs.lockVersion(trx, this.version);
      if ((await runs.latestPublishedRun(trx, this.o.quarter, this.version)) !== this.before) return false;
      if (p.claim && !(await claimJobPeriod(trx, 'evaluation', p.claim, this.ctx.at))) return false;
      this.obsolete = (await runs.pendingRuns(trx, this.o.quarter, this.version)).filter((id) => id !== this.id);
      // A run over units without studios wrote none (and its first id is past any integer column).
      const written =
        this.firstScoreId === Number.MAX_SAFE_INTEGER
          ? 0
          : await runs.countRunScores(trx, { id: this.id, firstScoreId: this.firstScoreId });
      if (written !== p.scored.length)
        throw new Error(`evaluation run ${this.id}: ${written} of ${p.scored.length} scores written`);
      if (!(await runs.publishRun(trx, { id: this.id, version: this.version, scored: written, changed: p.changed })))
        return false;
      await this.propose(trx, p);
      return true;
    });
    this.timings?.step('publish', performance.now() - started);
    return done;
  }

  /**
   * Marks as history, a batch per transaction, the scores this published run replaced (readers
   * already pass over them, current-score.repository.ts); then deletes the rows of the runs it made obsolete.
   * A failure is left for the next run, which marks and deletes the same.
   */
  async settle(scored: RunScore[]): Promise<void> {
    const run = { version: this.version, firstScoreId: this.firstScoreId };
    try {
      for (let i = 0; i < scored.length; i += UPDATE_BATCH) {
        const ids = scored.slice(i, i + UPDATE_BATCH).map((s) => s.id);
        const started = performance.now();
        await this.db.transaction().execute((trx) => runs.retireReplaced(trx, run, this.o.quarter, ids));
        this.timings?.step('retire batch', performance.now() - started);
        await yieldToEventLoop();
      }
      for (const id of this.obsolete) await deleteRun(this.db, { id, fromId: 0 });
    } catch {
      // The run is published and what readers see is right without this; the next run does it.
    }
  }

  /** The proposals of the run (one already made for a studio is kept) and the audit of it all. */
  private async propose(
    trx: Kysely<Database>,
    p: { scored: RunScore[]; changed: number; commend: number[]; review: Map<number, ReviewReason[]> },
  ): Promise<void> {
    const byId = new Map(p.scored.map((s) => [s.id, s]));
    const proposal = (kind: 'commendation' | 'review', studioId: number, reasons: string[]) => {
      const s = byId.get(studioId);
      if (!s) return [];
      return [
        {
          kind,
          quarter: this.o.quarter,
          studio_id: studioId,
          unit_id: s.unit_id,
          street_id: s.street_id,
          score_id: s.scoreId,
          reasons_json: JSON.stringify({ reasons, complaintLetters: s.complaintLetters }),
          status: 'proposed',
          outcome: null,
          reason: null,
          deadline: null,
          decided_by: null,
          decided_at: null,
          created_at: this.ctx.at,
          updated_at: this.ctx.at,
        },
      ];
    };
    const made = await repo.insertProposals(trx, [
      ...p.commend.flatMap((id) => proposal('commendation', id, ['top'])),
      ...[...p.review].flatMap(([id, reasons]) => proposal('review', id, reasons)),
    ]);
    await recordAudit(trx, this.ctx, {
      entity: 'evaluationRun',
      entityId: this.id,
      action: 'run',
      unitId: this.o.root.id,
      after: {
        quarter: this.o.quarter,
        schemeVersion: this.version,
        scored: p.scored.length,
        changed: p.changed,
        trigger: this.o.trigger,
      },
    });
    // A first run proposes thousands of studios over a province: their entries go as multi-row inserts.
    await auditStep.run(
      trx as Parameters<typeof auditStep.run>[0],
      made.map((m) =>
        auditRowOf(this.ctx, {
          entity: m.kind === 'commendation' ? 'commendationProposal' : 'reviewProposal',
          entityId: m.id,
          action: 'propose',
          unitId: m.unit_id,
          after: { quarter: this.o.quarter, studioId: m.studio_id },
        }),
      ),
    );
  }

  /** Deletes this run's rows (it failed, or another run published first). */
  async discard(): Promise<void> {
    await deleteRun(this.db, {
      id: this.id,
      fromId: this.firstScoreId === Number.MAX_SAFE_INTEGER ? 0 : this.firstScoreId,
    });
  }

  private rowOf(s: StreetScore, k: RunScore): Insertable<EvaluationScoreTable> {
    return {
      run_id: this.id,
      quarter: this.o.quarter,
      scheme_version: this.version,
      studio_id: s.id,
      unit_id: s.unit_id,
      street_id: s.street_id,
      total: s.breakdown.total,
      added: s.breakdown.added,
      deducted: s.breakdown.deducted,
      per_member: s.perMember,
      vetoed: s.breakdown.vetoed ? 1 : 0,
      district_rank: 0,
      street_rank: 0,
      breakdown_json: JSON.stringify(s.breakdown),
      changes_json: k.changes === null ? null : JSON.stringify(k.changes),
      // Current once its run is published (current-score.repository.ts).
      is_current: 1,
      created_at: this.ctx.at,
    };
  }
}

/** Deletes a pending run's scores a batch per transaction, then its row (a published run is left alone). */
async function deleteRun(db: Kysely<Database>, run: { id: number; fromId: number }): Promise<void> {
  if (!(await runs.isPending(db, run.id))) return;
  let fromId = run.fromId;
  for (;;) {
    const last = await db
      .transaction()
      .execute((trx) => runs.deleteRunScores(trx, { id: run.id, fromId }, UPDATE_BATCH));
    if (last === null) break;
    fromId = last + 1;
    await yieldToEventLoop();
  }
  await runs.deletePendingRun(db, run.id);
}
