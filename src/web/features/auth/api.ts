import type { z } from 'zod';
import type { LoginRequest, Me, settingsRequest } from '../../../contract/auth.ts';
import { api } from '../../lib/api.ts';

export type { Me };
export type SettingsRequest = z.infer<typeof settingsRequest>;

/** Sign-in, sign-out, the signed-in account and its own settings. */
export const authApi = {
  login: (body: LoginRequest) => api.post<Me>('/api/auth/login', body),
  logout: () => api.post<{ ok: true }>('/api/auth/logout'),
  me: () => api.get<Me>('/api/auth/me'),
  saveSettings: (body: SettingsRequest) => api.put<{ ok: true }>('/api/auth/me/settings', body),
};
