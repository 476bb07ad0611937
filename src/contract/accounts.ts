import { z } from 'zod';
import { entityId, idText, paging } from './common.ts';
import { role } from './auth.ts';

/** What an admin may do with an account now: lift its lockout, disable it or enable it again. */
export const accountAbility = z.enum(['unlock', 'disable', 'enable']);
export type AccountAbility = z.infer<typeof accountAbility>;

/** A staff account as admins see it; never the password hash. */
export const account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  unitId: z.number().int(),
  unitName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  allowedActions: z.array(accountAbility),
});
export type Account = z.infer<typeof account>;

/** Filters of the account list; `under` narrows it to a unit in scope. */
export const listAccountsQuery = z.strictObject({
  under: idText.optional(),
  role: role.optional(),
  q: z.string().trim().max(50).optional(),
  ...paging,
});

/** A new staff account; the password is checked against the configured policy. */
export const createAccountRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,64}$/),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(256),
  role,
  unitId: entityId,
});

/** Disables (true) or re-enables (false) an account. */
export const setDisabledRequest = z.strictObject({ disabled: z.boolean() });
