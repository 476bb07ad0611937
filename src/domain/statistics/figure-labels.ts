// Which words of the console's dictionary name a dashboard figure, so the dashboard on screen and
// its exported workbook say the same thing in the reader's language. Figures named by data
// (service categories, units below) are not here: they keep the names they are stored under.

/** A dictionary key with the values of its `{placeholders}`. */
export interface LabelKey {
  key: string;
  vars?: Record<string, string | number>;
}

const prefixes: Readonly<Record<string, string>> = {
  studiosByStatus: 'studios.status.',
  studiosByLevel: 'level.',
  volunteersByKind: 'registry.kind.',
  volunteersByScreening: 'registry.status.',
  servicesByGroup: 'delivery.group.',
  legalAidByGroup: 'delivery.group.',
  servicesByMode: 'delivery.mode.',
  letters: 'mailbox.type.',
  threeRates: 'mailbox.rates.',
};

const headline: Readonly<Record<string, string>> = {
  studiosServing: 'statistics.against',
  volunteers: 'statistics.headline.volunteers',
  contractedLeaders: 'statistics.headline.contractedLeaders',
  publishedCommitments: 'statistics.headline.publishedCommitments',
  personTimes: 'statistics.headline.personTimes',
  legalAid: 'statistics.headline.legalAid',
};

const inspections: Readonly<Record<string, string>> = {
  done: 'inspections.coverage.inspected',
  overdue: 'inspections.coverage.overdue',
  planned: 'inspections.coverage.planned',
};

const lookup = (table: Readonly<Record<string, string>>, key: string): LabelKey | null =>
  Object.hasOwn(table, key) ? { key: table[key] as string } : null;

/**
 * The dictionary key naming figure `key` of chart `chart`, or null when the figure is named by
 * data (a category, a unit) or by a key the dictionary does not know.
 */
export function figureLabelKey(chart: string, key: string): LabelKey | null {
  const prefix = prefixes[chart];
  if (prefix) return { key: `${prefix}${key}` };
  if (chart === 'headline') return lookup(headline, key);
  if (chart === 'inspections') return lookup(inspections, key);
  if (chart === 'studiosByVenueType')
    return key === 'unknown' ? { key: 'statistics.venueUnknown' } : { key: `siting.venueType.${key}` };
  if (chart === 'ratings')
    return key === 'mean' ? { key: 'statistics.mean' } : { key: 'statistics.stars', vars: { n: key } };
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (chart === 'servicesByMonth' && month)
    return { key: 'statistics.month', vars: { year: month[1] ?? '', month: Number(month[2]), mm: month[2] ?? '' } };
  return null;
}
