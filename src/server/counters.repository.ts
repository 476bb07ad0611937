import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// Named locks for check-then-write sequences that must not interleave. SQLite runs one
// writer at a time, so there the check and the write never race; PostgreSQL runs
// transactions side by side at READ COMMITTED, where "read the highest number, insert the
// next" or "look for a duplicate, insert" lets two requests both pass the check. Each
// sequence first updates its row in `counters`: the row lock holds until the caller's
// transaction ends, and every later statement sees what the previous holder committed.

/**
 * Takes the named lock for the rest of the caller's transaction (creating its row on first
 * use) and answers how many times it has been taken. Call it first in the transaction, before
 * the reads it protects; outside a transaction it protects nothing.
 */
export async function serialize(trx: Kysely<Database>, name: string): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
