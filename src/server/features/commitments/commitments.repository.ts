import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** A commitment as stored. */
export type CommitmentRow = Selectable<Database['commitments']>;

/** A studio's commitments in the given statuses: drafts before published ones, each set in its order. */
export async function listCommitmentRows(
  db: Kysely<Database>,
  studioId: number,
  statuses: string[],
): Promise<CommitmentRow[]> {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('studio_id', '=', studioId)
    .where('status', 'in', statuses)
    .orderBy('status', 'desc')
    .orderBy('position')
    .execute();
}

/** The monthly checks of several commitments, in one query. */
export async function listChecks(db: Kysely<Database>, commitmentIds: number[]) {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('commitment_checks')
    .select(['commitment_id', 'kept'])
    .where('commitment_id', 'in', commitmentIds)
    .execute();
}

/** One commitment of a studio, or undefined. */
export async function findCommitment(db: Kysely<Database>, studioId: number, commitmentId: number) {
  return db
    .selectFrom('commitments')
    .select(['id', 'status'])
    .where('id', '=', commitmentId)
    .where('studio_id', '=', studioId)
    .executeTakeFirst();
}

/** Replaces a studio's drafts with these items, in their order. */
export async function replaceDrafts(
  db: Kysely<Database>,
  studioId: number,
  items: Array<{ kind: string; text: string; target?: number | null | undefined }>,
  at: string,
): Promise<void> {
  await db.deleteFrom('commitments').where('studio_id', '=', studioId).where('status', '=', 'draft').execute();
  await db
    .insertInto('commitments')
    .values(
      items.map((i, n) => ({
        studio_id: studioId,
        kind: i.kind,
        text: i.text,
        target: i.target ?? null,
        position: n + 1,
        status: 'draft',
        published_at: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** A studio's drafts in order. */
export async function listDrafts(db: Kysely<Database>, studioId: number) {
  return db
    .selectFrom('commitments')
    .select(['id', 'text'])
    .where('studio_id', '=', studioId)
    .where('status', '=', 'draft')
    .orderBy('position')
    .execute();
}

/** Withdraws the published set and publishes the drafts in its place. */
export async function publishDrafts(db: Kysely<Database>, studioId: number, at: string): Promise<void> {
  await db
    .updateTable('commitments')
    .set({ status: 'withdrawn', updated_at: at })
    .where('studio_id', '=', studioId)
    .where('status', '=', 'published')
    .execute();
  await db
    .updateTable('commitments')
    .set({ status: 'published', published_at: at, updated_at: at })
    .where('studio_id', '=', studioId)
    .where('status', '=', 'draft')
    .execute();
}

/** Records whether a commitment was kept in a month, replacing an earlier check of that month. */
export async function replaceCheck(
  db: Kysely<Database>,
  check: { commitmentId: number; period: string; kept: boolean; note: string; checkedBy: number; at: string },
): Promise<void> {
  await db
    .deleteFrom('commitment_checks')
    .where('commitment_id', '=', check.commitmentId)
    .where('period', '=', check.period)
    .execute();
  await db
    .insertInto('commitment_checks')
    .values({
      commitment_id: check.commitmentId,
      period: check.period,
      kept: check.kept ? 1 : 0,
      note: check.note,
      checked_by: check.checkedBy,
      at: check.at,
    })
    .execute();
}
