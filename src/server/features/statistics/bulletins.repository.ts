import { sql, type Insertable, type Kysely } from 'kysely';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { Database } from '../../../db/schema.ts';

// Every query of the bulletins (简报): the bulletins and their versions, and the facts of a
// period a draft tells that the dashboard does not (needs by channel, studio events, examples).

/** The next number of a unit's bulletins in a year (第 N 期). */
export async function nextBulletinNumber(db: Kysely<Database>, unitId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('bulletins')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

/** Writes a bulletin; answers its id. */
export async function insertBulletin(db: Kysely<Database>, values: Insertable<Database['bulletins']>): Promise<number> {
  const row = await db.insertInto('bulletins').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Keeps a version of a bulletin's text. */
export async function insertBulletinVersion(
  db: Kysely<Database>,
  values: Insertable<Database['bulletin_versions']>,
): Promise<void> {
  await db.insertInto('bulletin_versions').values(values).execute();
}

/** Moves a bulletin to a new version, if it is still at the one read (two editors cannot both win). */
export async function bumpBulletinVersion(
  db: Kysely<Database>,
  id: number,
  from: number,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('bulletins')
    .set({ version: from + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const bulletinColumns = [
  'bulletins.id',
  'bulletins.unit_id',
  'bulletins.year',
  'bulletins.number',
  'bulletins.period_from',
  'bulletins.period_to',
  'bulletins.status',
  'bulletins.version',
  'bulletins.created_at',
  'bulletins.updated_at',
  'org_units.name as unit_name',
  'org_units.path as unit_path',
] as const;

/** A bulletin with its unit, or undefined. */
export async function findBulletin(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('bulletins')
    .innerJoin('org_units', 'org_units.id', 'bulletins.unit_id')
    .select(bulletinColumns)
    .where('bulletins.id', '=', id)
    .executeTakeFirst();
}
export type BulletinRow = NonNullable<Awaited<ReturnType<typeof findBulletin>>>;

/** A version of a bulletin's text. */
export async function findBulletinVersion(db: Kysely<Database>, bulletinId: number, version: number) {
  return db
    .selectFrom('bulletin_versions')
    .innerJoin('accounts', 'accounts.id', 'bulletin_versions.author_id')
    .select(['bulletin_versions.content_json', 'bulletin_versions.at', 'accounts.display_name as author'])
    .where('bulletin_id', '=', bulletinId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The bulletins of a subtree, latest first. */
export async function listBulletins(db: Kysely<Database>, path: string) {
  const r = subtreeRange(path);
  return db
    .selectFrom('bulletins')
    .innerJoin('org_units', 'org_units.id', 'bulletins.unit_id')
    .select(bulletinColumns)
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .orderBy('bulletins.year', 'desc')
    .orderBy('bulletins.number', 'desc')
    .limit(200)
    .execute();
}

/** Needs of the subtree recorded in [from, to) (days), by channel (民情日记, 征求意见, 入户访谈). */
export async function countNeedsByChannel(db: Kysely<Database>, path: string, from: string, to: string) {
  const r = subtreeRange(path);
  const rows = await db
    .selectFrom('needs')
    .innerJoin('org_units', 'org_units.id', 'needs.unit_id')
    .select(['needs.channel', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('needs.recorded_on', '>=', from)
    .where('needs.recorded_on', '<', to)
    .groupBy('needs.channel')
    .execute();
  return new Map(rows.map((x) => [x.channel, Number(x.n)]));
}

/** Studio transitions of the subtree in [from, to) (instants), by action (submit, sign, award, revoke …). */
export async function countStudioEvents(db: Kysely<Database>, path: string, from: string, to: string) {
  const r = subtreeRange(path);
  const rows = await db
    .selectFrom('studio_transitions')
    .innerJoin('studios', 'studios.id', 'studio_transitions.studio_id')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studio_transitions.action', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('studio_transitions.at', '>=', from)
    .where('studio_transitions.at', '<', to)
    .groupBy('studio_transitions.action')
    .execute();
  return new Map(rows.map((x) => [x.action, Number(x.n)]));
}

/**
 * The serving studios of the subtree that served most person-times in [from, to) (instants),
 * with their leaders and places: the bulletin's named examples. A bulletin is written a few
 * times a year, so this one reads the period's records of the subtree's serving studios, each
 * studio's from the (studio, served_at) index: summing the whole book's period by studio first
 * read every record of the province for a district's bulletin (18 s on the bench's 9 million).
 */
export async function listExampleStudios(db: Kysely<Database>, path: string, from: string, to: string, limit: number) {
  const r = subtreeRange(path);
  return db
    .selectFrom('studios')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .leftJoin('org_units as parent', 'parent.id', 'unit.parent_id')
    .innerJoin('volunteers', 'volunteers.id', 'studios.leader_volunteer_id')
    .select((eb) => [
      'studios.name',
      'studios.description',
      'volunteers.name as leader',
      'unit.short_name as unit_name',
      'unit.level as unit_level',
      'parent.short_name as parent_name',
      eb
        .selectFrom('service_records')
        .select(sql<number>`coalesce(sum(service_records.person_times), 0)`.as('p'))
        .whereRef('service_records.studio_id', '=', 'studios.id')
        .where('service_records.served_at', '>=', from)
        .where('service_records.served_at', '<', to)
        .as('person_times'),
    ])
    .where('unit.path', '>=', r.from)
    .where('unit.path', '<', r.to)
    .where('studios.status', 'in', ['active', 'rectification'])
    .orderBy('person_times', 'desc')
    .orderBy('studios.id')
    .limit(limit)
    .execute();
}
