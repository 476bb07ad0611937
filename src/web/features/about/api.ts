import type { z } from 'zod';
import type { health } from '../../../contract/health.ts';
import { api } from '../../lib/api.ts';

export type Health = z.infer<typeof health>;

/** Liveness and version; a 503 still carries the same body, so read it from the error path too. */
export const aboutApi = {
  health: (signal?: AbortSignal) => api.get<Health>('/api/health', undefined, signal),
};
