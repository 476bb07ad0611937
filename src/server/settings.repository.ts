import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

// The settings table holds what staff change at run time and the counters other instances
// watch (the classifier's corrections, the siting data's version), one key per row.

/** The stored value of a setting, or undefined when it was never written. */
export async function readSetting(db: Kysely<Database>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** Writes a setting, creating it on first use. */
export async function writeSetting(db: Kysely<Database>, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
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
