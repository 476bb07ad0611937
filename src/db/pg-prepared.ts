import { sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/**
 * Named prepared statements for the queries Kysely sends to PostgreSQL.
 *
 * A query sent by text is parsed and planned by the server every time; one sent by name is
 * parsed once per connection and then only bound and executed, which saves a good part of a hot
 * query's server time. pg does the bookkeeping (`{ name, text, values }`: each connection parses
 * a name the first time it sees it). This wrapper gives Kysely's general path that for free: a
 * parameterised select, insert, update or delete seen a second time gets a name, so one-off
 * texts (bulk inserts, odd IN-list lengths) never take one. The names are capped, since every
 * connection keeps each statement it prepared until it closes.
 *
 * A prepared `select *` whose table later gains a column fails ("cached plan must not change
 * result type"), so schema changes belong before the first query (migrations run at start-up).
 */
export interface PreparedOptions {
  /** At most this many texts get a name in this process (each connection holds its own copies). */
  maxNames?: number;
  /** Longer texts are sent unnamed (bulk inserts and long IN lists are rarely repeated). */
  maxLength?: number;
}

const DML = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * Ends a query that must be planned with its values on every call, so it is always sent
 * unnamed (`query.modifyEnd(plannedPerCall)`). After five runs of a named statement PostgreSQL
 * may keep a generic plan, made without the values; where the best plan depends on them (a date
 * range read through one index or another), that plan can cost several times the planning.
 */
export const PLANNED_PER_CALL = '/* planned per call */';
export const plannedPerCall = sql.raw(PLANNED_PER_CALL);

/** Which texts have a name, and which were seen once (a bounded waiting room). */
export class StatementNames {
  private readonly names = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly maxNames: number;
  private readonly maxLength: number;

  constructor(options: PreparedOptions = {}) {
    this.maxNames = options.maxNames ?? 500;
    this.maxLength = options.maxLength ?? 8000;
  }

  /** The name to send `text` under, or undefined to send it unnamed. */
  nameOf(text: string, parameterCount: number): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (parameterCount === 0 || text.length > this.maxLength || this.names.size >= this.maxNames) return undefined;
    if (!DML.test(text) || text.endsWith(PLANNED_PER_CALL)) return undefined;
    if (!this.seen.has(text)) {
      if (this.seen.size >= this.maxNames * 4) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    const name = `hm_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

type Query = (...args: unknown[]) => Promise<unknown>;

/** A client whose text queries go by name once repeated. */
function preparing(client: pg.PoolClient, names: StatementNames): PostgresPoolClient {
  const query = client.query.bind(client) as Query;
  return {
    query: ((textOrConfig: unknown, values?: unknown[]) => {
      if (typeof textOrConfig === 'string' && Array.isArray(values)) {
        const name = names.nameOf(textOrConfig, values.length);
        if (name !== undefined) return query({ name, text: textOrConfig, values });
      }
      // Cursors (streamed results) and anything else pass through untouched.
      return values === undefined ? query(textOrConfig) : query(textOrConfig, values);
    }) as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  };
}

/** A pool for Kysely's PostgresDialect whose clients use named prepared statements for repeated queries. */
export function preparingPool(pool: pg.Pool, names = new StatementNames()): PostgresPool {
  return {
    connect: async () => preparing(await pool.connect(), names),
    end: () => pool.end(),
  };
}
