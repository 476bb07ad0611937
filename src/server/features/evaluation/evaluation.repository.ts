import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { EvaluationProposalTable } from '../../../db/schema-evaluation.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { isCurrentScore, ofPublishedRun } from './current-score.repository.ts';

// Every query of quantitative evaluation: schemes, the quarter's figures, runs, scores, proposals.

/** Every version of the scheme, oldest first. */
export async function listSchemes(db: Kysely<Database>) {
  return db.selectFrom('evaluation_schemes').selectAll().orderBy('version').execute();
}

/** One version of the scheme. */
export async function findScheme(db: Kysely<Database>, version: number) {
  return db.selectFrom('evaluation_schemes').selectAll().where('version', '=', version).executeTakeFirst();
}

/** Writes a new version (numbered one above the highest); answers its number. */
export async function insertScheme(
  db: Kysely<Database>,
  s: { effectiveFrom: string; configJson: string; note: string | null; createdBy: number; at: string },
): Promise<number> {
  const top = await db
    .selectFrom('evaluation_schemes')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirst();
  const version = Number(top?.v ?? 0) + 1;
  await db
    .insertInto('evaluation_schemes')
    .values({
      version,
      effective_from: s.effectiveFrom,
      config_json: s.configJson,
      note: s.note,
      created_by: s.createdBy,
      created_at: s.at,
    })
    .execute();
  return version;
}

const inSubtree = (path: string) => subtreeRange(path);

const scoreColumns = [
  'evaluation_scores.id',
  'evaluation_scores.run_id',
  'evaluation_scores.quarter',
  'evaluation_scores.scheme_version',
  'evaluation_scores.studio_id',
  'evaluation_scores.street_id',
  'evaluation_scores.total',
  'evaluation_scores.added',
  'evaluation_scores.deducted',
  'evaluation_scores.vetoed',
  'evaluation_scores.district_rank',
  'evaluation_scores.street_rank',
  'evaluation_scores.changes_json',
  'evaluation_scores.created_at',
  'studios.name as studio_name',
  'unit.name as unit_name',
  'unit.path as unit_path',
  'street.name as street_name',
] as const;

function scoreQuery(db: Kysely<Database>) {
  return db
    .selectFrom('evaluation_scores')
    .innerJoin('studios', 'studios.id', 'evaluation_scores.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'evaluation_scores.unit_id')
    .innerJoin('org_units as street', 'street.id', 'evaluation_scores.street_id');
}

/** Current scores of a quarter in a subtree, best first (or only the given studios), a page at a time. */
export async function listScores(
  db: Kysely<Database>,
  f: { path: string; quarter: string; limit: number; offset: number },
) {
  const { from, to } = inSubtree(f.path);
  const base = scoreQuery(db)
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('evaluation_scores.quarter', '=', f.quarter)
    .where(isCurrentScore);
  const [rows, count] = await Promise.all([
    base
      .select(scoreColumns)
      .select('evaluation_scores.breakdown_json')
      .orderBy('evaluation_scores.district_rank')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One score row with its breakdown. */
export async function findScore(db: Kysely<Database>, id: number) {
  return (
    scoreQuery(db)
      .select(scoreColumns)
      .select('evaluation_scores.breakdown_json')
      .where('evaluation_scores.id', '=', id)
      // A pending run's scores are nobody's until it is published (current-score.repository.ts).
      .where(ofPublishedRun)
      .executeTakeFirst()
  );
}
export type ScoreRow = NonNullable<Awaited<ReturnType<typeof findScore>>>;

/** Every run's score of one studio in a quarter under a version, newest first. */
export async function scoreHistory(db: Kysely<Database>, studioId: number, quarter: string, version: number) {
  return db
    .selectFrom('evaluation_scores')
    .select(['id', 'run_id', 'total', 'created_at', 'changes_json'])
    .where('studio_id', '=', studioId)
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .where(ofPublishedRun)
    .orderBy('id', 'desc')
    .execute();
}

/** The current score of a studio in a quarter (the latest scheme version scored), if any. */
export async function currentScoreOf(db: Kysely<Database>, studioId: number, quarter: string) {
  return db
    .selectFrom('evaluation_scores')
    .select('id')
    .where('studio_id', '=', studioId)
    .where('quarter', '=', quarter)
    .where(isCurrentScore)
    .orderBy('scheme_version', 'desc')
    .executeTakeFirst();
}

/** Writes proposals a run made; one already made for the same kind, quarter and studio is kept. */
export async function insertProposals(
  db: Kysely<Database>,
  rows: Array<Insertable<EvaluationProposalTable>>,
): Promise<Array<{ id: number; kind: string; studio_id: number; unit_id: number }>> {
  const made: Array<{ id: number; kind: string; studio_id: number; unit_id: number }> = [];
  // Batches, in order: a re-run meets each of its thousands of proposals already made.
  for (let i = 0; i < rows.length; i += 200) {
    const written = await db
      .insertInto('evaluation_proposals')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['kind', 'quarter', 'studio_id']).doNothing())
      .returning(['id', 'kind', 'studio_id', 'unit_id'])
      .execute();
    for (const r of written) made.push(r);
  }
  return made;
}

const proposalColumns = [
  'evaluation_proposals.id',
  'evaluation_proposals.kind',
  'evaluation_proposals.quarter',
  'evaluation_proposals.studio_id',
  'evaluation_proposals.unit_id',
  'evaluation_proposals.street_id',
  'evaluation_proposals.score_id',
  'evaluation_proposals.reasons_json',
  'evaluation_proposals.status',
  'evaluation_proposals.outcome',
  'evaluation_proposals.reason',
  'evaluation_proposals.deadline',
  'evaluation_proposals.decided_at',
  'evaluation_proposals.created_at',
  'studios.name as studio_name',
  'studios.status as studio_status',
  'unit.name as unit_name',
  'unit.path as unit_path',
  'evaluation_scores.total',
  'evaluation_scores.district_rank',
] as const;

function proposalQuery(db: Kysely<Database>) {
  return db
    .selectFrom('evaluation_proposals')
    .innerJoin('studios', 'studios.id', 'evaluation_proposals.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'evaluation_proposals.unit_id')
    .innerJoin('evaluation_scores', 'evaluation_scores.id', 'evaluation_proposals.score_id');
}

/** One proposal with its studio, unit path (for scope) and score. */
export async function findProposal(db: Kysely<Database>, id: number) {
  return proposalQuery(db).select(proposalColumns).where('evaluation_proposals.id', '=', id).executeTakeFirst();
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** Proposals of studios in a subtree, newest first. */
export async function listProposals(
  db: Kysely<Database>,
  f: {
    path: string;
    kinds: string[];
    quarter?: string | undefined;
    status?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  const { from, to } = inSubtree(f.path);
  if (f.kinds.length === 0) return { rows: [], total: 0 };
  let base = proposalQuery(db)
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('evaluation_proposals.kind', 'in', f.kinds);
  if (f.quarter) base = base.where('evaluation_proposals.quarter', '=', f.quarter);
  if (f.status) base = base.where('evaluation_proposals.status', '=', f.status);
  const [rows, count] = await Promise.all([
    base
      .select(proposalColumns)
      .orderBy('evaluation_proposals.quarter', 'desc')
      .orderBy('evaluation_scores.district_rank')
      .orderBy('evaluation_proposals.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Changes a proposal only if it is still in the state read before; answers whether it changed. */
export async function updateProposalIf(
  db: Kysely<Database>,
  id: number,
  status: string,
  set: Updateable<EvaluationProposalTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_proposals')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The root units (districts) the quarterly job runs over. */
export async function rootUnits(db: Kysely<Database>) {
  return db.selectFrom('org_units').select(['id', 'path']).where('parent_id', 'is', null).orderBy('path').execute();
}

/** Whether a quarter has been run over a subtree's root (by its path) under a version. */
export async function hasRun(db: Kysely<Database>, quarter: string, version: number): Promise<boolean> {
  const r = await db
    .selectFrom('evaluation_runs')
    .select('id')
    .where('quarter', '=', quarter)
    .where('scheme_version', '=', version)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return r !== undefined;
}
