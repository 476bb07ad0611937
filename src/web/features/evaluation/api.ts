import type { z } from 'zod';
import type {
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

export type { EvaluationProposal, RunResult, Scheme, ScoreDetail, ScoreSummary, YearEndSheet };
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
  reject: (p: EvaluationProposal, reason: string) =>
    api.post<EvaluationProposal>(`${decisionPath(p)}/reject`, { reason }),
};
