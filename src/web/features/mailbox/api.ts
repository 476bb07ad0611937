import type { z } from 'zod';
import type {
  LetterAbility,
  LetterDetail,
  LetterSummary,
  RatesResult,
  dayOff,
  letterContact,
  letterHandler,
  listLettersQuery,
  mailboxSettings,
} from '../../../contract/mailbox.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { LetterAbility, LetterDetail, LetterSummary, RatesResult };
export type LetterQuery = Partial<z.infer<typeof listLettersQuery>>;
export type MailboxSettings = z.infer<typeof mailboxSettings>;
export type DayOff = z.infer<typeof dayOff>;
export type Handler = z.infer<typeof letterHandler>;
export type RatesQuery = { from: string; to: string; by?: 'street' | 'studio'; under?: number };

/** What the working-day calendar of one year holds. */
export interface CalendarYear {
  year: number;
  source: 'chinese-days' | 'assets' | 'none';
  provisional: boolean;
  holidays: string[];
  makeUpWorkdays: string[];
  daysOff: DayOff[];
}

/** The street's letters and every staff step of one. */
export const lettersApi = {
  list: (query: LetterQuery, signal?: AbortSignal) => api.get<Page<LetterSummary>>('/api/letters', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<LetterDetail>(`/api/letters/${id}`, undefined, signal),
  /** The writer's name and phone in full; the server audits every read. */
  contact: (id: number) => api.get<z.infer<typeof letterContact>>(`/api/letters/${id}/contact`),
  handlers: (id: number, signal?: AbortSignal) => api.get<Handler[]>(`/api/letters/${id}/handlers`, undefined, signal),
  photoUrl: (id: number, photoId: number) => `/api/letters/${id}/photos/${photoId}`,
  assign: (id: number, handlerId: number) => api.post<LetterDetail>(`/api/letters/${id}/assign`, { handlerId }),
  acknowledge: (id: number, note: string) => api.post<LetterDetail>(`/api/letters/${id}/acknowledge`, { note }),
  extend: (id: number, days: number, reason: string) =>
    api.post<LetterDetail>(`/api/letters/${id}/extend`, { days, reason }),
  reply: (id: number, text: string) => api.post<LetterDetail>(`/api/letters/${id}/reply`, { text }),
  replyAgain: (id: number, text: string) => api.post<LetterDetail>(`/api/letters/${id}/second-reply`, { text }),
  rule: (id: number, finding: 'substantiated' | 'unsubstantiated', reason: string) =>
    api.post<LetterDetail>(`/api/letters/${id}/rule`, { finding, reason }),
};

/** The district's settings, its days off and the 三率. */
export const mailboxApi = {
  settings: (signal?: AbortSignal) => api.get<MailboxSettings>('/api/mailbox/settings', undefined, signal),
  saveSettings: (body: MailboxSettings) => api.put<MailboxSettings>('/api/mailbox/settings', body),
  calendar: (year: number, signal?: AbortSignal) =>
    api.get<CalendarYear>(`/api/mailbox/calendar/${year}`, undefined, signal),
  addDayOff: (day: string, reason: string) => api.post<DayOff[]>('/api/mailbox/days-off', { day, reason }),
  removeDayOff: (day: string) => api.delete<DayOff[]>(`/api/mailbox/days-off/${day}`),
  rates: (query: RatesQuery, signal?: AbortSignal) => api.get<RatesResult>('/api/mailbox/rates', { ...query }, signal),
};
