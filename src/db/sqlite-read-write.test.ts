import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './database.ts';

// Reads outside a transaction go to a second connection (sqlite-read-write.ts): they must not
// wait for a transaction in progress, must not see its rows before the commit, and everything
// that writes must still take its turn on the one writer.
type T = { t: { id: Generated<number>; v: string } };

const dir = mkdtempSync(join(tmpdir(), 'huimin-rw-'));
let handle: DatabaseHandle;
let db: Kysely<T>;
beforeAll(async () => {
  handle = await createDatabase({ sqliteFile: join(dir, 'rw.db') });
  db = handle.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, v text not null)`.execute(db);
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const values = async () => (await db.selectFrom('t').select('v').orderBy('id').execute()).map((r) => r.v);

/** Starts a transaction that writes `v`, and leaves it open until `finish` is called. */
async function openTransaction(v: string) {
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let written!: () => void;
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = db.transaction().execute(async (trx) => {
    await trx.insertInto('t').values({ v }).execute();
    written();
    await finished;
  });
  await wrote;
  return { finish, done };
}

describe('SQLite with a reader beside the writer', () => {
  it('answers a read during a transaction at once, from what was committed', async () => {
    await db.insertInto('t').values({ v: 'a' }).execute();
    const trx = await openTransaction('b');
    // With one connection this read would wait for the transaction, and this test time out.
    expect(await values()).toEqual(['a']);
    trx.finish();
    await trx.done;
    expect(await values()).toEqual(['a', 'b']);
  });

  it('makes a write outside a transaction wait for the transaction in progress', async () => {
    await db.deleteFrom('t').execute();
    const order: string[] = [];
    const trx = await openTransaction('first');
    const write = db
      .insertInto('t')
      .values({ v: 'second' })
      .execute()
      .then(() => order.push('write'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    order.push('commit');
    trx.finish();
    await Promise.all([trx.done, write]);
    expect(order).toEqual(['commit', 'write']);
    expect(await values()).toEqual(['first', 'second']);
  });

  it('reads its own writes inside a transaction, and undoes a savepoint', async () => {
    await db.deleteFrom('t').execute();
    const trx = await handle.db.startTransaction().execute();
    const inside = trx as unknown as Kysely<T>;
    await inside.insertInto('t').values({ v: 'kept' }).execute();
    const point = await trx.savepoint('p').execute();
    await (point as unknown as Kysely<T>).insertInto('t').values({ v: 'undone' }).execute();
    await point.rollbackToSavepoint('p').execute();
    expect((await inside.selectFrom('t').select('v').execute()).map((r) => r.v)).toEqual(['kept']);
    expect(await values()).toEqual([]);
    await trx.commit().execute();
    expect(await values()).toEqual(['kept']);
  });

  it('keeps raw SQL on the writer, where the connection state is', async () => {
    await db.deleteFrom('t').execute();
    await sql`create temporary table scratch (x integer)`.execute(db);
    await sql`insert into scratch values (1)`.execute(db);
    // The reader has no such table: raw SQL must not be routed there, even a SELECT.
    const { rows } = await sql<{ n: number }>`select count(*) as n from scratch`.execute(db);
    expect(rows[0]?.n).toBe(1);
    await sql`drop table scratch`.execute(db);
  });

  it('gives the turn back after a failed transaction', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ v: 'never' }).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.insertInto('t').values({ v: 'after' }).execute();
    expect(await values()).toEqual(['after']);
  });
});
