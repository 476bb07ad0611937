import { labelOf, zhLabels } from '../../../domain/statistics/labels.ts';
import { coverPeriod, dayBefore, monthsOf, type DayRange } from '../../../domain/statistics/rollups.ts';
import { serviceModes, servedGroups } from '../../../domain/delivery/delivery.ts';
import { emptyTally, threeRates } from '../../../domain/mailbox/rates.ts';
import { letterRateTally } from '../../../domain/statistics/count-rollups.ts';
import type { Chart } from '../../../contract/statistics.ts';
import type { Deps } from '../../context.ts';
import { readMailboxSettings } from '../mailbox/mailbox-settings.repository.ts';
import { countRates } from '../mailbox/mailbox.repository.ts';
import * as rollups from './rollups.repository.ts';
import { personTimesByUnit } from './sealed-months.repository.ts';
import * as counts from './count-rollups.repository.ts';
import { chartOf, recordsLink, tallies } from './statistics.presenter.ts';

/** Sums of the rollups of some units over a period, by one dimension, as a map. */
async function serviceSums(
  deps: Deps,
  unitIds: readonly number[],
  range: DayRange,
  by: rollups.RollupDimension,
  o: { groups: boolean; categoryId?: number | undefined },
): Promise<Map<string, number>> {
  // By unit (the drill-down to the children): the months that are over from memory.
  if (by === 'unit_id' && !o.groups && o.categoryId === undefined) return personTimesByUnit(deps.db, unitIds, range);
  const rows = await rollups.sumRollups(deps.db, rollups.slicesOf(unitIds, coverPeriod(range)), by, o);
  const out = new Map<string, number>();
  for (const r of rows) {
    // Loose days come back keyed by day: fold them into their month.
    const key = by === 'period' ? r.key.slice(0, 7) : r.key;
    out.set(key, (out.get(key) ?? 0) + r.personTimes);
  }
  return out;
}

/** The service charts, answered from the rollups of the unit (and of its children for the drill-down). */
export async function serviceCharts(
  deps: Deps,
  unitId: number,
  childIds: readonly number[],
  childNames: ReadonlyMap<string, string>,
  cur: DayRange,
  prev: DayRange,
  categories: ReadonlyArray<{ id: number; code: string; label: string }>,
): Promise<{ charts: Chart[]; personTimes: [number, number]; legalAid: [number, number] }> {
  const legal = categories.find((c) => c.code === 'legal');
  const both = (
    by: rollups.RollupDimension,
    o: { groups: boolean; categoryId?: number | undefined },
    units: readonly number[] = [unitId],
  ) => Promise.all([serviceSums(deps, units, cur, by, o), serviceSums(deps, units, prev, by, o)]);
  const [[byCat, byCatPrev], [byMode, byModePrev], [byGroup, byGroupPrev], [byUnit, byUnitPrev]] = await Promise.all([
    both('category_id', { groups: false }),
    both('mode', { groups: false }),
    both('group_key', { groups: true }),
    both('unit_id', { groups: false }, childIds),
  ]);
  const [legalByGroup, legalByGroupPrev] = legal
    ? await both('group_key', { groups: true, categoryId: legal.id })
    : [new Map<string, number>(), new Map<string, number>()];
  const [months, monthsPrev] = await both('period', { groups: false });
  const sum = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((s, v) => s + v, 0);
  const [legalTotal, legalTotalPrev] = legal
    ? await both('category_id', { groups: false, categoryId: legal.id })
    : [new Map<string, number>(), new Map<string, number>()];

  // By month: the period's months, each beside the month at the same place in the previous period.
  const curMonths = monthsOf(cur);
  const prevMonths = monthsOf(prev);
  const monthChart = chartOf(
    'servicesByMonth',
    'personTimes',
    curMonths.map((m, i) => ({
      key: m,
      label: `${Number(m.slice(0, 4))}年${Number(m.slice(5, 7))}月`,
      current: months.get(m) ?? 0,
      previous: prevMonths[i] !== undefined ? (monthsPrev.get(prevMonths[i]) ?? 0) : null,
    })),
    (m) => {
      const from = `${m}-01` > cur.from ? `${m}-01` : cur.from;
      const to = nextMonth(m) < cur.to ? nextMonth(m) : cur.to;
      return recordsLink(unitId, { from, to });
    },
  );
  const catKeys = categories.map((c) => String(c.id));
  const catLabel = (k: string) => categories.find((c) => String(c.id) === k)?.label ?? k;
  const charts: Chart[] = [
    monthChart,
    chartOf('servicesByCategory', 'personTimes', tallies(catKeys, catLabel, byCat, byCatPrev), (k) =>
      recordsLink(unitId, cur, { categoryId: k }),
    ),
    chartOf(
      'servicesByMode',
      'personTimes',
      tallies(serviceModes, (k) => labelOf(zhLabels.mode, k), byMode, byModePrev),
      (k) => recordsLink(unitId, cur, { mode: k }),
    ),
    chartOf(
      'servicesByGroup',
      'personTimes',
      tallies(servedGroups, (k) => labelOf(zhLabels.group, k), byGroup, byGroupPrev),
      (k) => recordsLink(unitId, cur, { group: k }),
    ),
    chartOf(
      'servicesByUnit',
      'personTimes',
      tallies(childIds.map(String), (k) => childNames.get(k) ?? k, byUnit, byUnitPrev),
      (k) => recordsLink(Number(k), cur),
    ),
    chartOf(
      'legalAidByGroup',
      'personTimes',
      tallies(
        ['migrant_workers', 'youth', 'taiwan_overseas'],
        (k) => labelOf(zhLabels.group, k),
        legalByGroup,
        legalByGroupPrev,
      ),
      (k) => recordsLink(unitId, cur, { categoryId: legal?.id, group: k }),
    ),
  ];
  return {
    charts,
    personTimes: [sum(byCat), sum(byCatPrev)],
    legalAid: [sum(legalTotal), sum(legalTotalPrev)],
  };
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
}

/** 三率 of the letters received in each period in a unit's subtree, from the counts kept on write. */
export async function letterRates(deps: Deps, unitId: number, ranges: readonly DayRange[], today: string) {
  const [mailbox, byRange] = await Promise.all([
    readMailboxSettings(deps.db),
    counts.sumCounts(deps.db, unitId, 'letter-rate', ranges),
  ]);
  return byRange.map((cells) => threeRates(letterRateTally(cells, today), mailbox));
}

/** 三率 of the letters received in a period in a subtree, counted from the letters (per street). */
export async function letterRatesOfRows(deps: Deps, path: string, range: DayRange, today: string) {
  const mailbox = await readMailboxSettings(deps.db);
  const rows = await countRates(deps.db, { path, from: range.from, to: dayBefore(range.to), today, by: 'street' });
  const t = emptyTally();
  for (const r of rows) {
    t.letters += Number(r.letters);
    t.due += Number(r.due);
    t.acknowledgedOnTime += Number(r.acknowledged_on_time);
    t.rated += Number(r.rated);
    t.resolved += Number(r.resolved);
    t.satisfied += Number(r.satisfied);
    t.basic += Number(r.basic);
    t.unsatisfied += Number(r.unsatisfied);
    t.substantiated += Number(r.substantiated);
  }
  return threeRates(t, mailbox);
}
