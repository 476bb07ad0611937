import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Work done once per group transaction for all the jobs in it, after they ran and before the
 * commit: e.g. counters that every job adds to, written as one statement instead of one per job.
 */
export interface BatchStep<I> {
  run(trx: Transaction<Database>, items: I[]): Promise<void>;
}

/** What a job may hand to the batch: items for a step, kept only if the job itself succeeds. */
export interface Batch {
  add<I>(step: BatchStep<I>, item: I): void;
}

/**
 * A job's work: its statements, and what it leaves to the batch's steps. It may run twice (see
 * GroupCommitter), so it must do nothing outside the transaction it is given.
 */
export type GroupWork<T> = (trx: Transaction<Database>, batch: Batch) => Promise<T>;

interface Job<T> {
  work: GroupWork<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for durable writes: jobs that arrive while a commit is being flushed are run
 * together in the next transaction, each inside its own savepoint, and share one commit
 * (one fsync). A job that fails is rolled back to its savepoint alone; every job's promise
 * settles only after the commit that holds it is durable, so an acknowledged write is
 * never lost. With synchronous=FULL this is how writes get past one-fsync-per-request.
 *
 * A job may also hand items to a batch step (`batch.add`): the steps run once, with the items
 * of the jobs that succeeded, in the same transaction before the commit. If a step fails the
 * whole batch is rolled back and every job in it rejected, so nothing is half counted.
 *
 * Jobs rarely fail, and two statements per job for its savepoint were a good part of a record's
 * cost (a round trip each on PostgreSQL). So a batch first runs its jobs without savepoints;
 * only if one fails is that transaction rolled back and the batch run again, each job in its
 * savepoint. A job's work may therefore run twice; nothing of the first run is kept.
 */
export class GroupCommitter {
  private readonly db: Kysely<Database>;
  private readonly maxBatch: number;
  private queue: Array<Job<unknown>> = [];
  private running = false;

  constructor(db: Kysely<Database>, maxBatch = 200) {
    this.db = db;
    this.maxBatch = maxBatch;
  }

  /** Runs `work` in the next group transaction; resolves with its result once committed. */
  run<T>(work: GroupWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Job<unknown>);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      // The batch is taken only once its transaction holds the connection: requests read in the
      // same turn of the event loop (one setImmediate) and jobs that arrive while the previous
      // commit or the other requests' checks hold the connection all join it. Taking the batch
      // first would start a transaction for the first job alone and leave the rest queued
      // behind it (batches of one or two under load).
      await nextTurn();
      // Clients answered by the previous commit send their next requests over a few turns of
      // the event loop, not all in one: while each turn still brings jobs (a few turns at most,
      // a turn being a non-blocking poll), wait for them. Batches then hold about twice as many
      // records, and the commit and the batch's statements are shared by all of them.
      for (let turn = 0, seen = -1; turn < SETTLE_TURNS && this.queue.length > seen; turn++) {
        if (this.queue.length >= this.maxBatch) break;
        seen = this.queue.length;
        await nextTurn();
      }
      while (this.queue.length > 0) {
        let trx: ControlledTransaction<Database>;
        try {
          trx = await this.db.startTransaction().execute();
        } catch (error) {
          for (const job of this.queue.splice(0, this.maxBatch)) job.reject(error);
          continue;
        }
        await this.runBatch(trx, this.queue.splice(0, this.maxBatch));
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(trx: ControlledTransaction<Database>, batch: Array<Job<unknown>>): Promise<void> {
    let outcomes: Outcome[] | undefined;
    try {
      outcomes = await this.runJobs(trx, batch, false);
      if (outcomes === undefined) {
        // A job failed with no savepoint to undo it alone: start over, each job in its own.
        await trx.rollback().execute();
        trx = await this.db.startTransaction().execute();
        outcomes = (await this.runJobs(trx, batch, true)) ?? [];
      }
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i];
      if (o?.ok) job.resolve(o.value);
      else job.reject(o?.error);
    });
  }

  /**
   * Runs the jobs, then the steps with the items of those that succeeded. Without savepoints the
   * first failure stops it (answering undefined: the transaction holds a half-done job).
   */
  private async runJobs(
    trx: ControlledTransaction<Database>,
    batch: Array<Job<unknown>>,
    savepoints: boolean,
  ): Promise<Outcome[] | undefined> {
    const outcomes: Outcome[] = [];
    const steps = new Map<BatchStep<unknown>, unknown[]>();
    for (const job of batch) {
      const handed: Array<[BatchStep<unknown>, unknown]> = [];
      const view: Batch = { add: (step, item) => void handed.push([step as BatchStep<unknown>, item]) };
      if (savepoints) {
        const point = await trx.savepoint('job').execute();
        try {
          const value = await job.work(point, view);
          await point.releaseSavepoint('job').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await point.rollbackToSavepoint('job').execute();
          await point.releaseSavepoint('job').execute();
          outcomes.push({ ok: false, error });
          continue;
        }
      } else {
        try {
          outcomes.push({ ok: true, value: await job.work(trx, view) });
        } catch {
          return undefined;
        }
      }
      for (const [step, item] of handed) {
        const items = steps.get(step);
        if (items) items.push(item);
        else steps.set(step, [item]);
      }
    }
    for (const [step, items] of steps) await step.run(trx, items);
    return outcomes;
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** How many more turns of the event loop a batch waits for while jobs keep arriving. */
const SETTLE_TURNS = 8;

/** One turn of the event loop: pending I/O (new requests) is read before it resolves. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const committers = new WeakMap<Kysely<Database>, GroupCommitter>();
/** The group committer of a database, one per process. */
export function groupCommitterOf(db: Kysely<Database>): GroupCommitter {
  let c = committers.get(db);
  if (!c) {
    c = new GroupCommitter(db);
    committers.set(db, c);
  }
  return c;
}
