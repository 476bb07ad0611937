import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { createDatabase, type DatabaseHandle } from './database.ts';
import type { Database } from './schema.ts';
import { inTransaction } from './unflushed-commit.ts';

// A bulk writer's batches commit without waiting for the disk (unflushed-commit.ts); every
// other commit must still wait for its flush, on both engines.

type Handle = Awaited<ReturnType<typeof createTestDatabase>>;
let handle: Handle;
beforeAll(async () => {
  handle = await createTestDatabase({ migrate: false });
  await sql`create table t (v integer not null)`.execute(handle.db);
});
afterAll(() => handle.drop());

/** Whether a commit on this connection waits for its flush: SQLite's `synchronous`, PostgreSQL's `synchronous_commit`. */
async function waitsForFlush(db: Kysely<Database>): Promise<boolean> {
  if (handle.engine === 'postgres') {
    const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db);
    return rows[0]?.synchronous_commit !== 'off';
  }
  const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(db);
  return rows[0]?.synchronous === 2; // FULL
}

const count = async () => Number((await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db)).rows[0]?.n);

describe('unflushed transactions', () => {
  it('commit without waiting for the disk, and leave every later commit waiting', async () => {
    expect(await waitsForFlush(handle.db)).toBe(true);
    const inside = await inTransaction(handle.db, handle.engine, { unflushed: true }, async (trx) => {
      await sql`insert into t (v) values (1)`.execute(trx);
      return waitsForFlush(trx);
    });
    expect(inside).toBe(false);
    expect(await count()).toBe(1);
    expect(await handle.db.transaction().execute((trx) => waitsForFlush(trx))).toBe(true);
  });

  it('roll back as any transaction does, and leave later commits waiting', async () => {
    const before = await count();
    await expect(
      inTransaction(handle.db, handle.engine, { unflushed: true }, async (trx) => {
        await sql`insert into t (v) values (2)`.execute(trx);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await count()).toBe(before);
    expect(await handle.db.transaction().execute((trx) => waitsForFlush(trx))).toBe(true);
  });
});

describe('on a SQLite file, with a writer shared by every request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huimin-unflushed-'));
  let file: DatabaseHandle;
  beforeAll(async () => {
    file = await createDatabase({ sqliteFile: join(dir, 'u.db') });
    await sql`create table t (v integer not null)`.execute(file.db);
  });
  afterAll(async () => {
    await file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('give a write that waited for the turn a flushed commit', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const batch = inTransaction(file.db, 'sqlite', { unflushed: true }, async (trx) => {
      await sql`insert into t (v) values (1)`.execute(trx);
      await held;
    });
    // Another request's transaction queues for the writer while the batch holds it.
    const other = file.db.transaction().execute(async (trx) => {
      await sql`insert into t (v) values (2)`.execute(trx);
      return (await sql<{ synchronous: number }>`pragma synchronous`.execute(trx)).rows[0]?.synchronous;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await batch;
    expect(await other).toBe(2);
    expect((await sql<{ n: number }>`select count(*) as n from t`.execute(file.db)).rows[0]?.n).toBe(2);
  });
});
