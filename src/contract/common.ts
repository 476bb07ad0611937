import { z } from 'zod';

/** The body of every 4xx/5xx answer. `code` is stable; `message` is in the request's language. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Languages of the interface and of API messages. */
export const locales = ['zh-CN', 'zh-TW', 'en'] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;

/** The largest id a column holds (PostgreSQL `integer`); a larger one is refused before it reaches SQL. */
export const MAX_ID = 2_147_483_647;

/** An id in a JSON body: a positive integer within the column's range. */
export const entityId = z.number().int().positive().max(MAX_ID);

/**
 * An id in a path or a query string: decimal digits only, so ` 1`, `0x10`, `1e3`, `+1` and `1\n`
 * are refused rather than read as some other record's id (`z.coerce` would accept them all).
 */
export const idText = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'positive decimal id')
  .transform(Number)
  .pipe(entityId);

/** A positive integer id in a path. */
export const idParam = z.strictObject({ id: idText });

/**
 * A real calendar date `YYYY-MM-DD` (2026-02-30, 2026-13-45 and 0000-00-00 are refused; leap
 * days are checked) between 1900 and 2199, the years a service record, term or letter can have.
 */
export const calendarDate = z.iso
  .date({ error: 'YYYY-MM-DD' })
  .refine((d) => d >= '1900-01-01' && d < '2200-01-01', 'YYYY-MM-DD (1900–2199)');

/** A calendar month `YYYY-MM`, 1900–2199. */
export const calendarMonth = z.string().regex(/^(19|2[01])\d{2}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/** An instant with its offset, on a real calendar date between 1900 and 2199. */
export const instant = z.iso
  .datetime({ offset: true, error: 'ISO 8601 date-time' })
  .refine((d) => d >= '1900' && d < '2200' && Number.isFinite(Date.parse(d)), 'ISO 8601 date-time (1900–2199)');

/** Paging for list endpoints. */
export const paging = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

/** A page of results. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** An acknowledgement with nothing else to say. */
export const ok = z.object({ ok: z.literal(true) });
