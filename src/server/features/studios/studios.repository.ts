import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { likeEscape } from '../../../db/like.ts';
import { bumpStudiosVersion } from '../statistics/studio-snapshot.repository.ts';

/** A studio with where it sits and who owns it: what every check needs. */
export async function findStudioCore(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .leftJoin('volunteers as leader', 'leader.id', 'studios.leader_volunteer_id')
    .selectAll('studios')
    .select([
      'org_units.path as unit_path',
      'org_units.name as unit_name',
      'leader.account_id as leader_account_id',
      'leader.name as leader_name',
    ])
    .where('studios.id', '=', id)
    .executeTakeFirst();
}
export type StudioCore = NonNullable<Awaited<ReturnType<typeof findStudioCore>>>;

/** What a list of studios is filtered by. */
export interface StudioFilter {
  path: string;
  status?: string | undefined;
  categoryId?: number | undefined;
  q?: string | undefined;
  ownerAccountId?: number | undefined;
  limit: number;
  offset: number;
}

/** Studios in a subtree, newest change first. */
export async function listStudios(db: Kysely<Database>, f: StudioFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .leftJoin('volunteers as leader', 'leader.id', 'studios.leader_volunteer_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (f.status) base = base.where('studios.status', '=', f.status);
  if (f.categoryId) {
    const categoryId = f.categoryId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('studio_categories as sc')
          .select('sc.studio_id')
          .whereRef('sc.studio_id', '=', 'studios.id')
          .where('sc.category_id', '=', categoryId),
      ),
    );
  }
  if (f.q) base = base.where(sql<boolean>`studios.name like ${`%${likeEscape(f.q)}%`} escape '\\'`);
  if (f.ownerAccountId) {
    const owner = f.ownerAccountId;
    base = base.where((eb) =>
      eb.or([eb('studios.applicant_account_id', '=', owner), eb('leader.account_id', '=', owner)]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'studios.id',
        'studios.name',
        'studios.status',
        'studios.unit_id',
        'studios.plaque_number',
        'studios.term_end',
        'studios.status_changed_at',
        'org_units.name as unit_name',
        'leader.name as leader_name',
      ])
      .orderBy('studios.status_changed_at', 'desc')
      .orderBy('studios.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const categories = await categoryIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, category_ids: categories.get(r.id) ?? [] })), total: Number(count.n) };
}

/** The category ids of several studios, in one query. */
export async function categoryIdsOf(db: Kysely<Database>, studioIds: number[]): Promise<Map<number, number[]>> {
  const map = new Map<number, number[]>();
  if (studioIds.length === 0) return map;
  const rows = await db
    .selectFrom('studio_categories')
    .select(['studio_id', 'category_id'])
    .where('studio_id', 'in', studioIds)
    .orderBy('category_id')
    .execute();
  for (const r of rows) map.set(r.studio_id, [...(map.get(r.studio_id) ?? []), r.category_id]);
  return map;
}

/** Everything the detail page shows beyond the core row. */
export async function loadStudioParts(db: Kysely<Database>, id: number) {
  const [items, members, qualifications, reviews, contracts, plaques, rectifications, history, categories] =
    await Promise.all([
      db
        .selectFrom('studio_service_items')
        .select(['title', 'description'])
        .where('studio_id', '=', id)
        .orderBy('position')
        .execute(),
      db
        .selectFrom('studio_members')
        .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
        .select(['volunteers.id', 'volunteers.name', 'volunteers.phone', 'studio_members.role'])
        .where('studio_members.studio_id', '=', id)
        .orderBy('studio_members.role')
        .orderBy('volunteers.id')
        .execute(),
      db
        .selectFrom('studio_qualifications')
        .select(['holder', 'title', 'issuer', 'attachment_id'])
        .where('studio_id', '=', id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('studio_reviews')
        .innerJoin('accounts', 'accounts.id', 'studio_reviews.reviewer_id')
        .selectAll('studio_reviews')
        .select('accounts.display_name as reviewer_name')
        .where('studio_id', '=', id)
        .orderBy('studio_reviews.id')
        .execute(),
      db.selectFrom('studio_contracts').selectAll().where('studio_id', '=', id).orderBy('id').execute(),
      db.selectFrom('plaques').selectAll().where('studio_id', '=', id).orderBy('id').execute(),
      db.selectFrom('studio_rectifications').selectAll().where('studio_id', '=', id).orderBy('id').execute(),
      // Who took each step by name and role, as they are now (not the username typed at the time).
      db
        .selectFrom('studio_transitions')
        .leftJoin('accounts', 'accounts.id', 'studio_transitions.actor_id')
        .selectAll('studio_transitions')
        .select(['accounts.display_name as actor_display_name', 'accounts.role as actor_role'])
        .where('studio_transitions.studio_id', '=', id)
        .orderBy('studio_transitions.id')
        .execute(),
      categoryIdsOf(db, [id]),
    ]);
  return {
    items,
    members,
    qualifications,
    reviews,
    contracts,
    plaques,
    rectifications,
    history,
    categoryIds: categories.get(id) ?? [],
  };
}

/** Everything the detail page shows beyond the core row, as `loadStudioParts` reads it. */
export type StudioParts = Awaited<ReturnType<typeof loadStudioParts>>;

/** The display name of an account (the applicant of a studio), or undefined. */
export async function findAccountDisplayName(db: Kysely<Database>, accountId: number): Promise<string | undefined> {
  const row = await db.selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirst();
  return row?.display_name;
}

/** Appends an entry to a studio's history. */
export async function insertHistory(
  db: Kysely<Database>,
  h: {
    studioId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number;
    actorName: string;
    note: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('studio_transitions')
    .values({
      studio_id: h.studioId,
      action: h.action,
      from_status: h.from,
      to_status: h.to,
      actor_id: h.actorId,
      actor_name: h.actorName,
      note: h.note,
      at: h.at,
    })
    .execute();
  await bumpStudiosVersion(db, h.at);
}
