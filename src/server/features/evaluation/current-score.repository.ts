import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// Which score rows readers see. A run writes its scores while it scores the streets, marked
// current, under a run row whose status is pending (runs.repository.ts); it is published by
// setting that one row's status. Its predecessors' rows are marked as
// history afterwards, in short transactions (on SQLite, rewriting 20,000 rows of a few KB each
// in the publishing transaction held the one connection for seconds). So a row is current when
// it is marked so, its run is published, and no later row of a published run is current for
// the same studio, quarter and version; once the predecessors are marked, the last two are
// true of every row marked current.

type ScoresEb = ExpressionBuilder<Database, 'evaluation_scores'>;

/** Whether the run of a score row is published. */
export function ofPublishedRun(eb: ScoresEb) {
  return eb.exists(
    eb
      .selectFrom('evaluation_runs as score_run')
      .select('score_run.id')
      .whereRef('score_run.id', '=', 'evaluation_scores.run_id')
      .where('score_run.status', '=', 'published'),
  );
}

/** Whether no later row of a published run is current for the same studio, quarter and version. */
export function hasNoLaterCurrent(eb: ScoresEb) {
  return eb.not(
    eb.exists(
      eb
        .selectFrom('evaluation_scores as later')
        .innerJoin('evaluation_runs as later_run', 'later_run.id', 'later.run_id')
        .select('later.id')
        .whereRef('later.studio_id', '=', 'evaluation_scores.studio_id')
        .whereRef('later.quarter', '=', 'evaluation_scores.quarter')
        .whereRef('later.scheme_version', '=', 'evaluation_scores.scheme_version')
        .whereRef('later.id', '>', 'evaluation_scores.id')
        .where('later.is_current', '=', 1)
        .where('later_run.status', '=', 'published'),
    ),
  );
}

/** Whether a score row is the current one of its studio, quarter and version. */
export function isCurrentScore(eb: ScoresEb) {
  return eb.and([eb('evaluation_scores.is_current', '=', 1), ofPublishedRun(eb), hasNoLaterCurrent(eb)]);
}
