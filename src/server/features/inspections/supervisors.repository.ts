import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { SupervisorTable } from '../../../db/schema-inspections.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { likeEscape } from '../../../db/like.ts';

const columns = [
  'supervisors.id',
  'supervisors.street_id',
  'supervisors.account_id',
  'supervisors.name',
  'supervisors.phone',
  'supervisors.community_id',
  'supervisors.card_number',
  'supervisors.appointed_on',
  'supervisors.term_start',
  'supervisors.term_end',
  'supervisors.status',
  'supervisors.status_reason',
  'street.name as street_name',
  'street.path as street_path',
  'community.name as community_name',
  'accounts.username',
] as const;

function supervisorQuery(db: Kysely<Database>) {
  return db
    .selectFrom('supervisors')
    .innerJoin('org_units as street', 'street.id', 'supervisors.street_id')
    .innerJoin('accounts', 'accounts.id', 'supervisors.account_id')
    .leftJoin('org_units as community', 'community.id', 'supervisors.community_id');
}

/** One roster entry with its street (and the street's path, for scope), community and account. */
export async function findSupervisor(db: Kysely<Database>, id: number) {
  return supervisorQuery(db).select(columns).where('supervisors.id', '=', id).executeTakeFirst();
}
export type SupervisorRow = NonNullable<Awaited<ReturnType<typeof findSupervisor>>>;

export interface SupervisorFilter {
  path: string;
  /** Stored status; `term_ended` is read as active with a term before `today`. */
  status?: 'active' | 'term_ended' | 'dismissed' | undefined;
  today: string;
  q?: string | undefined;
  accountId?: number | undefined;
  limit: number;
  offset: number;
}

/** Roster entries of the streets in a subtree, by street and card number. */
export async function listSupervisors(db: Kysely<Database>, f: SupervisorFilter) {
  const { from, to } = subtreeRange(f.path);
  let base = supervisorQuery(db).where('street.path', '>=', from).where('street.path', '<', to);
  if (f.status === 'dismissed') base = base.where('supervisors.status', '=', 'dismissed');
  if (f.status === 'active')
    base = base.where('supervisors.status', '=', 'active').where('supervisors.term_end', '>=', f.today);
  if (f.status === 'term_ended')
    base = base.where('supervisors.status', '=', 'active').where('supervisors.term_end', '<', f.today);
  if (f.accountId) base = base.where('supervisors.account_id', '=', f.accountId);
  if (f.q) {
    const text = `%${likeEscape(f.q)}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`supervisors.name like ${text} escape '\\'`,
        sql<boolean>`supervisors.card_number like ${text} escape '\\'`,
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    base
      .select(columns)
      .orderBy('street.path')
      .orderBy('supervisors.card_number')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The account a roster entry would use: its role and the unit it is bound to. */
export async function findAccountForRoster(db: Kysely<Database>, accountId: number) {
  return db
    .selectFrom('accounts')
    .innerJoin('org_units', 'org_units.id', 'accounts.unit_id')
    .leftJoin('supervisors', 'supervisors.account_id', 'accounts.id')
    .select([
      'accounts.id',
      'accounts.role',
      'accounts.unit_id',
      'org_units.path as unit_path',
      'org_units.level as unit_level',
      'supervisors.id as supervisor_id',
    ])
    .where('accounts.id', '=', accountId)
    .executeTakeFirst();
}

/** Whether a card number is held by another roster entry. */
export async function cardNumberTaken(db: Kysely<Database>, number: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom('supervisors').select('id').where('card_number', '=', number);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** The next free card number of a year on a street: JD-<street code>-<year>-<seq>. */
export async function nextCardNumber(db: Kysely<Database>, prefix: string): Promise<string> {
  const rows = await db
    .selectFrom('supervisors')
    .select('card_number')
    .where('card_number', 'like', `${prefix}%`)
    .execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(r.card_number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(3, '0')}`;
}

/** Adds a roster entry; answers its id. */
export async function insertSupervisor(db: Kysely<Database>, row: Omit<SupervisorTable, 'id'>): Promise<number> {
  return (await db.insertInto('supervisors').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a roster entry. */
export async function updateSupervisor(
  db: Kysely<Database>,
  id: number,
  set: Partial<Omit<SupervisorTable, 'id'>>,
): Promise<void> {
  await db.updateTable('supervisors').set(set).where('id', '=', id).execute();
}

/** The supervisors of one street whose appointment runs on `today` (not dismissed, term not over). */
export async function activeSupervisorsOfStreet(db: Kysely<Database>, streetId: number, today: string) {
  return db
    .selectFrom('supervisors')
    .select(['id', 'community_id', 'account_id', 'name'])
    .where('street_id', '=', streetId)
    .where('status', '=', 'active')
    .where('term_start', '<=', today)
    .where('term_end', '>=', today)
    .orderBy('id')
    .execute();
}

/** Every street with at least one supervisor serving on `today`. */
export async function streetsWithActiveSupervisors(db: Kysely<Database>, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('supervisors')
    .select('street_id')
    .distinct()
    .where('status', '=', 'active')
    .where('term_start', '<=', today)
    .where('term_end', '>=', today)
    .orderBy('street_id')
    .execute();
  return rows.map((r) => r.street_id);
}

/** Each supervisor's inspections (quarter, state, submission), for their activity counts. */
export async function inspectionsOfSupervisors(db: Kysely<Database>, supervisorIds: number[]) {
  if (supervisorIds.length === 0) return [];
  return db
    .selectFrom('inspections')
    .select(['supervisor_id', 'quarter', 'status', 'submitted_at'])
    .where('supervisor_id', 'in', supervisorIds)
    .execute();
}
