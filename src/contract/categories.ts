import { z } from 'zod';

/** What a viewer may do with a category. */
export const categoryAbility = z.enum(['update']);
export type CategoryAbility = z.infer<typeof categoryAbility>;

/** A service category in all three languages. */
export const category = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.object({ 'zh-CN': z.string(), 'zh-TW': z.string(), en: z.string() }),
  icon: z.string(),
  color: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
});
export type Category = z.infer<typeof category>;

/** A category as district admins edit it. */
export const categoryInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,31}$/),
  name: z.strictObject({
    'zh-CN': z.string().trim().min(1).max(50),
    'zh-TW': z.string().trim().min(1).max(50),
    en: z.string().trim().min(1).max(80),
  }),
  icon: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{1,40}$/),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/),
  position: z.number().int().min(1).max(999),
  enabled: z.boolean(),
});
export type CategoryInput = z.infer<typeof categoryInput>;

/** A category as staff see it: with what the viewer may do with it (the public list has no actions). */
export const staffCategory = category.extend({ allowedActions: z.array(categoryAbility) });
export type StaffCategory = z.infer<typeof staffCategory>;
