import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { markChanged } from './version-marks.ts';

// The settings table holds what staff change at run time and the counters other instances
// watch (the classifier's corrections, the siting data's version), one key per row.

/** The stored value of a setting, or undefined when it was never written. */
export async function readSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** The stored values of several settings, in the order of `keys` (undefined where never written). */
export async function readSettings(db: Kysely<Database>, keys: readonly string[]): Promise<Array<string | undefined>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return keys.map((k) => byKey.get(k));
}

/** The version row of the settings staff change (`writeSetting` bumps it; `readCachedSetting` watches it). */
export const SETTINGS_VERSION = 'settings.version';

/**
 * Writes a setting, creating it on first use, and bumps the settings' version in the same
 * transaction, so every instance's cached copy (`readCachedSetting`) reloads within a second.
 */
export async function writeSetting(db: Kysely<Database>, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
  await bumpSetting(db, SETTINGS_VERSION, at);
  markChanged(SETTINGS_VERSION);
}

/** Every setting by key (what `readCachedSetting` keeps). */
export async function readAllSettings(db: Kysely<Database>): Promise<ReadonlyMap<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

/** Creates a setting unless another writer (or instance) already has; either way answers the stored value. */
export async function ensureSetting(db: Kysely<Database>, key: string, value: string, at: string): Promise<string> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await readSetting(db, key)) ?? value;
}

/** Adds one to a numeric setting (a version other instances poll), atomically; answers the new value. */
export async function bumpSetting(db: Kysely<Database>, key: string, at: string): Promise<number> {
  const row = await db
    .insertInto('settings')
    .values({ key, value: '1', updated_at: at })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ value: sql<string>`cast(cast(settings.value as integer) + 1 as text)`, updated_at: at }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
