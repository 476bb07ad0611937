import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { coverPeriod, type DayRange } from '../../../domain/statistics/rollups.ts';
import { chinaDate } from '../../time.ts';
import { bumpVersion, cachePerDatabase } from '../../versioned-cache.ts';
import { slicesOf, sumRollups } from './rollups.repository.ts';

// A read model: the person-times of each unit in each month that is over (its rollups' month
// rows with the groups left out, summed), kept in memory once read. The dashboard's breakdown by
// child unit read ~5,000 rollup rows per child and year (a province: 90 districts, ~60 ms a
// period); months that are over hardly change. Every write to the rollups of a month before the
// current one (a record backdated, a correction, an import of history, a rebuild) bumps
// `rollups.pastVersion` in its transaction; each instance looks at that row at most once a
// second and forgets what it held when it moved. The current month is always read from the rows.

/** The version row every write to the rollups of a past month bumps. */
export const PAST_ROLLUPS_VERSION = 'rollups.pastVersion';

const DAY_MS = 86_400_000;

/**
 * The first month not held (YYYY-MM): two days' margin behind the current month, so a writer
 * whose clock is up to two days behind, writing what it takes for its current month without a
 * bump, never writes a month held here.
 */
function heldBefore(now: Date): string {
  return chinaDate(new Date(now.getTime() - 2 * DAY_MS)).slice(0, 7);
}

/** Called by every writer of rollups with the periods it writes (months or days): bumps the version for a past month. */
export async function notePastRollupWrites(db: Kysely<Database>, periods: readonly string[]): Promise<void> {
  const now = new Date();
  const current = chinaDate(now).slice(0, 7);
  if (periods.some((p) => p.slice(0, 7) < current)) await bumpVersion(db, PAST_ROLLUPS_VERSION, now.toISOString());
}

const cacheOf = cachePerDatabase(PAST_ROLLUPS_VERSION, async () => new Map<string, number>());

/** The months [from, to) (YYYY-MM). */
function monthsIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m < to;) {
    out.push(m);
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  return out;
}

/** Person-times of units by month from the month rows (groups left out), for the months given. */
async function readMonths(db: Kysely<Database>, unitIds: readonly number[], from: string, to: string) {
  return db
    .selectFrom('service_rollups')
    .select(['unit_id', 'period', (eb) => eb.fn.sum<number>('person_times').as('person_times')])
    .where('unit_id', 'in', [...unitIds])
    .where('grain', '=', 'month')
    .where('period', '>=', from)
    .where('period', '<', to)
    .where('group_key', '=', '')
    .groupBy(['unit_id', 'period'])
    .execute();
}

/**
 * Person-times of each unit given over a range of days, by unit id: what `sumRollups` grouped by
 * unit answers, the months that are over from memory.
 */
export async function personTimesByUnit(
  db: Kysely<Database>,
  unitIds: readonly number[],
  range: DayRange,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (k: string, n: number) => out.set(k, (out.get(k) ?? 0) + n);
  if (unitIds.length === 0) return out;
  const cover = coverPeriod(range);
  const limit = heldBefore(new Date());
  const months = cover.months;
  const held =
    months && !db.isTransaction && months.from < limit
      ? { from: months.from, to: months.to < limit ? months.to : limit }
      : null;
  const live = months && held ? (held.to < months.to ? { from: held.to, to: months.to } : null) : months;
  if (held) {
    const cache = cacheOf(db);
    const known = cache.peek() ?? (await cache.current());
    const list = monthsIn(held.from, held.to);
    const missing = unitIds.filter((u) => list.some((m) => !known.has(`${u}|${m}`)));
    if (missing.length > 0) {
      const rows = await readMonths(db, missing, held.from, held.to);
      const fresh = new Map<string, number>();
      for (const u of missing) for (const m of list) fresh.set(`${u}|${m}`, 0);
      for (const r of rows) fresh.set(`${r.unit_id}|${r.period}`, Number(r.person_times));
      for (const [k, v] of fresh) known.set(k, v);
    }
    for (const u of unitIds) {
      let n = 0;
      for (const m of list) n += known.get(`${u}|${m}`) ?? 0;
      add(String(u), n);
    }
  }
  const rows = await sumRollups(db, slicesOf(unitIds, { months: live, days: cover.days }), 'unit_id', {
    groups: false,
  });
  for (const r of rows) add(r.key, r.personTimes);
  return out;
}
