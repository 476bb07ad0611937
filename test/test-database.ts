import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** PostgreSQL used by `npm run test:pg`; each test database lives in a schema of its own. */
export const TEST_PG_URL = process.env.HUIMIN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the API suite runs on PostgreSQL. */
export const onPostgres = process.env.HUIMIN_TEST_DB === 'pg';

/**
 * HUIMIN_TEST_DB=sqlite-file: each test database is a SQLite file (in /dev/shm where there is
 * one), opened as a server opens its file, with a second connection for reads
 * (src/db/sqlite-read-write.ts), which an in-memory database cannot have.
 */
const onSqliteFile = process.env.HUIMIN_TEST_DB === 'sqlite-file';

/**
 * A fresh, empty database for one test file: in-memory SQLite by default, or a new
 * PostgreSQL schema (dropped by `drop`) when HUIMIN_TEST_DB=pg.
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (!onPostgres) {
    const dir = onSqliteFile ? mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'huimin-test-')) : null;
    const handle = await createDatabase({ sqliteFile: dir ? join(dir, 'test.db') : ':memory:' });
    if (options.migrate !== false) await migrateToLatest(handle);
    return {
      ...handle,
      drop: async () => {
        await handle.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = await createDatabase({ databaseUrl: TEST_PG_URL, pgSchema: schema, pgPoolSize: 4 });
  if (options.migrate !== false) await migrateToLatest(handle);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}
