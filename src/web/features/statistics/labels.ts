import type { MessageKey, Translate } from '../../lib/i18n/index.ts';
import type { ChartId, Figure } from './api.ts';

// The console's names for what a figure counts: the key translated where the console knows it
// (statuses, kinds, groups, modes, levels), else the server's Chinese label (categories, units).

const prefixes: Partial<Record<ChartId, string>> = {
  studiosByStatus: 'studios.status.',
  studiosByLevel: 'level.',
  volunteersByKind: 'registry.kind.',
  servicesByGroup: 'delivery.group.',
  legalAidByGroup: 'delivery.group.',
  servicesByMode: 'delivery.mode.',
};

/** The label of a figure in the interface language. */
export function figureLabel(t: Translate, chart: ChartId, f: Figure, has: (k: string) => boolean): string {
  const prefix = prefixes[chart];
  const key = prefix ? `${prefix}${f.key}` : '';
  return prefix && has(key) ? t(key as MessageKey) : f.label;
}

/** The chart's title. */
export function chartTitle(t: Translate, id: ChartId): string {
  return t(`statistics.chart.${id}` as MessageKey);
}
