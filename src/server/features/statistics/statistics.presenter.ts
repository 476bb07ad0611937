import type { Locale } from '../../../contract/common.ts';
import type { Chart, Figure, FigureLink } from '../../../contract/statistics.ts';
import { dayBefore } from '../../../domain/statistics/rollups.ts';

/** A key counted in the period and in the one before (null: a state without history). */
export interface Tally {
  key: string;
  label: string;
  current: number;
  previous: number | null;
}

/** The console list a figure opens, with the unit and its own filters. */
export function linkTo(path: string, unitId: number, filters: Record<string, string | number | undefined>): FigureLink {
  const query: Record<string, string> = { under: String(unitId) };
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') query[k] = String(v);
  return { path, query };
}

/** The records list of a period: its `to` is the last day, inclusive. */
export function recordsLink(
  unitId: number,
  period: { from: string; to: string },
  filters: Record<string, string | number | undefined> = {},
) {
  return linkTo('/records', unitId, { from: period.from, to: dayBefore(period.to), ...filters });
}

/** Shapes a chart from its tallies and the link of each. */
export function chartOf(
  id: Chart['id'],
  measure: Chart['measure'],
  tallies: readonly Tally[],
  link: (key: string) => FigureLink | null,
): Chart {
  return { id, measure, items: tallies.map((t): Figure => ({ ...t, link: link(t.key) })) };
}

/** Counts by key in both periods over a fixed list of keys (each shown, zero or not), then any other key seen. */
export function tallies(
  keys: readonly string[],
  label: (key: string) => string,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number> | null,
): Tally[] {
  const all = [...keys, ...[...current.keys(), ...(previous?.keys() ?? [])].filter((k) => !keys.includes(k))];
  return [...new Set(all)].map((key) => ({
    key,
    label: label(key),
    current: current.get(key) ?? 0,
    previous: previous ? (previous.get(key) ?? 0) : null,
  }));
}

/** Sums values by key. */
export function countBy<T>(rows: readonly T[], key: (r: T) => string | null, n: (r: T) => number = () => 1) {
  const out = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k !== null) out.set(k, (out.get(k) ?? 0) + n(r));
  }
  return out;
}

/** The rows of a chart's workbook sheet, each figure named by `label` (in the reader's language). */
export function sheetRows(chart: Chart, label: (f: Figure) => string): Array<[string, number, number | null]> {
  return chart.items.map((f) => [label(f), f.current, f.previous]);
}

/** A service category's name in the reader's language, as the district named it. */
export function categoryName(c: { name_zh_cn: string; name_zh_tw: string; name_en: string }, locale: Locale): string {
  return { 'zh-CN': c.name_zh_cn, 'zh-TW': c.name_zh_tw, en: c.name_en }[locale];
}
