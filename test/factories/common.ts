import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';

/** The database a builder writes to (a test's `t.db`, or a transaction). */
export type Db = Kysely<Database>;

/** When built rows are created and updated: the moment every TestClock starts at. */
export const BUILT_AT = '2026-11-25T08:00:00.000Z';

let seq = 0;
/** A number no other built row of this test file has: keeps codes, usernames and phones unique. */
export function nextSeq(): number {
  return ++seq;
}

/** The n-th entry of a list of sample values, cycling. */
export function pick<T>(values: readonly [T, ...T[]], n: number): T {
  return values[n % values.length] ?? values[0];
}

/** Realistic full names for built people and accounts (none of them is a demo person's). */
export const personNames = [
  '廖春梅',
  '钟国华',
  '温雪芳',
  '卢振东',
  '傅玉兰',
  '游建平',
  '曾秋菊',
  '罗永康',
  '简丽萍',
  '饶德明',
] as const;

/** A mobile number unique to the built row (the 166 range, which no demo or generated row uses). */
export function phoneFor(n: number): string {
  return `166${String(n).padStart(8, '0')}`;
}
