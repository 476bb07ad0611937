import { DatabaseSync, type StatementSync, type SQLInputValue } from 'node:sqlite';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Adapts Node's built-in `DatabaseSync` to the better-sqlite3-shaped interface that
 * Kysely's SqliteDialect drives, so SQLite needs no native build.
 *
 * Statements are cached per SQL string: preparing costs about as much as running a
 * point select, and Kysely produces the same SQL text for the same query shape.
 */
export class NodeSqliteAdapter implements SqliteDatabase {
  readonly raw: DatabaseSync;
  private readonly cache = new Map<string, CachedStatement>();
  private readonly cacheSize: number;

  constructor(raw: DatabaseSync, cacheSize = 500) {
    this.raw = raw;
    this.cacheSize = cacheSize;
  }

  prepare(sql: string): SqliteStatement {
    const hit = this.cache.get(sql);
    if (hit) {
      // Re-insert so the Map's order is least-recently-used first.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const statement = new CachedStatement(this.raw.prepare(sql));
    this.cache.set(sql, statement);
    if (this.cache.size > this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return statement;
  }

  close(): void {
    this.cache.clear();
    if (this.raw.isOpen) this.raw.close();
  }
}

class CachedStatement implements SqliteStatement {
  readonly reader: boolean;
  private readonly statement: StatementSync;

  constructor(statement: StatementSync) {
    this.statement = statement;
    // A statement that yields columns (SELECT, or INSERT … RETURNING) is read with all().
    this.reader = statement.columns().length > 0;
  }

  all(parameters: ReadonlyArray<unknown>): unknown[] {
    return this.statement.all(...toSqlite(parameters));
  }

  run(parameters: ReadonlyArray<unknown>): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.statement.run(...toSqlite(parameters));
  }

  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown> {
    return this.statement.iterate(...toSqlite(parameters));
  }
}

/** node:sqlite binds only null, numbers, bigints, strings and bytes; booleans and dates are stored as PostgreSQL-compatible values. */
function toSqlite(parameters: ReadonlyArray<unknown>): SQLInputValue[] {
  return parameters.map((p) => {
    if (p === undefined || p === null) return null;
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (p instanceof Date) return p.toISOString();
    return p as SQLInputValue;
  });
}

/**
 * Opens a SQLite file with the settings Huimin relies on: WAL, full fsync on commit, foreign keys,
 * a busy timeout. A `reader` connection (see sqlite-read-write.ts) refuses writes.
 */
export function openSqlite(file: string, role: 'writer' | 'reader' = 'writer'): NodeSqliteAdapter {
  const raw = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  raw.exec('PRAGMA journal_mode = WAL');
  // FULL: a commit returns only after the WAL is flushed, so no acknowledged write is lost on power failure.
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec('PRAGMA foreign_keys = ON');
  // Sorts and temporary b-trees spill to a temporary file (in SQLITE_TMPDIR or /var/tmp) once they
  // outgrow the cache, instead of growing the process's heap without bound: building the
  // supervision counts of a province took 110 MB more resident memory, which the C allocator then
  // kept. The file mostly stays in the OS page cache, so small sorts cost the same.
  raw.exec('PRAGMA temp_store = FILE');
  // Page cache instead of SQLite's 2 MB: a province's registry and its search terms are hundreds
  // of MB, and writes into the terms' b-tree land on pages all over it (an import's batch touches
  // a few thousand pages). 32 MB for each connection: the hot reads (org tree, studios, sessions,
  // settings) are answered from memory above SQLite, and the rest is in the OS's page cache; the
  // reader's 64 MB until now was a fifth of the server's resident memory under the bench load.
  raw.exec('PRAGMA cache_size = -32768');
  if (role === 'reader') raw.exec('PRAGMA query_only = ON');
  return new NodeSqliteAdapter(raw);
}
