import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

// A bulk writer's WAL checkpoints, off the main thread. SQLite checkpoints on commit once the WAL
// holds 1,000 pages: the committing call copies every page of the WAL into the database file and
// waits for its flush, synchronously. A registry import's batch writes thousands of pages, so each
// of its commits also checkpointed — about a third of its commit time, all of it blocking the
// event loop. While a bulk write runs, the main connection leaves checkpoints to a worker thread
// with a connection of its own, asked for one between two batches: the event loop serves requests
// meanwhile (reads, and writes too: a PASSIVE checkpoint never waits for, nor holds up, readers or
// writers). A checkpoint's own flushes took a quarter of an import's commit when every batch
// waited for one, so the next batch is written meanwhile; every few batches the next one starts
// on a WAL copied back in full, which SQLite then reuses from its start, so the WAL stays the
// size of a few batches.

/**
 * Every this many batches the next waits for the WAL to be copied back in full; between, the
 * worker copies back while the next batch is written. The WAL holds at most a few batches.
 */
const COPIED_BACK_EVERY = 4;

/** The worker: a passive checkpoint whenever asked, then closes when told to stop. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: 0 });
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
parentPort.on('message', (m) => {
  if (m === 'checkpoint') {
    try { checkpoint.get(); } catch {}
    parentPort.postMessage('done');
  } else {
    db.close();
    parentPort.close();
  }
});
`;

/** The main database file of a SQLite connection (undefined in memory or on PostgreSQL). */
async function sqliteFile(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file;
  return file ? file : undefined;
}

/**
 * Runs `work` with the SQLite database's checkpoints left to a worker thread: `work` awaits
 * `checkpoint()` between two of its transactions. Afterwards the connection checkpoints on commit
 * again. On PostgreSQL (or in memory) `checkpoint()` only gives the event loop a turn.
 */
export async function withCheckpointsOffThread<T>(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  work: (checkpoint: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const file = engine === 'sqlite' ? await sqliteFile(db) : undefined;
  if (!file) return work(() => nextTurn());
  const worker = new Worker(WORKER, { eval: true, workerData: { file } });
  worker.unref();
  let failed = false;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      failed = true;
      resolve();
    }),
  );
  worker.on('error', () => undefined);
  // One checkpoint at a time; the worker answers each request once.
  let running: Promise<void> | undefined;
  const ask = () =>
    (running ??= new Promise<void>((resolve) => {
      const finish = () => {
        worker.off('message', finish);
        worker.off('exit', finish);
        running = undefined;
        resolve();
      };
      worker.on('message', finish);
      worker.once('exit', finish);
      worker.postMessage('checkpoint');
    }));
  // Copied back in full before the next batch, so SQLite reuses the WAL from its start.
  let since = 0;
  const inFull = async () => {
    since = 0;
    await running;
    await ask();
  };
  const checkpoint = async () => {
    if (failed) return nextTurn();
    if (++since >= COPIED_BACK_EVERY) return inFull();
    // Copied back while the next batch is written: the worker's flushes are not the batch's wait.
    void ask();
    return nextTurn();
  };
  await sql`pragma wal_autocheckpoint = 0`.execute(db);
  try {
    return await work(checkpoint);
  } finally {
    // The last batch's pages too, before the connection checkpoints on commit again.
    if (!failed) await inFull();
    await sql`pragma wal_autocheckpoint = 1000`.execute(db);
    if (!failed) worker.postMessage('stop');
    await exited;
  }
}
