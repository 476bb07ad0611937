import type {
  CommendationNotice,
  EvaluationProposal,
  Scheme,
  ScoreDetail,
  ScoreSummary,
} from '../../../contract/evaluation.ts';
import type { CommendationNoticeContent } from '../../../domain/evaluation/notice.ts';
import type { Breakdown, Change } from '../../../domain/evaluation/scoring.ts';
import type { SchemeConfig } from '../../../domain/evaluation/scheme.ts';
import type { EvaluationProposalAction, ReviewOutcome } from '../../../domain/evaluation/proposals.ts';
import type { EvaluationSchemeTable } from '../../../db/schema-evaluation.ts';
import type { Selectable } from 'kysely';
import type { ProposalRow, ScoreRow } from './evaluation.repository.ts';
import type { NoticeRow } from './notices.repository.ts';

const changesOf = (json: string | null): Change[] | null => (json === null ? null : (JSON.parse(json) as Change[]));

/** A stored scheme version. */
export function presentScheme(row: Selectable<EvaluationSchemeTable>): Scheme {
  return {
    version: row.version,
    effectiveFrom: row.effective_from,
    note: row.note,
    config: JSON.parse(row.config_json) as SchemeConfig,
    createdAt: row.created_at,
  };
}

/** A score as lists show it. */
export function presentScore(row: Omit<ScoreRow, 'breakdown_json'>): ScoreSummary {
  return {
    id: row.id,
    quarter: row.quarter,
    schemeVersion: row.scheme_version,
    studioId: row.studio_id,
    studioName: row.studio_name,
    unitName: row.unit_name,
    streetId: row.street_id,
    streetName: row.street_name,
    total: row.total,
    added: row.added,
    deducted: row.deducted,
    vetoed: row.vetoed === 1,
    districtRank: row.district_rank,
    streetRank: row.street_rank,
    changes: changesOf(row.changes_json),
    runId: row.run_id,
    createdAt: row.created_at,
  };
}

/** A score with its breakdown and the runs of the same quarter. */
export function presentScoreDetail(
  row: ScoreRow,
  history: Array<{ id: number; run_id: number; total: number; created_at: string; changes_json: string | null }>,
): ScoreDetail {
  return {
    ...presentScore(row),
    breakdown: JSON.parse(row.breakdown_json) as Breakdown,
    history: history.map((h) => ({
      id: h.id,
      runId: h.run_id,
      total: h.total,
      createdAt: h.created_at,
      changes: changesOf(h.changes_json),
    })),
  };
}

/** A proposal with what the viewer may do with it now. */
export function presentProposal(row: ProposalRow, allowedActions: EvaluationProposalAction[]): EvaluationProposal {
  const reasons = JSON.parse(row.reasons_json) as { reasons: string[]; complaintLetters: number[] };
  return {
    id: row.id,
    kind: row.kind as EvaluationProposal['kind'],
    quarter: row.quarter,
    studioId: row.studio_id,
    studioName: row.studio_name,
    studioStatus: row.studio_status,
    unitName: row.unit_name,
    streetId: row.street_id,
    scoreId: row.score_id,
    total: row.total,
    districtRank: row.district_rank,
    reasons: reasons.reasons,
    complaintLetters: reasons.complaintLetters,
    status: row.status as EvaluationProposal['status'],
    outcome: row.outcome as ReviewOutcome | null,
    reason: row.reason,
    deadline: row.deadline,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    allowedActions,
  };
}

/** A commendation notice as the console lists it. */
export function presentNotice(row: NoticeRow): CommendationNotice {
  const c = JSON.parse(row.content_json) as CommendationNoticeContent;
  return {
    id: row.id,
    quarter: row.quarter,
    number: row.number,
    issuedOn: row.issued_on,
    issuer: row.issuer,
    title: c.title,
    studios: c.studios.map((s) => ({
      studioId: s.studioId,
      name: s.name,
      unitName: s.unitName,
      paragraph: s.paragraph,
    })),
    createdAt: row.created_at,
  };
}
