import type { Workbench } from '../../../contract/workbench.ts';
import { api } from '../../lib/api.ts';

export type { Workbench };

/** The signed-in user's to-dos, figures and recent actions. */
export const workbenchApi = {
  get: (signal?: AbortSignal) => api.get<Workbench>('/api/workbench', undefined, signal),
};
