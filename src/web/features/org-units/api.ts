import type { z } from 'zod';
import type { listOrgUnitsQuery, OrgUnit, OrgUnitSummary } from '../../../contract/org-units.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { OrgUnit, OrgUnitSummary };
export type OrgUnitQuery = Partial<z.infer<typeof listOrgUnitsQuery>>;

/** The org tree, always bounded by the signed-in account's subtree on the server. */
export const orgApi = {
  list: (query: OrgUnitQuery, signal?: AbortSignal) => api.get<Page<OrgUnit>>('/api/org-units', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<OrgUnit>(`/api/org-units/${id}`, undefined, signal),
  summary: (id: number, signal?: AbortSignal) =>
    api.get<OrgUnitSummary>(`/api/org-units/${id}/summary`, undefined, signal),
  children: (id: number) => api.get<OrgUnit[]>(`/api/org-units/${id}/children`),
};
