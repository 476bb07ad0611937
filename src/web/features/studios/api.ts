import type { z } from 'zod';
import type {
  Commitment,
  commitmentKind,
  publishResult,
  saveCommitmentsRequest,
} from '../../../contract/commitments.ts';
import type { PublicationPreview } from '../../../contract/commitments.ts';
import type { listOutboxQuery, outboxMessage } from '../../../contract/outbox.ts';
import type { reminder } from '../../../contract/reminders.ts';
import type {
  Category,
  closeRequest,
  completeRectificationRequest,
  contractRequest,
  listStudiosQuery,
  plaqueRequest,
  rectifyRequest,
  renewRequest,
  reviewRequest,
  revokeRequest,
  StudioApplication,
  StudioCandidate,
  StudioDetail,
  StudioSummary,
} from '../../../contract/studios.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { Category, Commitment, StudioApplication, StudioCandidate, StudioDetail, StudioStatus, StudioSummary };
export type StudioQuery = Partial<z.infer<typeof listStudiosQuery>>;
export type ReviewRequest = z.infer<typeof reviewRequest>;
export type ContractRequest = z.infer<typeof contractRequest>;
export type PlaqueRequest = z.infer<typeof plaqueRequest>;
export type RectifyRequest = z.infer<typeof rectifyRequest>;
export type CompleteRectificationRequest = z.infer<typeof completeRectificationRequest>;
export type RevokeRequest = z.infer<typeof revokeRequest>;
export type CloseRequest = z.infer<typeof closeRequest>;
export type RenewRequest = z.infer<typeof renewRequest>;
export type CommitmentKind = z.infer<typeof commitmentKind>;
export type CommitmentDraft = z.infer<typeof saveCommitmentsRequest>['items'][number];
export type { PublicationPreview };
export type PublishResult = z.infer<typeof publishResult>;
export type Reminder = z.infer<typeof reminder>;
export type OutboxMessage = z.infer<typeof outboxMessage>;
export type OutboxQuery = Partial<z.infer<typeof listOutboxQuery>>;

/** A transition with a body, by the path segment of its route (src/server/features/studios/studios.routes.ts). */
export interface TransitionBodies {
  'community-review': ReviewRequest;
  'street-review': ReviewRequest;
  contract: ContractRequest;
  plaque: PlaqueRequest;
  rectification: RectifyRequest;
  'rectification/complete': CompleteRectificationRequest;
  revoke: RevokeRequest;
  close: CloseRequest;
  renew: RenewRequest;
}

const studio = (id: number) => `/api/studios/${id}`;

/** Studios, their lifecycle, commitments, and the street's reminders and sent messages. */
export const studiosApi = {
  list: (query: StudioQuery, signal?: AbortSignal) => api.get<Page<StudioSummary>>('/api/studios', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<StudioDetail>(studio(id), undefined, signal),
  create: (body: StudioApplication) => api.post<StudioDetail>('/api/studios', body),
  update: (id: number, body: StudioApplication) => api.put<StudioDetail>(studio(id), body),
  submit: (id: number) => api.post<StudioDetail>(`${studio(id)}/submit`),
  reopen: (id: number) => api.post<StudioDetail>(`${studio(id)}/reopen`),
  transition: <P extends keyof TransitionBodies>(id: number, path: P, body: TransitionBodies[P]) =>
    api.post<StudioDetail>(`${studio(id)}/${path}`, body),

  commitments: (id: number, signal?: AbortSignal) =>
    api.get<Commitment[]>(`${studio(id)}/commitments`, undefined, signal),
  saveCommitments: (id: number, items: CommitmentDraft[]) =>
    api.put<Commitment[]>(`${studio(id)}/commitments`, { items }),
  previewPublication: (id: number) => api.get<PublicationPreview>(`${studio(id)}/commitments/preview`),
  publishCommitments: (id: number) => api.post<PublishResult>(`${studio(id)}/commitments/publish`),

  categories: (signal?: AbortSignal) => api.get<Category[]>('/api/categories', undefined, signal),
  /** Party members an application may name (names only: the registry is the organisations'). */
  candidates: (under: number | undefined, signal?: AbortSignal) =>
    api.get<StudioCandidate[]>('/api/studios/candidates', under ? { under } : undefined, signal),
  reminders: (signal?: AbortSignal) => api.get<Reminder[]>('/api/reminders', undefined, signal),
  outbox: (query: OutboxQuery, signal?: AbortSignal) => api.get<Page<OutboxMessage>>('/api/outbox', query, signal),
};

/** Printable documents; opened in a new tab, so they are plain links rather than API calls. */
export const studioDocuments = {
  contractHtml: (id: number, lang: string) => `${studio(id)}/contract.html?lang=${encodeURIComponent(lang)}`,
  contractPdf: (id: number) => `${studio(id)}/contract.pdf`,
  plaqueHtml: (id: number, lang: string) => `${studio(id)}/plaque.html?lang=${encodeURIComponent(lang)}`,
  plaquePdf: (id: number) => `${studio(id)}/plaque.pdf`,
  cardsPdf: (id: number) => `${studio(id)}/cards.pdf`,
};
