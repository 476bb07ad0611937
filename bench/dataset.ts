// The data set a run measures: the cached whole-province database, copied (SQLite) or loaded
// (PostgreSQL) for this run, and the environment the Huimin server starts with.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DATA_DIR, dropPostgresBench, postgresProvince, sqliteProvince, type ProvinceMeta } from './province.ts';
import { onCleanUp } from './servers.ts';
import { SERVER_ENV } from '../src/server/node-flags.js';
import { log } from './settings.ts';

/** A run's directory and the Huimin server's environment; both are undone by cleanUp. */
export function prepareRun(pgUrl: string | undefined): { serverEnv: NodeJS.ProcessEnv; runDir: string } {
  const serverEnv: NodeJS.ProcessEnv = {
    ...process.env,
    // As `npm run serve` starts it (src/server/node-flags.js).
    ...SERVER_ENV,
    HUIMIN_DEMO: '0',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  delete serverEnv.DATABASE_URL;
  mkdirSync(DATA_DIR, { recursive: true });
  const runDir = mkdtempSync(join(DATA_DIR, 'run-'));
  serverEnv.HUIMIN_DATA_DIR = runDir;
  onCleanUp(async () => {
    if (pgUrl)
      await dropPostgresBench(pgUrl).catch((err: unknown) => log(`could not drop the bench database: ${String(err)}`));
    rmSync(runDir, { recursive: true, force: true });
  });
  return { serverEnv, runDir };
}

/**
 * The data set's description and where the run's database is (a file or a URL); points the
 * server's environment at it.
 */
export async function loadDataset(
  pgUrl: string | undefined,
  serverEnv: NodeJS.ProcessEnv,
  runDir: string,
): Promise<{ meta: ProvinceMeta; dbWhere: string }> {
  if (pgUrl) {
    const pgData = await postgresProvince(pgUrl, log);
    serverEnv.DATABASE_URL = pgData.url;
    return { meta: pgData.meta, dbWhere: pgData.url };
  }
  const sqliteData = await sqliteProvince(log);
  // A copy, so that logins (sessions, audit entries), records and imports never touch the cached data set.
  const dbWhere = join(runDir, 'huimin.db');
  copyFileSync(sqliteData.file, dbWhere);
  return { meta: sqliteData.meta, dbWhere };
}

/**
 * Refreshes the PostgreSQL planner's statistics of the run's database, as autoanalyze would in
 * service. This machine's PostgreSQL runs with autovacuum off (CI's configuration), so after the
 * start-up jobs (the quarter's evaluation adds some 25,000 score rows to a table that was empty
 * when the template was analyzed) a plan chosen for an empty table turned the evaluation's
 * re-run from seconds into minutes: a measure of the machine, not of the app.
 */
export async function analyzePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
