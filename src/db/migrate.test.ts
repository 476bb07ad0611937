import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.ts';
import {
  appliedMigrations,
  DatabaseNewerThanCodeError,
  migrateDown,
  migrateToLatest,
  schemaVersion,
} from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { compareVersions } from './database.ts';
import { loadDemoData } from './seed/demo.ts';
import { volunteerSearchTerms } from '../domain/registry/search-terms.ts';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('migrations', () => {
  it('apply every migration on an empty database, then roll back and forward again', async () => {
    const h = await createTestDatabase({ migrate: false });
    cleanup = h.drop;
    const applied = await migrateToLatest(h);
    expect(applied).toEqual(Object.keys(migrations(h.engine)));
    expect(await schemaVersion(h.db as Kysely<unknown>)).toBe(applied.at(-1));
    expect(await migrateToLatest(h)).toEqual([]);
    await migrateDown(h);
    expect(await appliedMigrations(h.db as Kysely<unknown>)).toEqual(applied.slice(0, -1));
    await migrateToLatest(h);
    await h.db.selectFrom('org_units').select('id').execute();
  });

  it('give the registry records already there their search terms', async () => {
    const h = await createTestDatabase();
    cleanup = h.drop;
    await loadDemoData(h.db, '2026-11-30T00:00:00.000Z', 'not-a-real-hash');
    const termsNow = async () =>
      (
        await h.db
          .selectFrom('volunteer_terms')
          .select(['volunteer_id', 'term'])
          .orderBy('volunteer_id')
          .orderBy('term')
          .execute()
      ).map((r) => `${r.volunteer_id} ${r.term}`);
    const written = await termsNow();
    // Back to before the terms existed (newer migrations first), and forward again: the migration computes them.
    while ((await appliedMigrations(h.db as Kysely<unknown>)).at(-1) !== '2026-11-30-0005-volunteer-search-terms')
      await migrateDown(h);
    expect((await migrateDown(h)).at(-1)).toBe('2026-11-30-0005-volunteer-search-terms');
    await migrateToLatest(h);
    const people = await h.db
      .selectFrom('volunteers')
      .select(['id', 'name', 'profession', 'qualifications', 'pinyin', 'initials'])
      .execute();
    expect(people.length).toBeGreaterThan(5);
    const expected = people.flatMap((v) => volunteerSearchTerms(v).map((t) => `${v.id} ${t}`));
    expect(new Set(await termsNow())).toEqual(new Set(expected));
    expect(new Set(written)).toEqual(new Set(expected));
  });

  it('refuse to run on a database migrated by newer code', async () => {
    const h = await createTestDatabase();
    cleanup = h.drop;
    await sql`insert into kysely_migration (name, timestamp) values ('2099-01-01-0001-from-the-future', '2099-01-01T00:00:00.000Z')`.execute(
      h.db,
    );
    await expect(migrateToLatest(h)).rejects.toBeInstanceOf(DatabaseNewerThanCodeError);
  });
});

describe('compareVersions', () => {
  it('compares numerically, not as text', () => {
    expect(compareVersions('3.53.4', '3.45.0')).toBeGreaterThan(0);
    expect(compareVersions('3.9.0', '3.45.0')).toBeLessThan(0);
    expect(compareVersions('3.45', '3.45.0')).toBe(0);
  });
});
