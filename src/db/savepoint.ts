import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Runs `work` inside a savepoint of the caller's transaction: if it fails, what it did is undone
 * and the transaction stays usable (on PostgreSQL a failed statement would abort the whole
 * transaction). For a plain `Transaction`, which has no savepoint methods of its own.
 */
export async function inSavepoint<T>(trx: Kysely<Database>, name: string, work: () => Promise<T>): Promise<T> {
  const id = sql.id(name);
  await sql`savepoint ${id}`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint ${id}`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${id}`.execute(trx);
    await sql`release savepoint ${id}`.execute(trx);
    throw error;
  }
}
