import type { z } from 'zod';
import type { Account } from '../../../contract/accounts.ts';
import type {
  Checklist,
  checklistInput,
  coverage,
  inspectionCorrection,
  InspectionAbility,
  InspectionDetail,
  InspectionSummary,
  inspectionReport,
  listInspectionsQuery,
  listProposalsQuery,
  planResult,
  Proposal,
  ProposalAbility,
} from '../../../contract/inspections.ts';
import type {
  AppointSupervisor,
  listSupervisorsQuery,
  Supervisor,
  SupervisorAbility,
  supervisorContact,
  supervisorDetails,
} from '../../../contract/supervisors.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { Account, Checklist, InspectionAbility, InspectionDetail, InspectionSummary, Proposal, ProposalAbility };
export type { AppointSupervisor, Supervisor, SupervisorAbility };
export type ChecklistInput = z.infer<typeof checklistInput>;
export type Coverage = z.infer<typeof coverage>;
export type InspectionReport = z.infer<typeof inspectionReport>;
export type InspectionCorrection = z.infer<typeof inspectionCorrection>;
export type InspectionQuery = Partial<z.infer<typeof listInspectionsQuery>>;
export type ProposalQuery = Partial<z.infer<typeof listProposalsQuery>>;
export type PlanResult = z.infer<typeof planResult>;
export type SupervisorQuery = Partial<z.infer<typeof listSupervisorsQuery>>;
export type SupervisorDetails = z.infer<typeof supervisorDetails>;
export type SupervisorContact = z.infer<typeof supervisorContact>;

/** The streets' rosters of citizen supervisors (群众监督员). */
export const supervisorsApi = {
  list: (query: SupervisorQuery, signal?: AbortSignal) => api.get<Page<Supervisor>>('/api/supervisors', query, signal),
  appoint: (body: AppointSupervisor) => api.post<Supervisor>('/api/supervisors', body),
  update: (id: number, body: SupervisorDetails) => api.put<Supervisor>(`/api/supervisors/${id}`, body),
  /** The unmasked phone; the server audits every read. */
  contact: (id: number) => api.get<SupervisorContact>(`/api/supervisors/${id}/contact`),
  renew: (id: number, termEnd?: string) => api.post<Supervisor>(`/api/supervisors/${id}/renew`, { termEnd }),
  dismiss: (id: number, reason: string) => api.post<Supervisor>(`/api/supervisors/${id}/dismiss`, { reason }),
  /** Supervisor accounts of the street, to put one on the roster. */
  accounts: (signal?: AbortSignal) =>
    api.get<Page<Account>>('/api/accounts', { role: 'supervisor', limit: 100 }, signal),
};

/** The address of a supervisor's appointment letter (聘书), opened by the browser itself. */
export const appointmentLetterUrl = (id: number) => `/api/supervisors/${id}/appointment-letter.pdf`;

/** Quarterly inspections: plans, coverage, one inspection, reassignment. Submitting goes through the outbox. */
export const inspectionsApi = {
  list: (query: InspectionQuery, signal?: AbortSignal) =>
    api.get<Page<InspectionSummary>>('/api/inspections', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<InspectionDetail>(`/api/inspections/${id}`, undefined, signal),
  coverage: (query: { quarter?: string; under?: number }, signal?: AbortSignal) =>
    api.get<Coverage>('/api/inspections/coverage', query, signal),
  plan: (streetId?: number) => api.post<PlanResult>('/api/inspections/plan', streetId ? { streetId } : {}),
  reassign: (id: number, supervisorId: number, note?: string) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/reassign`, { supervisorId, note }),
  /** A correction within 48 hours of submission (its author only); photos, when sent, replace the earlier ones. */
  correct: (id: number, body: InspectionCorrection) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/correct`, body),
  cancel: (id: number, reason: string) => api.post<InspectionDetail>(`/api/inspections/${id}/cancel`, { reason }),
};

/** The address of one photo of an inspection. */
export const photoUrl = (id: number, position: number) => `/api/inspections/${id}/photos/${position}`;

/** The district's checklist, versioned. */
export const checklistApi = {
  current: (signal?: AbortSignal) => api.get<Checklist>('/api/inspection-checklist', undefined, signal),
  version: (version: number, signal?: AbortSignal) =>
    api.get<Checklist>(`/api/inspection-checklist/versions/${version}`, undefined, signal),
  publish: (body: ChecklistInput) => api.put<Checklist>('/api/inspection-checklist', body),
};

/** Studios proposed for rectification by a low inspection total. */
export const proposalsApi = {
  list: (query: ProposalQuery, signal?: AbortSignal) =>
    api.get<Page<Proposal>>('/api/rectification-proposals', query, signal),
  confirm: (id: number, deadline: string, findings?: string) =>
    api.post<Proposal>(`/api/rectification-proposals/${id}/confirm`, { deadline, findings }),
  reject: (id: number, reason: string) => api.post<Proposal>(`/api/rectification-proposals/${id}/reject`, { reason }),
};
