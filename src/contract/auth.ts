import { z } from 'zod';
import { roles } from '../domain/access/roles.ts';
import { locale } from './common.ts';

export const role = z.enum(roles);

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

/** The signed-in account as the web app needs it. */
export const me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }),
  locale,
  largeFont: z.boolean(),
  csrfToken: z.string(),
  idleMinutes: z.number().int(),
});
export type Me = z.infer<typeof me>;

export const settingsRequest = z.strictObject({
  locale: locale.optional(),
  largeFont: z.boolean().optional(),
});

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
