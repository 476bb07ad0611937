import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { EvaluationScoreTable } from '../../../db/schema-evaluation.ts';
import { insertMany } from '../../../db/bulk-insert.ts';
import { hasNoLaterCurrent, ofPublishedRun } from './current-score.repository.ts';

// The queries of a run's life: its scores written while it is pending, its publication (one
// small write), then its predecessors' rows marked as history. What readers see of it is
// decided in current-score.repository.ts.

/** The newest published run of a quarter under a version (any root), or 0 when there is none. */
export async function latestPublishedRun(db: Kysely<Database>, quarter: string, version: number): Promise<number> {
  const r = await db
    .selectFrom('evaluation_runs')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Records a run as pending (nobody sees it or its scores yet); answers its id. */
export async function insertPendingRun(
  db: Kysely<Database>,
  run: { quarter: string; version: number; trigger: string; runBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('evaluation_runs')
    .values({
      quarter: run.quarter,
      scheme_version: run.version,
      status: 'pending',
      trigger: run.trigger,
      run_by: run.runBy,
      scored: 0,
      changed: 0,
      at: run.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The current breakdowns of some studios in a quarter under a version (what a run compares with). */
export async function currentBreakdownsOf(db: Kysely<Database>, studioIds: number[], quarter: string, version: number) {
  if (studioIds.length === 0) return [];
  return (
    db
      .selectFrom('evaluation_scores')
      .select(['studio_id', 'breakdown_json'])
      .where('studio_id', 'in', studioIds)
      .where('quarter', '=', quarter)
      .where('scheme_version', '=', version)
      // Unary plus: SQLite then reads by studio (the studio index), not every current score of the quarter.
      .where(sql<number>`+evaluation_scores.is_current`, '=', 1)
      .where(ofPublishedRun)
      .where(hasNoLaterCurrent)
      .execute()
  );
}

/** Writes some of a pending run's scores; answers their ids in the order given. */
export async function insertPendingScores(
  db: Kysely<Database>,
  rows: Array<Insertable<EvaluationScoreTable>>,
): Promise<number[]> {
  const first = rows[0];
  if (!first) return [];
  // Compiled once (bulk-insert.ts): a province's run writes 20,000+ rows in batches.
  const columns = Object.keys(first) as Array<keyof typeof first>;
  return insertMany(
    db,
    'evaluation_scores',
    columns,
    rows.map((r) => columns.map((c) => r[c] ?? null)),
    { perStatement: 50, returning: true },
  );
}

/** Sets the places of some of a pending run's scores (known once every street is scored). */
export async function setPlaces(
  db: Kysely<Database>,
  places: Array<{ id: number; district: number; street: number }>,
): Promise<void> {
  for (const p of places)
    await db
      .updateTable('evaluation_scores')
      .set({ district_rank: p.district, street_rank: p.street })
      .where('id', '=', p.id)
      .execute();
}

/**
 * Takes the scheme version's row lock for the publishing transaction (a write of nothing), so
 * that on PostgreSQL two runs of one version publish one after the other, each seeing the other's.
 */
export async function lockVersion(db: Kysely<Database>, version: number): Promise<void> {
  await db
    .updateTable('evaluation_schemes')
    .set((eb) => ({ version: eb.ref('version') }))
    .where('version', '=', version)
    .execute();
}

/** How many scores a run has written (from its first score's id on: run_id has no index). */
export async function countRunScores(db: Kysely<Database>, run: { id: number; firstScoreId: number }) {
  const r = await db
    .selectFrom('evaluation_scores')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '>=', run.firstScoreId)
    .where('run_id', '=', run.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Publishes a pending run, with its counts; answers whether it was still pending. */
export async function publishRun(
  db: Kysely<Database>,
  run: { id: number; version: number; scored: number; changed: number },
): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_runs')
    .set({ status: 'published', scored: run.scored, changed: run.changed })
    .where('id', '=', run.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks as history the earlier current scores of some studios a published run replaced. */
export async function retireReplaced(
  db: Kysely<Database>,
  run: { version: number; firstScoreId: number },
  quarter: string,
  studioIds: number[],
): Promise<void> {
  if (studioIds.length === 0) return;
  await db
    .updateTable('evaluation_scores')
    .set({ is_current: 0 })
    .where('studio_id', 'in', studioIds)
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', run.version)
    .where(sql<number>`+evaluation_scores.is_current`, '=', 1)
    .where('id', '<', run.firstScoreId)
    .execute();
}

/** The pending runs of a quarter under a version (a publication makes them obsolete). */
export async function pendingRuns(db: Kysely<Database>, quarter: string, version: number): Promise<number[]> {
  const rows = await db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .where('status', '=', 'pending')
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a run is still pending (a publication of its quarter deletes the runs it made obsolete). */
export async function isPending(db: Kysely<Database>, runId: number): Promise<boolean> {
  const r = await db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('id', '=', runId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r !== undefined;
}

/** Deletes up to `limit` of a run's scores from `fromId` on; answers the last id deleted (null: none left). */
export async function deleteRunScores(
  db: Kysely<Database>,
  run: { id: number; fromId: number },
  limit: number,
): Promise<number | null> {
  const ids = await db
    .selectFrom('evaluation_scores')
    .select('id')
    .where('id', '>=', run.fromId)
    .where('run_id', '=', run.id)
    .orderBy('id')
    .limit(limit)
    .execute();
  if (ids.length === 0) return null;
  await db
    .deleteFrom('evaluation_scores')
    .where(
      'id',
      'in',
      ids.map((r) => r.id),
    )
    .execute();
  return ids[ids.length - 1]?.id ?? null;
}

/** Deletes a pending run's row (its scores gone). */
export async function deletePendingRun(db: Kysely<Database>, runId: number): Promise<void> {
  await db.deleteFrom('evaluation_runs').where('id', '=', runId).where('status', '=', 'pending').execute();
}
