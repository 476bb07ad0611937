import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import { demoAccounts } from '../db/seed/demo.ts';
import { migrations } from '../db/migrations/index.ts';
import { seedDemo } from './seed-demo.ts';

let h: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(() => h.drop());

describe('huimin seed-demo', () => {
  it('loads the demo accounts and studios into an empty database, once', async () => {
    const first = await seedDemo(h.db, new Date('2026-12-01T08:00:00Z'));
    expect(first.ok).toBe(true);
    const accounts = await h.db.selectFrom('accounts').select('username').execute();
    expect(accounts.map((a) => a.username).sort()).toEqual(demoAccounts.map((a) => a.username).sort());
    expect((await h.db.selectFrom('studios').select('id').execute()).length).toBeGreaterThan(0);

    const again = await seedDemo(h.db, new Date('2026-12-01T09:00:00Z'));
    expect(again).toEqual({ ok: false, message: expect.stringMatching(/empty one only/) });
    expect(await h.db.selectFrom('accounts').select('username').execute()).toHaveLength(accounts.length);
  });
});

describe('npm run db:seed and db:rollback', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'huimin-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The commands as the npm scripts call them, on a SQLite file of their own.
  const huimin = (...args: string[]) =>
    run(process.execPath, [join(import.meta.dirname, 'huimin.ts'), ...args], {
      env: { PATH: process.env.PATH, HUIMIN_DATA_DIR: dir, LOG_LEVEL: 'silent' },
    });

  it('seed an empty database, refuse a second time, and roll back the newest migration', async () => {
    expect((await huimin('seed-demo')).stdout).toMatch(/^Loaded the demo data/);
    await expect(huimin('seed-demo')).rejects.toMatchObject({ code: 1 });
    const newest = Object.keys(migrations('sqlite')).at(-1);
    expect((await huimin('migrate', '--down')).stdout.trim()).toBe(`Rolled back: ${newest}`);
    expect((await huimin('migrate')).stdout.trim()).toBe(`Applied: ${newest}`);
  });
});
