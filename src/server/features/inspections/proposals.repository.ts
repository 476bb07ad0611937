import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RectificationProposalTable } from '../../../db/schema-inspections.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

const columns = [
  'rectification_proposals.id',
  'rectification_proposals.inspection_id',
  'rectification_proposals.studio_id',
  'rectification_proposals.unit_id',
  'rectification_proposals.street_id',
  'rectification_proposals.total',
  'rectification_proposals.threshold',
  'rectification_proposals.status',
  'rectification_proposals.reason',
  'rectification_proposals.deadline',
  'rectification_proposals.decided_at',
  'rectification_proposals.created_at',
  'inspections.quarter',
  'inspections.ratings_json',
  'inspections.checklist_version',
  'studios.name as studio_name',
  'unit.name as unit_name',
  'unit.path as unit_path',
] as const;

function proposalQuery(db: Kysely<Database>) {
  return db
    .selectFrom('rectification_proposals')
    .innerJoin('inspections', 'inspections.id', 'rectification_proposals.inspection_id')
    .innerJoin('studios', 'studios.id', 'rectification_proposals.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'rectification_proposals.unit_id');
}

/** One proposal with its inspection's quarter and ratings and the studio's unit path (for scope). */
export async function findProposal(db: Kysely<Database>, id: number) {
  return proposalQuery(db).select(columns).where('rectification_proposals.id', '=', id).executeTakeFirst();
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** The proposal an inspection made, if any. */
export async function proposalOfInspection(db: Kysely<Database>, inspectionId: number) {
  return proposalQuery(db)
    .select(columns)
    .where('rectification_proposals.inspection_id', '=', inspectionId)
    .executeTakeFirst();
}

/** Proposals of studios in a subtree, newest first. */
export async function listProposals(
  db: Kysely<Database>,
  f: { path: string; status?: string | undefined; limit: number; offset: number },
) {
  const { from, to } = subtreeRange(f.path);
  let base = proposalQuery(db).where('unit.path', '>=', from).where('unit.path', '<', to);
  if (f.status) base = base.where('rectification_proposals.status', '=', f.status);
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('rectification_proposals.created_at', 'desc')
      .orderBy('rectification_proposals.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Records a proposal; an inspection makes at most one. */
export async function insertProposal(
  db: Kysely<Database>,
  row: Omit<RectificationProposalTable, 'id'>,
): Promise<number> {
  return (await db.insertInto('rectification_proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a proposal only if it is still in the state read before; answers whether it changed. */
export async function updateProposalIf(
  db: Kysely<Database>,
  id: number,
  status: string,
  set: Partial<Omit<RectificationProposalTable, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('rectification_proposals')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
