import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from './schema.ts';
import { subtreeQuery } from '../server/features/org-units/org-units.repository.ts';
import { findSessionQuery } from '../server/features/auth/auth.repository.ts';
import { rateCountsQuery, streetCountsQuery } from '../server/features/mailbox/mailbox.repository.ts';
import { letterQueuePage } from '../server/features/mailbox/letter-queue.repository.ts';

/**
 * The SQL of the hottest queries, compiled for both engines and checked in under
 * src/db/compiled-sql/, so a change in generated SQL shows up in review.
 */
const engines = {
  sqlite: new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  }),
  postgres: new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }),
};

const queries = {
  'org-subtree-page': (db: Kysely<Database>) =>
    subtreeQuery(db, { path: '/350802000000/', q: 'xxsq' })
      .select(['id', 'code', 'name', 'short_name', 'level', 'post_kind', 'parent_id', 'depth', 'lng', 'lat', 'address'])
      .orderBy('path')
      .limit(50)
      .offset(0),
  'session-actor': (db: Kysely<Database>) => findSessionQuery(db, 'sha256-of-token'),
  'letter-queue-page': (db: Kysely<Database>) =>
    letterQueuePage(db, {
      path: '/350802000000/350802003000/',
      today: '2026-11-25',
      open: true,
      withAccusations: false,
      limit: 50,
      offset: 0,
    }),
  // The whole tree counts the quarter's letters per street once; a district walks its streets.
  'letter-rates-by-street': (db: Kysely<Database>) =>
    streetCountsQuery(db, { from: '2026-10-01', to: '2026-12-31', today: '2026-11-25' }),
  'letter-rates-by-street-district': (db: Kysely<Database>) =>
    rateCountsQuery(db, {
      path: '/350000000000/350802000000/',
      from: '2026-10-01',
      to: '2026-12-31',
      today: '2026-11-25',
      by: 'street',
    }),
};

describe('compiled SQL of key queries', () => {
  for (const [engine, db] of Object.entries(engines)) {
    for (const [name, build] of Object.entries(queries)) {
      it(`${name} on ${engine}`, async () => {
        await expect(`${build(db).compile().sql}\n`).toMatchFileSnapshot(`compiled-sql/${name}.${engine}.sql`);
      });
    }
  }
});
