import type { z } from 'zod';
import type {
  CommendationNotice,
  SchemePreview,
  confirmEvaluationProposalRequest,
  EvaluationProposal,
  listEvaluationProposalsQuery,
  listScoresQuery,
  RunResult,
  Scheme,
  ScoreDetail,
  ScoreSummary,
  YearEndSheet,
} from '../../../contract/evaluation.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type {
  CommendationNotice,
  EvaluationProposal,
  RunResult,
  Scheme,
  SchemePreview,
  ScoreDetail,
  ScoreSummary,
  YearEndSheet,
};
export type ScoresQuery = Partial<z.infer<typeof listScoresQuery>> & { quarter: string };
export type ProposalsQuery = Partial<z.infer<typeof listEvaluationProposalsQuery>>;
export type ConfirmRequest = z.infer<typeof confirmEvaluationProposalRequest>;

const decisionPath = (p: Pick<EvaluationProposal, 'id' | 'kind'>) =>
  `/api/evaluation/${p.kind === 'commendation' ? 'commendations' : 'reviews'}/${p.id}`;

/** The evaluation API, typed from the contract. */
export const evaluationApi = {
  scores: (query: ScoresQuery, signal?: AbortSignal) =>
    api.get<Page<ScoreSummary>>('/api/evaluation/scores', query, signal),
  score: (id: number, signal?: AbortSignal) => api.get<ScoreDetail>(`/api/evaluation/scores/${id}`, undefined, signal),
  run: (quarter: string, dryRun: boolean) => api.post<RunResult>('/api/evaluation/runs', { quarter, dryRun }),
  yearEnd: (year: number, signal?: AbortSignal) => api.get<YearEndSheet>('/api/evaluation/year-end', { year }, signal),
  schemes: (signal?: AbortSignal) => api.get<Scheme[]>('/api/evaluation/schemes', undefined, signal),
  proposals: (query: ProposalsQuery, signal?: AbortSignal) =>
    api.get<Page<EvaluationProposal>>('/api/evaluation/proposals', query, signal),
  confirm: (p: EvaluationProposal, body: ConfirmRequest) =>
    api.post<EvaluationProposal>(`${decisionPath(p)}/confirm`, body),
  notices: (signal?: AbortSignal) => api.get<CommendationNotice[]>('/api/evaluation/notices', undefined, signal),
  issueNotice: (quarter: string) => api.post<CommendationNotice>('/api/evaluation/notices', { quarter }),
  preview: (config: Scheme['config']) => api.post<SchemePreview>('/api/evaluation/schemes/preview', { config }),
  publishScheme: (body: { effectiveFrom: string; note?: string; config: Scheme['config'] }) =>
    api.post<Scheme>('/api/evaluation/schemes', body),
  decideGrade: (volunteerId: number, body: { year: number; grade: string; reason?: string }) =>
    api.put<YearEndSheet['members'][number]>(`/api/evaluation/year-end/${volunteerId}/grade`, body),
  reject: (p: EvaluationProposal, reason: string) =>
    api.post<EvaluationProposal>(`${decisionPath(p)}/reject`, { reason }),
};
