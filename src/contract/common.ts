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

/** A positive integer id in a path. */
export const idParam = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

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
