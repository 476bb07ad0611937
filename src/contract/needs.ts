import { z } from 'zod';
import { calendarDate, entityId, idText } from './common.ts';

/** How a need was heard: a diary entry, a survey, or a home visit. */
export const needChannel = z.enum(['diary', 'survey', 'visit']);
/** How soon a need should be met. */
export const urgency = z.enum(['low', 'normal', 'high']);
const date = calendarDate;

/** What a viewer may do with a recorded need: set or correct its category. */
export const needAbility = z.enum(['update']);
export type NeedAbility = z.infer<typeof needAbility>;

/** A resident's need as staff record it (民情日记, 征求意见, 入户访谈). */
export const needInput = z.strictObject({
  unitId: entityId,
  channel: needChannel,
  recordedOn: date,
  residentName: z.string().trim().max(50).nullable().optional(),
  residentPhone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/)
    .nullable()
    .optional(),
  text: z.string().trim().min(4).max(1000),
  urgency: urgency.default('normal'),
});

/** The classifier's suggested category for a text. */
export const suggestion = z.object({
  categoryId: z.number().int().nullable(),
  confidence: z.number(),
  /** True when the confidence is below the threshold: a person should choose. */
  askAPerson: z.boolean(),
  ranking: z.array(z.object({ categoryId: z.number().int(), p: z.number() })),
});

/** A recorded need; the resident's name and phone are masked. */
export const need = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  channel: needChannel,
  recordedOn: z.string(),
  residentName: z.string().nullable(),
  residentPhone: z.string().nullable(),
  text: z.string(),
  urgency,
  categoryId: z.number().int().nullable(),
  categorySource: z.enum(['auto', 'staff']),
  suggestedCategoryId: z.number().int().nullable(),
  confidence: z.number().nullable(),
  allowedActions: z.array(needAbility),
});
export type Need = z.infer<typeof need>;

/** A need just recorded, with the suggestion it was filed by. */
export const recordedNeed = z.object({ need, suggestion });

/** Filters and paging of the needs list. */
export const listNeedsQuery = z.strictObject({
  under: idText.optional(),
  categoryId: idText.optional(),
  channel: needChannel.optional(),
  uncategorised: z.enum(['1']).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The category a person files a need under. */
export const correctCategoryRequest = z.strictObject({ categoryId: entityId });
/** Text to classify while typing. */
export const classifyRequest = z.strictObject({ text: z.string().trim().min(2).max(1000) });

/** The period and subtree of the pressing-needs report. */
export const pressingQuery = z.strictObject({
  under: idText.optional(),
  from: date,
  to: date,
});

/** "Most pressing needs": counts by category and by the units one level down, against the previous period of equal length. */
export const pressingNeeds = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  total: z.number().int(),
  previousTotal: z.number().int(),
  byCategory: z.array(
    z.object({
      categoryId: z.number().int().nullable(),
      count: z.number().int(),
      previous: z.number().int(),
      change: z.number().int(),
    }),
  ),
  byUnit: z.array(
    z.object({
      unitId: z.number().int(),
      name: z.string(),
      count: z.number().int(),
      previous: z.number().int(),
      topCategoryId: z.number().int().nullable(),
      hasChildren: z.boolean(),
    }),
  ),
});
