import { Migrator, sql, type Kysely, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import { migrations } from './migrations/index.ts';

/** The database holds migrations this code does not know: an older build must not run on it. */
export class DatabaseNewerThanCodeError extends Error {
  constructor(unknown: string[]) {
    super(
      `The database was migrated by a newer Huimin (unknown migrations: ${unknown.join(', ')}). Refusing to start.`,
    );
    this.name = 'DatabaseNewerThanCodeError';
  }
}

async function migratorFor(handle: DatabaseHandle): Promise<Migrator> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(handle.engine) };
  const db = handle.db as Kysely<unknown>;
  if (handle.engine === 'sqlite') return new Migrator({ db, provider });
  // Kysely looks for its bookkeeping tables across all schemas unless told which one;
  // name the current one so databases in sibling schemas stay independent.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}

/** Names of the migrations already applied, oldest first; empty on a new database. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  try {
    // Built, not raw: a SELECT built with Kysely reads on SQLite's reader connection, so the
    // health probe never waits for a write in progress (see sqlite-read-write.ts).
    const rows = await (db as Kysely<{ kysely_migration: { name: string } }>)
      .selectFrom('kysely_migration')
      .select('name')
      .orderBy('name')
      .execute();
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** Refuses a database migrated by newer code, then applies every pending migration. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const known = new Set(Object.keys(migrations(handle.engine)));
  const applied = await appliedMigrations(handle.db as Kysely<unknown>);
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) throw new DatabaseNewerThanCodeError(unknown);
  // The usual start: nothing to apply. Kysely's migrator would still look the schema over for
  // its tables and take its lock, a dozen round trips on PostgreSQL, before finding that out.
  const done = new Set(applied);
  if ([...known].every((n) => done.has(n))) return [];
  const { error, results } = await (await migratorFor(handle)).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Rolls back the newest migration (for `huimin migrate down`). */
export async function migrateDown(handle: DatabaseHandle): Promise<string[]> {
  const { error, results } = await (await migratorFor(handle)).migrateDown();
  if (error) throw error;
  return (results ?? []).map((r) => r.migrationName);
}

/** The newest applied migration's name: the schema version reported by /api/health. */
export async function schemaVersion(db: Kysely<unknown>): Promise<string | null> {
  const applied = await appliedMigrations(db);
  return applied.at(-1) ?? null;
}
