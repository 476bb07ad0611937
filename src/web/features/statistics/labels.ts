import type { MessageKey, Translate } from '../../lib/i18n/index.ts';
import { figureLabelKey } from '../../../domain/statistics/figure-labels.ts';
import type { ChartId, Figure } from './api.ts';

// The console's names for what a figure counts: the key translated where the console knows it
// (statuses, kinds, groups, modes, levels, venue types, months…), else the server's label
// (categories, units). The exported workbook names them from the same table.

/** The label of a figure in the interface language. */
export function figureLabel(t: Translate, chart: ChartId, f: Figure, has: (k: string) => boolean): string {
  const label = figureLabelKey(chart, f.key);
  return label && has(label.key) ? t(label.key as MessageKey, label.vars) : f.label;
}

/** The chart's title. */
export function chartTitle(t: Translate, id: ChartId): string {
  return t(`statistics.chart.${id}` as MessageKey);
}
