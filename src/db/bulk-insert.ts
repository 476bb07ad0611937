import { CompiledQuery, type Kysely } from 'kysely';

// Multi-row inserts for bulk writers (the registry import): Kysely builds and compiles a
// 2,000-row insert anew on every call, which cost more CPU than SQLite running it. Here the
// SQL of an insert of n rows is compiled once per dialect (by Kysely, so placeholders and
// quoting are each engine's) and run again with new parameters; SQLite's adapter also keeps
// the prepared statement per SQL text.

const compiled = new WeakMap<object, Map<string, string>>();

/** The SQL of `insert into table (columns) values (…) × rows [returning id]`, compiled once. */
function insertSql(db: Kysely<unknown>, table: string, columns: readonly string[], rows: number, returning: boolean) {
  const adapter = db.getExecutor().adapter;
  const known = compiled.get(adapter) ?? new Map<string, string>();
  compiled.set(adapter, known);
  const key = `${table}|${columns.join(',')}|${rows}|${returning}`;
  let text = known.get(key);
  if (text === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- built from names given at run time
    const any = db as Kysely<any>;
    const row = Object.fromEntries(columns.map((c) => [c, 0]));
    const q = any.insertInto(table).values(Array.from({ length: rows }, () => row));
    text = (returning ? q.returning('id') : q).compile().sql;
    known.set(key, text);
  }
  return text;
}

/**
 * Inserts `rows` (each a list of values in the order of `columns`), `perStatement` rows per
 * statement; answers the new rows' ids when `returning` (in the order given).
 */
export async function insertMany<DB>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: { perStatement: number; returning?: boolean },
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length;) {
    // Full statements, then the rest in powers of two: a handful of shapes in all, where a
    // statement per leftover size would prepare (and cache) a large new statement per batch.
    const left = rows.length - i;
    const n = left >= options.perStatement ? options.perStatement : 2 ** Math.floor(Math.log2(left));
    const slice = rows.slice(i, i + n);
    i += n;
    const text = insertSql(db as Kysely<unknown>, table, columns, slice.length, options.returning ?? false);
    const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(text, slice.flat()));
    for (const r of result.rows) ids.push(Number(r.id));
  }
  return ids;
}
