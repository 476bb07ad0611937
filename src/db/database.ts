import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { ClientConfig } from 'pg';
import type { Database } from './schema.ts';
import type { Engine } from './migrations/helpers.ts';
import { openSqlite } from './node-sqlite-adapter.ts';
import { SqliteReadWriteDialect } from './sqlite-read-write.ts';
import { preparingPool } from './pg-prepared.ts';

/** An open database and what the rest of the app needs to know about it. */
export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  close(): Promise<void>;
}

/** How long a request waits for a new PostgreSQL connection before the database counts as unavailable. */
export const PG_CONNECT_TIMEOUT_MS = 1500;

/**
 * How long a request waits for a pooled connection while every one is in use. A busy pool is
 * not an unavailable database: with one timeout for both (pg-pool's connectionTimeoutMillis), 50
 * clients asking for a province's heavier pages were answered 503 DATABASE_UNAVAILABLE after
 * 1.5 s in the queue while the database was answering every query. A dead server still fails
 * fast: its connections error at once and new ones give up after PG_CONNECT_TIMEOUT_MS.
 */
export const PG_POOL_WAIT_MS = 15_000;

/** Oldest SQLite we accept: RETURNING (3.35) and the JSON functions are used. */
export const MIN_SQLITE_VERSION = '3.45.0';

// pg is loaded only when PostgreSQL is configured: a SQLite server starts without it.
async function loadPg() {
  const pg = (await import('pg')).default;
  // int8 (count(*), bigserial) arrives as a string by default; Huimin's counts fit in a double.
  pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return pg;
}

export interface DatabaseOptions {
  /** postgres://… to use PostgreSQL; otherwise SQLite. */
  databaseUrl?: string | undefined;
  /** SQLite file, or ':memory:'. */
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves this way). */
  pgSchema?: string;
  pgPoolSize?: number;
  /**
   * Told about errors of idle PostgreSQL connections (the server restarted or went away).
   * Without a listener the pool's 'error' event would end the process; with one, the pool
   * drops the connection and opens a new one when the server is back.
   */
  onConnectionError?: (error: Error) => void;
}

/** Opens SQLite (the embedded default) or PostgreSQL when a URL is given; one Kysely code path serves both. */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options);
  return openSqliteDatabase(options.sqliteFile ?? join('data', 'huimin.db'));
}

async function openPostgres(options: DatabaseOptions): Promise<DatabaseHandle> {
  const pg = await loadPg();
  // A connection being made gives up after PG_CONNECT_TIMEOUT_MS: a request during an outage must
  // fail fast (503), not wait for a server that is not there. The pool's own option would apply
  // the same limit to waiting for a busy pool, so the client gets it instead.
  class Client extends pg.Client {
    constructor(config?: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS });
    }
  }
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.pgPoolSize ?? 10,
    Client,
    connectionTimeoutMillis: PG_POOL_WAIT_MS,
    // A connection whose peer vanished without a reset is found out by TCP keep-alive.
    keepAlive: true,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  const report = (error: Error) => options.onConnectionError?.(error);
  pool.on('error', report);
  // A connection in use when the server goes away emits 'error' on the client itself; the
  // pool only listens while it is idle, and an unheard 'error' event would end the process.
  pool.on('connect', (client) => client.on('error', report));
  // The round trip dominates on PostgreSQL: repeated queries go as named prepared statements.
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

async function openSqliteDatabase(file: string): Promise<DatabaseHandle> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const writer = openSqlite(file);
  // A file gets a second connection for reads (see sqlite-read-write.ts); memory cannot be shared.
  const reader = file === ':memory:' ? undefined : openSqlite(file, 'reader');
  const db = new Kysely<Database>({ dialect: new SqliteReadWriteDialect(writer, reader) });
  const { rows } = await sql<{ v: string }>`select sqlite_version() as v`.execute(db);
  const version = rows[0]?.v ?? '0';
  if (compareVersions(version, MIN_SQLITE_VERSION) < 0) {
    await db.destroy();
    throw new Error(`SQLite ${version} is too old; Huimin needs ${MIN_SQLITE_VERSION} or newer (use Node.js 24).`);
  }
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/** Compares dotted version strings numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
