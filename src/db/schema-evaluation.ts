import type { Generated } from 'kysely';

/** Table types of quantitative evaluation (migration 2026-12-03-0010-evaluation). */
export interface EvaluationTables {
  evaluation_schemes: EvaluationSchemeTable;
  evaluation_runs: EvaluationRunTable;
  evaluation_scores: EvaluationScoreTable;
  evaluation_proposals: EvaluationProposalTable;
  commendation_notices: CommendationNoticeTable;
  year_end_grades: YearEndGradeTable;
}

/** A version of the district's scheme: never changed once written. */
export interface EvaluationSchemeTable {
  id: Generated<number>;
  version: number;
  /** The first China day (YYYY-MM-DD) it is in force. */
  effective_from: string;
  config_json: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** A run's scores are seen by readers once it is published (current-score.repository.ts). */
export type EvaluationRunStatus = 'pending' | 'published';

/** One run over a quarter (the job's, or the district's on demand). */
export interface EvaluationRunTable {
  id: Generated<number>;
  quarter: string;
  scheme_version: number;
  /** Pending while its scores are written, nobody sees them until published (runs.repository.ts). */
  status: EvaluationRunStatus;
  trigger: string;
  run_by: number | null;
  scored: number;
  changed: number;
  at: string;
}

/**
 * A studio's score in one run, with its breakdown; `is_current` marks the latest run's row, read
 * as current once its run is published (features/evaluation/current-score.repository.ts).
 */
export interface EvaluationScoreTable {
  id: Generated<number>;
  run_id: number;
  quarter: string;
  scheme_version: number;
  studio_id: number;
  unit_id: number;
  street_id: number;
  total: number;
  added: number;
  deducted: number;
  per_member: number;
  vetoed: number;
  district_rank: number;
  street_rank: number;
  breakdown_json: string;
  changes_json: string | null;
  is_current: number;
  created_at: string;
}

/** A commendation or review proposal a run made, and how people decided it. */
export interface EvaluationProposalTable {
  id: Generated<number>;
  kind: string;
  quarter: string;
  studio_id: number;
  unit_id: number;
  street_id: number;
  score_id: number;
  reasons_json: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  deadline: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  /** The commendation notice that named a confirmed commendation (migration 0016). */
  notice_id: Generated<number | null>;
}

/** A commendation notice (通报表扬) the district issued from a quarter's confirmed commendations (migration 0016). */
export interface CommendationNoticeTable {
  id: Generated<number>;
  unit_id: number;
  quarter: string;
  /** The document number, e.g. 西城区量评〔2026〕3号; unique. */
  number: string;
  issued_on: string;
  issuer: string;
  /** The notice's text and the studios it names, with what they did (CommendationNoticeContent). */
  content_json: string;
  created_by: number | null;
  created_at: string;
}

/** The branch's decision on a party member's year-end grade (migration 0016). */
export interface YearEndGradeTable {
  id: Generated<number>;
  year: number;
  volunteer_id: number;
  unit_id: number;
  suggested: string | null;
  grade: string;
  reason: string | null;
  decided_by: number;
  decided_at: string;
}
