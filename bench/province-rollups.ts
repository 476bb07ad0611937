// The service record book of the province as the dashboards read it: rollups equivalent to
// 10,000,000 service records in 2026 (person-times and records per month by unit, category,
// mode and group served, for every leaf unit and every unit above it, and per day for
// December), written straight into `service_rollups`. The dashboards never read records, so
// what their speed depends on is the number of rollup rows a unit's query touches, which
// these rows reproduce; generating the 10 million records themselves would take the bench
// tens of minutes and change none of the dashboard's reads.
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { UnitSpec } from '../src/db/seed/units.ts';
import { servedGroups, serviceModes } from '../src/domain/delivery/delivery.ts';
import { seededRandom } from '../src/domain/needs/evaluation.ts';

/** Records the rollups stand for, and the year they fall in. */
export const ROLLUP_RECORDS = 10_000_000;
export const ROLLUP_YEAR = 2026;

/** What the dashboard must answer for the year (checked before it is measured). */
export interface RollupsMeta {
  records: number;
  rows: number;
  personTimes: { root: number; district: number; street: number };
}

/** Generates and inserts the rollups; `ids` maps unit codes to ids. */
export async function insertRollups(
  db: Kysely<Database>,
  specs: UnitSpec[],
  ids: Map<string, number>,
  o: { districtCode: string; streetCode: string },
): Promise<RollupsMeta> {
  const r = seededRandom(20261203);
  const byCode = new Map(specs.map((s) => [s.code, s]));
  const ancestors = (code: string): string[] => {
    const out: string[] = [];
    for (let c: string | null = code; c; c = byCode.get(c)?.parentCode ?? null) out.push(c);
    return out;
  };
  const leaves = specs.filter((s) => s.level === 'community' || s.level === 'village' || s.level === 'enterprise');
  const cells = new Map<string, { records: number; personTimes: number }>();
  const add = (
    unit: string,
    grain: string,
    period: string,
    cat: number,
    mode: string,
    group: string,
    n: number,
    p: number,
  ) => {
    const key = `${unit}|${grain}|${period}|${cat}|${mode}|${group}`;
    const c = cells.get(key);
    if (c) {
      c.records += n;
      c.personTimes += p;
    } else cells.set(key, { records: n, personTimes: p });
  };
  const perLeafMonth = ROLLUP_RECORDS / (leaves.length * 12);
  let records = 0;
  const total = { root: 0, district: 0, street: 0 };
  for (const leaf of leaves) {
    const path = ancestors(leaf.code);
    for (let m = 1; m <= 12; m++) {
      const month = `${ROLLUP_YEAR}-${String(m).padStart(2, '0')}`;
      // Two cells a month: a category, a mode and the group most of them served.
      let left = Math.round(perLeafMonth * (0.5 + r()));
      for (let cell = 0; cell < 2 && left > 0; cell++) {
        const n = cell === 1 ? left : Math.floor(left * (0.3 + 0.4 * r()));
        left -= n;
        if (n === 0) continue;
        const cat = 1 + Math.floor(r() * 11);
        const mode = serviceModes[Math.floor(r() * serviceModes.length)]!;
        const group = servedGroups[Math.floor(r() * servedGroups.length)]!;
        const p = n + Math.floor(n * r() * 2);
        records += n;
        const day = `${month}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
        for (const unit of path) {
          add(unit, 'month', month, cat, mode, '', n, p);
          add(unit, 'month', month, cat, mode, group, n, p);
          if (m === 12) {
            add(unit, 'day', day, cat, mode, '', n, p);
            add(unit, 'day', day, cat, mode, group, n, p);
          }
        }
        total.root += p;
        if (path.includes(o.districtCode)) total.district += p;
        if (path.includes(o.streetCode)) total.street += p;
      }
    }
  }
  const rows = [...cells].map(([key, v]) => {
    const [unit, grain, period, cat, mode, group] = key.split('|') as [string, string, string, string, string, string];
    const id = ids.get(unit);
    if (id === undefined) throw new Error(`unit ${unit} was not inserted`);
    return {
      unit_id: id,
      grain,
      period,
      category_id: Number(cat),
      mode,
      group_key: group,
      records: v.records,
      person_times: v.personTimes,
    };
  });
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('service_rollups')
      .values(rows.slice(i, i + 1000))
      .execute();
  // Built: the server's start must not rebuild them from the (empty) record book.
  await db
    .insertInto('settings')
    .values({
      key: 'statistics.rollupsBuiltAt',
      value: `${ROLLUP_YEAR}-12-31T00:00:00.000Z`,
      updated_at: `${ROLLUP_YEAR}-12-31T00:00:00.000Z`,
    })
    .execute();
  return { records, rows: rows.length, personTimes: total };
}
