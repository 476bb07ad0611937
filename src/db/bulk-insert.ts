import { setImmediate as nextTurn } from 'node:timers/promises';
import { CompiledQuery, type Kysely } from 'kysely';

// Multi-row inserts for bulk writers (the registry import): Kysely builds and compiles a
// 2,000-row insert anew on every call, which cost more CPU than SQLite running it. Here the
// SQL of an insert of n rows is compiled once per dialect (by Kysely, so placeholders and
// quoting are each engine's) and run again with new parameters; SQLite's adapter also keeps
// the prepared statement per SQL text.

const compiled = new WeakMap<object, Map<string, string>>();

/** What an insert answers, and which unique key's conflicts it skips. */
interface Shape {
  returning: readonly string[];
  /** The columns of a unique key: a row that would repeat a stored key is skipped (ON CONFLICT DO NOTHING). */
  skipConflictsOn?: readonly string[] | undefined;
}

/** The SQL of `insert into table (columns) values (…) × rows [on conflict do nothing] [returning …]`, compiled once. */
function insertSql(db: Kysely<unknown>, table: string, columns: readonly string[], rows: number, shape: Shape) {
  const adapter = db.getExecutor().adapter;
  const known = compiled.get(adapter) ?? new Map<string, string>();
  compiled.set(adapter, known);
  const key = `${table}|${columns.join(',')}|${rows}|${shape.returning.join(',')}|${shape.skipConflictsOn?.join(',') ?? ''}`;
  let text = known.get(key);
  if (text === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- built from names given at run time
    const any = db as Kysely<any>;
    const row = Object.fromEntries(columns.map((c) => [c, 0]));
    let q = any.insertInto(table).values(Array.from({ length: rows }, () => row));
    const conflict = shape.skipConflictsOn;
    if (conflict) q = q.onConflict((oc) => oc.columns([...conflict]).doNothing());
    text = (shape.returning.length > 0 ? q.returning([...shape.returning]) : q).compile().sql;
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
  const returned = await insertManyReturning<DB, { id: number }>(db, table, columns, rows, {
    perStatement: options.perStatement,
    returning: options.returning ? ['id'] : [],
  });
  return returned.map((r) => Number(r.id));
}

/**
 * Inserts `rows` as `insertMany` does and answers the `returning` columns of the rows written;
 * with `skipConflictsOn`, a row that repeats a stored (or an earlier given) value of that unique
 * key is skipped and answers nothing, so the answer may hold fewer rows than were given.
 */
export async function insertManyReturning<DB, R>(
  db: Kysely<DB>,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: { perStatement: number } & Shape,
): Promise<R[]> {
  const answered: R[] = [];
  for (let i = 0; i < rows.length;) {
    // SQLite runs a statement synchronously: between two, other requests get a turn of the
    // event loop (their reads go to the reader connection; see sqlite-read-write.ts).
    if (i > 0) await nextTurn();
    // Full statements, then the rest in powers of two: a handful of shapes in all, where a
    // statement per leftover size would prepare (and cache) a large new statement per batch.
    const left = rows.length - i;
    const n = left >= options.perStatement ? options.perStatement : 2 ** Math.floor(Math.log2(left));
    const slice = rows.slice(i, i + n);
    i += n;
    const text = insertSql(db as Kysely<unknown>, table, columns, slice.length, options);
    const result = await db.executeQuery<R>(CompiledQuery.raw(text, slice.flat()));
    for (const r of result.rows) answered.push(r);
  }
  return answered;
}
