import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';

/** The two engines Huimin runs on. */
export type Engine = 'sqlite' | 'postgres';

/** Adds an auto-increment integer primary key `id` in each engine's idiom. */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
): CreateTableBuilder<T, 'id'> {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/**
 * A text key compared byte by byte on both engines. SQLite's default BINARY collation
 * already does; PostgreSQL needs COLLATE "C", or locale collation would break the
 * subtree range scans over materialized paths.
 */
export function byteOrdered(engine: Engine) {
  return (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
}
