import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Set while an unflushed transaction begins: SQLite's writer (sqlite-read-write.ts) then lowers
 * `synchronous` before its `begin` (SQLite refuses to change it inside a transaction) and sets it
 * back to FULL right after its commit or rollback, in the same synchronous step, so no other
 * request's commit ever runs without its flush.
 */
export const unflushedBegin = new AsyncLocalStorage<true>();

/**
 * Runs `work` in a transaction; with `unflushed`, one whose commit does not wait for the disk: a
 * bulk writer's batches before its last. A power loss may then undo such a batch after its
 * commit, whole, with whatever it recorded about itself (an import's rows and its count of rows
 * written), never part of it: the database stays consistent. The next commit that does wait for
 * its flush (the bulk writer's last batch, or any other request's) flushes every earlier one with
 * it on both engines, since SQLite's WAL and PostgreSQL's are written in order: what the writer
 * reports as done, and whatever anyone durably wrote after reading it, is on disk.
 *
 * SQLite: `synchronous = NORMAL` for this transaction. PostgreSQL: `synchronous_commit = off`,
 * for this transaction only (`set local`).
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  options: { unflushed: boolean },
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!options.unflushed) return db.transaction().execute(work);
  if (engine === 'sqlite') return unflushedBegin.run(true, () => db.transaction().execute(work));
  return db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    return work(trx);
  });
}
