import type { z } from 'zod';
import type { importStatus, listVolunteersQuery, Volunteer, VolunteerInput } from '../../../contract/registry.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { Volunteer, VolunteerInput };
/** A page of the registry: above a thousand matches the total is an estimate, shown as "about N". */
export type VolunteerPage = Page<Volunteer> & { totalIsEstimate?: boolean };
export type VolunteerQuery = Partial<z.infer<typeof listVolunteersQuery>>;
export type ImportStatus = z.infer<typeof importStatus>;
export type ImportProblem = ImportStatus['problems'][number];
export type VolunteerKind = Volunteer['kind'];
export type ScreeningStatus = Volunteer['screeningStatus'];

/** The registry (选好人), always bounded by the signed-in account's subtree on the server. */
export const registryApi = {
  list: (query: VolunteerQuery, signal?: AbortSignal) => api.get<VolunteerPage>('/api/volunteers', query, signal),
  /** Unmasked phone; the server writes every call to the audit log. */
  contact: (id: number) => api.get<{ phone: string | null; idNumber: string | null }>(`/api/volunteers/${id}/contact`),
  create: (body: VolunteerInput) => api.post<Volunteer>('/api/volunteers', body),
  update: (id: number, body: VolunteerInput) => api.put<Volunteer>(`/api/volunteers/${id}`, body),
  screen: (id: number, status: 'selected' | 'declined', reason: string) =>
    api.post<Volunteer>(`/api/volunteers/${id}/screening`, { status, reason }),
};

export const TEMPLATE_PATH = '/api/registry/template.xlsx';
export const EXPORT_PATH = '/api/registry/export.xlsx';
export const IMPORT_PATH = '/api/registry/imports';

/** Where an Excel import's template, upload, report and commit live (the registry's, or the network's imports). */
export interface ImportPaths {
  template: string;
  templateFile: string;
  upload: string;
}

/** The registry's import. */
export const registryImportPaths: ImportPaths = {
  template: TEMPLATE_PATH,
  templateFile: 'registry-template.xlsx',
  upload: IMPORT_PATH,
};

/** An import's report, and its commit, under its upload path. */
export const importApi = {
  status: (paths: ImportPaths, id: number, signal?: AbortSignal) =>
    api.get<ImportStatus>(`${paths.upload}/${id}`, undefined, signal),
  commit: (paths: ImportPaths, id: number, mode: 'all' | 'valid') =>
    api.post<ImportStatus>(`${paths.upload}/${id}/commit`, { mode }),
};
