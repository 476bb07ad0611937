import { z } from 'zod';

/** An open reminder to a street: a contract ending soon or a rectification past its deadline. */
export const reminder = z.object({
  id: z.number().int(),
  kind: z.enum(['contract_ending', 'rectification_overdue']),
  due: z.string(),
  studioId: z.number().int(),
  studioName: z.string(),
  unitName: z.string(),
  createdAt: z.string(),
});
export type Reminder = z.infer<typeof reminder>;
