import {
  CompiledQuery,
  SelectQueryNode,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { NodeSqliteAdapter } from './node-sqlite-adapter.ts';
import { unflushedBegin } from './unflushed-commit.ts';

// SQLite with a connection for writing and one for reading. Kysely's SQLite driver gives every
// statement the one connection in turn, so a read waited for any transaction in progress: a
// registry import's batch (a few hundred milliseconds) or a group commit kept /api/health and
// every page waiting. In WAL mode a second connection reads the last committed state while the
// first writes, so here a SELECT outside a transaction goes to the reader at once, and only
// writes and transactions queue for the writer. A read then sees every commit made before it
// started, as before: nothing reads a transaction's uncommitted rows but the transaction itself.
//
// An in-memory database cannot be opened twice; it keeps the one connection for everything.

/** The writer's turn: one transaction (or one statement outside a transaction) at a time. */
class Turn {
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  async take(): Promise<void> {
    while (this.held) await this.held;
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  give(): void {
    const release = this.release;
    this.held = undefined;
    this.release = undefined;
    release?.();
  }
}

/** A savepoint's name as an SQL identifier. */
function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs a compiled query on one SQLite connection, as Kysely's own driver does. */
function run(db: NodeSqliteAdapter, query: CompiledQuery): QueryResult<unknown> {
  const statement = db.prepare(query.sql);
  if (statement.reader) return { rows: statement.all(query.parameters) };
  const { changes, lastInsertRowid } = statement.run(query.parameters);
  return {
    numAffectedRows: changes === undefined || changes === null ? undefined : BigInt(changes),
    insertId: lastInsertRowid === undefined || lastInsertRowid === null ? undefined : BigInt(lastInsertRowid),
    rows: [],
  };
}

/**
 * What goes to the reader: a SELECT built with Kysely (SQLite allows no write inside one). Raw
 * SQL stays on the writer: it may write, or ask about the writer's own connection (pragmas,
 * total_changes(), its temporary tables).
 */
function readsOnly(query: CompiledQuery): boolean {
  return SelectQueryNode.is(query.query);
}

/** A connection as Kysely sees it: it holds the writer only while it is in a transaction. */
class RoutedConnection implements DatabaseConnection {
  holdsWriter = false;
  /** The transaction in progress commits without waiting for its flush (unflushed-commit.ts). */
  unflushed = false;
  private readonly driver: ReadWriteDriver;

  constructor(driver: ReadWriteDriver) {
    this.driver = driver;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, turn } = this.driver;
    if (this.holdsWriter) return run(writer, query) as QueryResult<R>;
    if (reader && readsOnly(query)) return run(reader, query) as QueryResult<R>;
    await turn.take();
    try {
      return run(writer, query) as QueryResult<R>;
    } finally {
      turn.give();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(query.query)) throw new Error('SQLite streams only SELECT queries');
    // A statement left open keeps its connection's read snapshot: other reads must not share it,
    // so a stream holds the writer's turn (as every statement did before) until it ends.
    const { writer, turn } = this.driver;
    const own = !this.holdsWriter;
    if (own) await turn.take();
    try {
      for (const row of writer.prepare(query.sql).iterate(query.parameters)) yield { rows: [row as R] };
    } finally {
      if (own) turn.give();
    }
  }
}

class ReadWriteDriver implements Driver {
  readonly writer: NodeSqliteAdapter;
  readonly reader: NodeSqliteAdapter | undefined;
  readonly turn = new Turn();

  constructor(writer: NodeSqliteAdapter, reader: NodeSqliteAdapter | undefined) {
    this.writer = writer;
    this.reader = reader;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const c = connection as RoutedConnection;
    const unflushed = unflushedBegin.getStore() === true;
    await this.turn.take();
    c.holdsWriter = true;
    try {
      if (unflushed) {
        run(this.writer, CompiledQuery.raw('pragma synchronous = normal'));
        c.unflushed = true;
      }
      run(this.writer, CompiledQuery.raw('begin'));
    } catch (error) {
      this.giveBack(c);
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed commit keeps the turn: Kysely rolls back next, and the rollback gives it back.
    run(this.writer, CompiledQuery.raw('commit'));
    this.giveBack(connection as RoutedConnection);
  }

  /** Every commit after an unflushed one waits for its flush again, before anything else runs. */
  private flushedAgain(c: RoutedConnection): void {
    if (!c.unflushed) return;
    c.unflushed = false;
    run(this.writer, CompiledQuery.raw('pragma synchronous = full'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      run(this.writer, CompiledQuery.raw('rollback'));
    } finally {
      this.giveBack(connection as RoutedConnection);
    }
  }

  // Savepoints exist only inside a transaction, which holds the writer; the connection runs them there.
  async savepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoted(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string) {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoted(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // Only a transaction that ended without commit or rollback still holds the turn here.
    this.giveBack(connection as RoutedConnection);
  }

  async destroy(): Promise<void> {
    this.reader?.close();
    this.writer.close();
  }

  private giveBack(c: RoutedConnection): void {
    if (!c.holdsWriter) return;
    this.flushedAgain(c);
    c.holdsWriter = false;
    this.turn.give();
  }
}

/** Kysely's SQLite dialect over a writer and, for a database file, a reader. */
export class SqliteReadWriteDialect extends SqliteDialect {
  private readonly writer: NodeSqliteAdapter;
  private readonly reader: NodeSqliteAdapter | undefined;

  constructor(writer: NodeSqliteAdapter, reader: NodeSqliteAdapter | undefined) {
    super({ database: writer });
    this.writer = writer;
    this.reader = reader;
  }

  override createDriver(): Driver {
    return new ReadWriteDriver(this.writer, this.reader);
  }
}
