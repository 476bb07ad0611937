import { join } from 'node:path';
import type { Config } from '../config/config.ts';
import { createDatabase, type DatabaseHandle } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { hashPassword } from './passwords.ts';
import { rebuildRollups } from './features/statistics/rollups.commands.ts';
import { setBusinessTimeZone } from './time.ts';

/** Opens the configured database, migrates it, and loads demo data into an empty one when demo mode is on. */
export async function openAndPrepare(
  config: Config,
  onConnectionError?: (error: Error) => void,
): Promise<{ handle: DatabaseHandle; demoLoaded: boolean; where: string }> {
  const sqliteFile = join(config.HUIMIN_DATA_DIR, 'huimin.db');
  const handle = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    sqliteFile,
    pgPoolSize: config.PG_POOL_SIZE,
    ...(onConnectionError ? { onConnectionError } : {}),
  });
  // The demo's dates and the rollups' days are days in the configured zone, before the app is built.
  setBusinessTimeZone(config.HUIMIN_TIME_ZONE);
  try {
    await migrateToLatest(handle);
    let demoLoaded = false;
    // The demo's seeding code (and the pinyin library it uses) loads only in demo mode.
    const demo = config.HUIMIN_DEMO ? await import('../db/seed/demo.ts') : undefined;
    if (demo && (await demo.isEmpty(handle.db))) {
      const { loadDemoData, DEMO_PASSWORD } = demo;
      await loadDemoData(handle.db, new Date().toISOString(), await hashPassword(DEMO_PASSWORD));
      demoLoaded = true;
    }
    // The first start after the statistics migration counts the records already written.
    await rebuildRollups(handle.db, handle.engine, new Date().toISOString(), { onlyIfUnbuilt: true });
    const where = config.DATABASE_URL ? `PostgreSQL ${redact(config.DATABASE_URL)}` : `SQLite ${sqliteFile}`;
    return { handle, demoLoaded, where };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** A database URL without its password, for logs. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
