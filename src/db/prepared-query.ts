import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

// Hot queries built and compiled by Kysely once per dialect, then run with new arguments.
// Building a query (immutable nodes, frozen at every step) and compiling it cost more CPU than
// SQLite spends running a point query; the SQL text is the same every time, so only the
// arguments need binding. SQLite's adapter keeps the prepared statement per text and
// PostgreSQL's pool sends a repeated text by name (pg-prepared.ts), so both engines then only
// bind and run.

const SLOT = Symbol('slot');

/** A stand-in for an argument while the query is built: it lands in the compiled parameters. */
interface Slot {
  readonly [SLOT]: string;
}

function isSlot(value: unknown): value is Slot {
  return typeof value === 'object' && value !== null && SLOT in value;
}

/** The compiled text, and for each of its parameters the argument it takes (or a constant of the query). */
interface Compiled {
  sql: string;
  binds: ReadonlyArray<{ arg: string } | { value: unknown }>;
}

/** A query compiled once per dialect; `rows` runs it with the named arguments. */
export interface PreparedQuery<A extends object, R> {
  rows(db: Kysely<Database>, args: A): Promise<R[]>;
}

/**
 * Prepares a query. `build` receives stand-ins for the named arguments and must put each one, as is,
 * where a value goes (a comparison, an inserted column): it must not look at them, branch on
 * them or spread them (a list for `in` cannot be one argument). Constants written in the
 * builder stay as they were compiled.
 */
export function preparedQuery<A extends object, R>(
  build: (db: Kysely<Database>, args: A) => Compilable<R>,
): PreparedQuery<A, R> {
  // Per adapter: SQLite and PostgreSQL compile to different texts.
  const compiled = new WeakMap<object, Compiled>();
  const compile = (db: Kysely<Database>): Compiled => {
    const adapter = db.getExecutor().adapter;
    let c = compiled.get(adapter);
    if (c === undefined) {
      // Every property read of the stand-in answers a slot named after it.
      const slots = new Proxy({}, { get: (_, name): Slot => ({ [SLOT]: String(name) }) });
      const query = build(db, slots as A).compile();
      c = {
        sql: query.sql,
        binds: query.parameters.map((p) => (isSlot(p) ? { arg: p[SLOT] } : { value: p })),
      };
      compiled.set(adapter, c);
    }
    return c;
  };
  return {
    async rows(db, args) {
      const { sql, binds } = compile(db);
      const named = args as Record<string, unknown>;
      const parameters = binds.map((b) => ('arg' in b ? named[b.arg] : b.value));
      return (await db.executeQuery<R>(CompiledQuery.raw(sql, parameters))).rows;
    },
  };
}

/**
 * One prepared query per shape of a query whose conditions come and go (filters, search forms),
 * made on first use. The shape names which parts the query has; `build` reads only the shape to
 * decide, and puts the arguments where values go, as for `preparedQuery`.
 */
export function preparedPerShape<S extends { [K in keyof S]: boolean }, A extends object, R>(
  build: (db: Kysely<Database>, shape: S, args: A) => Compilable<R>,
): (shape: S) => PreparedQuery<A, R> {
  const made = new Map<string, PreparedQuery<A, R>>();
  return (shape) => {
    const key = (Object.keys(shape) as Array<keyof S>)
      .sort()
      .map((k) => +shape[k])
      .join('');
    let q = made.get(key);
    if (!q) made.set(key, (q = preparedQuery((db, a: A) => build(db, shape, a))));
    return q;
  };
}
