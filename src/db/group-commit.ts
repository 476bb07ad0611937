import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

interface Job<T> {
  work: (trx: Transaction<Database>) => Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for durable writes: jobs that arrive while a commit is being flushed are run
 * together in the next transaction, each inside its own savepoint, and share one commit
 * (one fsync). A job that fails is rolled back to its savepoint alone; every job's promise
 * settles only after the commit that holds it is durable, so an acknowledged write is
 * never lost. With synchronous=FULL this is how writes get past one-fsync-per-request.
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
  run<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve, reject } as Job<unknown>);
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.runBatch(batch);
      }
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Array<Job<unknown>>): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let trx;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (error) {
      for (const job of batch) job.reject(error);
      return;
    }
    try {
      for (const job of batch) {
        const point = await trx.savepoint('job').execute();
        try {
          const value = await job.work(point);
          await point.releaseSavepoint('job').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          await point.rollbackToSavepoint('job').execute();
          await point.releaseSavepoint('job').execute();
          outcomes.push({ ok: false, error });
        }
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
