import type { z } from 'zod';
import type {
  RecordAbility,
  RequestAbility,
  listRecordsQuery,
  listRequestsQuery,
  recordCorrection,
  recordInput,
  recordStats,
  serviceReceipt,
  serviceRecord,
  serviceRequest,
} from '../../../contract/delivery.ts';
import type { Category, StudioSummary } from '../../../contract/studios.ts';
import type { listStudiosQuery } from '../../../contract/studios.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type ServiceRequest = z.infer<typeof serviceRequest>;
export type ServiceRecord = z.infer<typeof serviceRecord>;
export type RecordInput = z.infer<typeof recordInput>;
export type RecordCorrection = z.infer<typeof recordCorrection>;
export type RecordStats = z.infer<typeof recordStats>;
export type ServiceReceipt = z.infer<typeof serviceReceipt>;
export type RequestQuery = Partial<z.infer<typeof listRequestsQuery>>;
export type RecordQuery = Partial<z.infer<typeof listRecordsQuery>>;
export type StudioQuery = Partial<z.infer<typeof listStudiosQuery>>;
export type { Category, RecordAbility, RequestAbility, StudioSummary };

/** One correction: the record as it was and as it became. */
export interface Revision {
  at: string;
  by: string;
  before: unknown;
  after: unknown;
}

/** Requests (服务请求) of a member's studios, or in a staff subtree. */
export const requestsApi = {
  list: (query: RequestQuery, signal?: AbortSignal) => api.get<Page<ServiceRequest>>('/api/requests', query, signal),
  /** The resident's name and phone in full; the server audits every read. */
  contact: (id: number) => api.get<{ residentName: string; residentPhone: string }>(`/api/requests/${id}/contact`),
  accept: (id: number) => api.post<{ id: number }>(`/api/requests/${id}/accept`),
  complete: (id: number) => api.post<{ id: number }>(`/api/requests/${id}/complete`),
  decline: (id: number, reason: string) => api.post<{ id: number }>(`/api/requests/${id}/decline`, { reason }),
};

/** The service record book (服务记录本). Writing a record goes through the outbox (outbox.ts). */
export const recordsApi = {
  list: (query: RecordQuery, signal?: AbortSignal) => api.get<Page<ServiceRecord>>('/api/records', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<ServiceRecord>(`/api/records/${id}`, undefined, signal),
  correct: (id: number, body: RecordCorrection) => api.put<ServiceRecord>(`/api/records/${id}`, body),
  feedback: (id: number, body: { onDate: string; result: string }) =>
    api.post<ServiceRecord>(`/api/records/${id}/feedback`, body),
  revisions: (id: number, signal?: AbortSignal) =>
    api.get<Revision[]>(`/api/records/${id}/revisions`, undefined, signal),
  stats: (query: RecordQuery, signal?: AbortSignal) => api.get<RecordStats>('/api/records/stats', query, signal),
  /** A walk-in's 服务回执: its rating code, the link its QR code holds, and the rating once given. */
  receipt: (id: number, signal?: AbortSignal) =>
    api.get<ServiceReceipt>(`/api/records/${id}/receipt`, undefined, signal),
};

/** The printable receipt slip: a plain link, so the browser opens the PDF itself. */
export function receiptPdfUrl(id: number, size: 'a6' | 'a4'): string {
  return `/api/records/${id}/receipt.pdf?size=${size}`;
}

/** What the record book needs from elsewhere: categories and the studios one may write for. */
export const referenceApi = {
  categories: (signal?: AbortSignal) => api.get<Category[]>('/api/categories', undefined, signal),
  studios: (query: StudioQuery, signal?: AbortSignal) => api.get<Page<StudioSummary>>('/api/studios', query, signal),
};

/** How long members may correct a record (hours) and a walk-in's receipt stays valid (days). */
export interface RecordSettings {
  correctionHours: number;
  receiptDays: number;
}

/** The district's record-book settings (read by anyone who keeps records, changed by the district). */
export const recordSettingsApi = {
  get: (signal?: AbortSignal) => api.get<RecordSettings>('/api/settings/records', undefined, signal),
  save: (body: RecordSettings) => api.put<RecordSettings>('/api/settings/records', body),
};
