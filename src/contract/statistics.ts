import { z } from 'zod';
import { calendarDate, entityId, idText } from './common.ts';

// Real calendar days only (1900–2199): `2026-02-30` is refused, as everywhere in the API.
const day = calendarDate;

/** A period: [from, to), China calendar days. */
export const period = z.object({ from: z.string(), to: z.string() });

/** The dashboard's query: a unit in the actor's subtree (its own by default) and a period, `to` exclusive. */
export const dashboardQuery = z
  .strictObject({
    under: idText.optional(),
    from: day,
    to: day,
  })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'to must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    path: ['to'],
    message: 'at most five years',
  });

/** The list a figure stands for: a console path and its filters. */
export const figureLink = z.object({ path: z.string(), query: z.record(z.string(), z.string()) });
export type FigureLink = z.infer<typeof figureLink>;

/**
 * One figure: a stable key (a status, category code, group …), its label in Chinese (as
 * exported), the value in the period and in the previous one (null for a state with no
 * history), and the list behind it.
 */
export const figure = z.object({
  key: z.string(),
  label: z.string(),
  current: z.number(),
  previous: z.number().nullable(),
  link: figureLink.nullable(),
});
export type Figure = z.infer<typeof figure>;

/** The charts of the dashboard. */
export const chartIds = [
  'headline',
  'studiosByStatus',
  'studiosByCategory',
  'studiosByVenueType',
  'studiosByLevel',
  'volunteersByKind',
  'volunteersByScreening',
  'servicesByMonth',
  'servicesByCategory',
  'servicesByMode',
  'servicesByGroup',
  'servicesByUnit',
  'legalAidByGroup',
  'ratings',
  'letters',
  'threeRates',
  'inspections',
  'needsByCategory',
] as const;
export const chartId = z.enum(chartIds);
export type ChartId = z.infer<typeof chartId>;

/** A chart: what it counts and its figures. */
export const chart = z.object({
  id: chartId,
  measure: z.enum(['count', 'personTimes', 'rate', 'score']),
  items: z.array(figure),
  /** A second series beside the first (needs by category: studios serving each category). */
  against: z.array(figure).optional(),
});
export type Chart = z.infer<typeof chart>;

const unitRef = z.object({ id: z.number().int(), name: z.string(), level: z.string() });

/** The dashboard of a unit over a period, with the previous period beside it. */
export const dashboard = z.object({
  unit: unitRef,
  /** From the actor's own unit down to this one: the way back up the drill-down. */
  trail: z.array(unitRef),
  children: z.array(unitRef),
  period,
  previous: period,
  charts: z.array(chart),
});
export type Dashboard = z.infer<typeof dashboard>;

/** The export of one chart's data. */
export const chartExportQuery = z.strictObject({
  under: idText.optional(),
  from: day,
  to: day,
  chart: chartId.optional(),
});

/** The district's statistics settings. */
export const statisticsSettings = z.object({
  /** Public figures below this count are shown as "< N". */
  minimumCount: z.number().int().min(2).max(50),
});
export const statisticsSettingsInput = z.strictObject({ minimumCount: z.number().int().min(2).max(50) });

/** A public figure: the count, or null when withheld; `shown` is what is printed. */
export const publicFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  shown: z.string(),
  withheld: z.enum(['small', 'complement']).nullable(),
});

/** The public figures of a unit over a period, small counts withheld. */
export const publicStatistics = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  period,
  minimumCount: z.number().int(),
  studiosByCategory: z.object({ items: z.array(publicFigure), total: publicFigure }),
  servicesByCategory: z.object({ items: z.array(publicFigure), total: publicFigure }),
  servicesByGroup: z.object({ items: z.array(publicFigure), total: publicFigure }),
  legalAidByGroup: z.object({ items: z.array(publicFigure), total: publicFigure }),
});
export const publicStatisticsQuery = z
  .strictObject({ unit: idText, from: day, to: day })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'to must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    path: ['to'],
    message: 'at most five years',
  });

/** A number of a bulletin with the query behind it. */
export const bulletinFigure = z.object({
  value: z.union([z.number(), z.string()]),
  label: z.string(),
  source: z.string(),
});

const line = (max: number) => z.string().trim().min(1).max(max);
const bulletinSection = z.strictObject({ lead: line(100), paragraphs: z.array(line(3000)).min(1).max(10) });
const bulletinTail = z.strictObject({
  report: line(200),
  send: line(200),
  distribute: line(200),
  copies: z.number().int().min(1).max(100_000),
});

/** A bulletin's text: `{{key}}` in it stands for the figure of that key. */
export const bulletinContent = z.object({
  masthead: z.object({
    name: z.string(),
    number: z.number().int(),
    year: z.number().int(),
    issuer: z.string(),
    date: z.string(),
  }),
  title: z.string(),
  subtitle: z.string(),
  opening: z.string(),
  sections: z.array(z.object({ lead: z.string(), paragraphs: z.array(z.string()) })),
  tail: z.object({ report: z.string(), send: z.string(), distribute: z.string(), copies: z.number().int() }),
  figures: z.record(z.string(), bulletinFigure),
});
export type BulletinContentBody = z.infer<typeof bulletinContent>;

/** A draft for a unit (the actor's own by default) and a period, `to` exclusive. */
export const bulletinInput = z
  .strictObject({ under: entityId.optional(), from: day, to: day })
  .refine((q) => q.from < q.to, { path: ['to'], message: 'to must be after from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 5 * 366 * 86_400_000, {
    path: ['to'],
    message: 'at most five years',
  });

/**
 * An edit of the text: a new version, made on the version read (409 when another edit came
 * first). The figures are the period's and are not edited; the text may drop or move them.
 */
export const bulletinEdit = z.strictObject({
  version: z.number().int().positive(),
  title: line(200),
  subtitle: z.string().trim().max(200),
  opening: line(3000),
  sections: z.array(bulletinSection).min(1).max(10),
  tail: bulletinTail,
});

export const bulletinAbility = z.enum(['update']);

/** A bulletin with the text of its current version. */
export const bulletin = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  period,
  status: z.string(),
  version: z.number().int(),
  editedBy: z.string(),
  editedAt: z.string(),
  content: bulletinContent,
  allowedActions: z.array(bulletinAbility),
});
export type Bulletin = z.infer<typeof bulletin>;

/** A bulletin in a list. */
export const bulletinSummary = z.object({
  id: z.number().int(),
  unitName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  period,
  version: z.number().int(),
  updatedAt: z.string(),
});
export const listBulletinsQuery = z.strictObject({ under: idText.optional() });
