import type { z } from 'zod';
import type {
  listNeedsQuery,
  need,
  needInput,
  pressingNeeds,
  recordedNeed,
  suggestion,
} from '../../../contract/needs.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type Need = z.infer<typeof need>;
export type NeedInput = z.input<typeof needInput>;
export type NeedQuery = Partial<z.infer<typeof listNeedsQuery>>;
export type Suggestion = z.infer<typeof suggestion>;
export type RecordedNeed = z.infer<typeof recordedNeed>;
export type PressingNeeds = z.infer<typeof pressingNeeds>;
export type Channel = Need['channel'];
export type Urgency = Need['urgency'];

/** Needs intake (访民情), bounded by the account's subtree on the server. */
export const needsApi = {
  list: (query: NeedQuery, signal?: AbortSignal) => api.get<Page<Need>>('/api/needs', query, signal),
  record: (body: NeedInput) => api.post<RecordedNeed>('/api/needs', body),
  /** Suggests a category for a text while it is typed; writes nothing. */
  classify: (text: string) => api.post<Suggestion>('/api/needs/classify', { text }),
  correct: (id: number, categoryId: number) => api.put<Need>(`/api/needs/${id}/category`, { categoryId }),
  pressing: (query: { under?: number | undefined; from: string; to: string }, signal?: AbortSignal) =>
    api.get<PressingNeeds>('/api/needs/pressing', query, signal),
};
