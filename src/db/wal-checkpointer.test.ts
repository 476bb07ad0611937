import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from './database.ts';
import { withCheckpointsOffThread } from './wal-checkpointer.ts';

// A bulk write's checkpoints done by a worker thread: the main connection stops checkpointing on
// commit while it runs, the worker keeps the WAL from growing, and afterwards all is as before.

let dir: string;
let handle: DatabaseHandle;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'imp-wal-'));
  handle = await createDatabase({ sqliteFile: join(dir, 'wal.db') });
  await sql`create table t (id integer primary key, v text not null)`.execute(handle.db);
});
afterAll(async () => {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const autocheckpoint = async () =>
  (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db)).rows[0]?.wal_autocheckpoint;

describe('checkpoints off the main thread', () => {
  it('checkpoint the WAL while a bulk write runs, and hand back to the connection afterwards', async () => {
    const wal = join(dir, 'wal.db-wal');
    const frames: number[] = [];
    const written = await withCheckpointsOffThread(handle.db, 'sqlite', async (checkpoint) => {
      expect(await autocheckpoint()).toBe(0);
      for (let batch = 0; batch < 20; batch++) {
        await handle.db.transaction().execute(async (trx) => {
          for (let i = 0; i < 50; i++) await sql`insert into t (v) values (${'x'.repeat(2000)})`.execute(trx);
        });
        frames.push(statSync(wal).size);
        await checkpoint();
      }
      return 20 * 50;
    });
    expect(written).toBe(1000);
    expect(await autocheckpoint()).toBe(1000);
    // 1,000 rows of 2 kB: some 500 pages, 110 kB of WAL a batch. Copied back while the next
    // batches were written, and in full every fourth, the WAL was reused from its start and
    // never held more than four or five batches: not the 2.2 MB of all twenty.
    expect(Math.max(...frames)).toBeLessThan(600_000);
    const { rows } = await sql<{ n: number }>`select count(*) as n from t`.execute(handle.db);
    expect(Number(rows[0]?.n)).toBe(1000);
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(handle.db)).rows[0]).toEqual({
      integrity_check: 'ok',
    });
  });

  it('just run the work on PostgreSQL or in memory', async () => {
    const memory = await createDatabase({ sqliteFile: ':memory:' });
    try {
      expect(await withCheckpointsOffThread(memory.db, 'sqlite', async () => 7)).toBe(7);
    } finally {
      await memory.close();
    }
  });
});
