import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { EvaluationScoreTable } from '../../../db/schema-evaluation.ts';
import { insertMany } from '../../../db/bulk-insert.ts';

// The queries of a run's life: written as pending in short transactions, published in one.
//
// A pending run's row and its scores carry the scheme version negated (and the scores
// is_current 0). Every reader asks for a version or for is_current = 1, so it passes over
// them until publishScores and publishRun flip them in the publishing transaction; a run that
// dies half-way leaves only rows nobody reads, which a later publication deletes.

/** The version a pending run and its scores are stored under until published. */
export const pendingVersion = (version: number) => -version;

/** The newest published run of a quarter under a version (any root), or 0 when there is none. */
export async function latestPublishedRun(db: Kysely<Database>, quarter: string, version: number): Promise<number> {
  const r = await db
    .selectFrom('evaluation_runs')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .executeTakeFirst();
  return Number(r?.id ?? 0);
}

/** Records a run as pending (nobody sees it yet); answers its id. */
export async function insertPendingRun(
  db: Kysely<Database>,
  run: { quarter: string; version: number; trigger: string; runBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('evaluation_runs')
    .values({
      quarter: run.quarter,
      scheme_version: pendingVersion(run.version),
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
  return db
    .selectFrom('evaluation_scores')
    .select(['studio_id', 'breakdown_json'])
    .where('studio_id', 'in', studioIds)
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .where('is_current', '=', 1)
    .execute();
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
    { perStatement: 100, returning: true },
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

/** Makes history of the current scores of the studios a pending run scored (it replaces them). */
export async function retireScoresReplacedBy(
  db: Kysely<Database>,
  run: { id: number; version: number; firstScoreId: number },
  quarter: string,
): Promise<void> {
  await db
    .updateTable('evaluation_scores')
    .set({ is_current: 0 })
    .where('quarter', '=', quarter)
    .where('is_current', '=', 1)
    .where('scheme_version', '=', run.version)
    .where('studio_id', 'in', (eb) =>
      eb
        .selectFrom('evaluation_scores as pending')
        .select('pending.studio_id')
        .where('pending.id', '>=', run.firstScoreId)
        .where('pending.run_id', '=', run.id),
    )
    .execute();
}

/** Makes a pending run's scores current; answers how many there were. */
export async function publishScores(
  db: Kysely<Database>,
  run: { id: number; version: number; firstScoreId: number },
): Promise<number> {
  const r = await db
    .updateTable('evaluation_scores')
    .set({ scheme_version: run.version, is_current: 1 })
    // The id bound lets SQLite read the run's rows by key (run_id has no index).
    .where('id', '>=', run.firstScoreId)
    .where('run_id', '=', run.id)
    .where('scheme_version', '=', pendingVersion(run.version))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Makes a pending run's row published, with its counts. */
export async function publishRun(
  db: Kysely<Database>,
  run: { id: number; version: number; scored: number; changed: number },
): Promise<void> {
  await db
    .updateTable('evaluation_runs')
    .set({ scheme_version: run.version, scored: run.scored, changed: run.changed })
    .where('id', '=', run.id)
    .execute();
}

/** The pending runs of a quarter under a version (a publication makes them obsolete). */
export async function pendingRuns(db: Kysely<Database>, quarter: string, version: number): Promise<number[]> {
  const rows = await db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', pendingVersion(version))
    .execute();
  return rows.map((r) => r.id);
}

/** Whether a run is still pending (a publication of its quarter deletes the runs it made obsolete). */
export async function isPending(db: Kysely<Database>, runId: number): Promise<boolean> {
  const r = await db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('id', '=', runId)
    .where('scheme_version', '<', 0)
    .executeTakeFirst();
  return r !== undefined;
}

/** Deletes up to `limit` of a pending run's scores from `fromId` on; answers the last id deleted (null: none left). */
export async function deletePendingScores(
  db: Kysely<Database>,
  run: { id: number; fromId: number },
  limit: number,
): Promise<number | null> {
  const ids = await db
    .selectFrom('evaluation_scores')
    .select('id')
    .where('id', '>=', run.fromId)
    .where('run_id', '=', run.id)
    .where('scheme_version', '<', 0)
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
  await db.deleteFrom('evaluation_runs').where('id', '=', runId).where('scheme_version', '<', 0).execute();
}
