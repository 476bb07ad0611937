import type { z } from 'zod';
import type {
  Bulletin,
  Chart,
  ChartId,
  Dashboard,
  Figure,
  bulletinEdit,
  bulletinSummary,
} from '../../../contract/statistics.ts';
import { api } from '../../lib/api.ts';

export type { Bulletin, Chart, ChartId, Dashboard, Figure };
export type BulletinSummary = z.infer<typeof bulletinSummary>;
export type BulletinEdit = z.infer<typeof bulletinEdit>;

/** A unit (or the actor's own) and a period, `to` exclusive. */
export interface DashboardQuery {
  under?: number | undefined;
  from: string;
  to: string;
}

/** The dashboards (统计). */
export const statisticsApi = {
  dashboard: (q: DashboardQuery, signal?: AbortSignal) =>
    api.get<Dashboard>('/api/statistics/dashboard', { ...q }, signal),
};

/** Where one chart's data downloads as .xlsx. */
export const EXPORT_PATH = '/api/statistics/export.xlsx';

/** The bulletins (简报). */
export const bulletinsApi = {
  list: (signal?: AbortSignal) => api.get<BulletinSummary[]>('/api/bulletins', undefined, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Bulletin>(`/api/bulletins/${id}`, undefined, signal),
  generate: (body: { under?: number | undefined; from: string; to: string }) =>
    api.post<Bulletin>('/api/bulletins', body),
  edit: (id: number, body: BulletinEdit) => api.put<Bulletin>(`/api/bulletins/${id}`, body),
};
