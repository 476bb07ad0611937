import type { z } from 'zod';
import type { StaffCategory as Category, categoryInput } from '../../../contract/categories.ts';
import { api } from '../../lib/api.ts';

export type { Category };
export type CategoryInput = z.infer<typeof categoryInput>;

/** Service categories: every staff member reads them; district admins add and edit them. */
export const categoriesApi = {
  list: (signal?: AbortSignal) => api.get<Category[]>('/api/categories', undefined, signal),
  create: (body: CategoryInput) => api.post<Category>('/api/categories', body),
  /** The fields a category is saved with: what the list shows, without what the viewer may do. */
  inputOf: ({ id: _id, allowedActions: _actions, ...input }: Category): CategoryInput => input,
  update: (id: number, body: CategoryInput) => api.put<Category>(`/api/categories/${id}`, body),
};
