import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { LetterEventTable, LetterPhotoTable, LetterTable } from '../../../db/schema-mailbox.ts';
import { holdsEveryUnit, isStreetLevel, streetLevels, subtreeRange } from '../../../domain/org-units/units.ts';
import { withLetterRateCounts } from '../statistics/supervision-counts.commands.ts';
import { orgTreeOf } from '../org-units/org-tree.repository.ts';
import { serialize } from '../../counters.repository.ts';
import { plannedPerCall } from '../../../db/pg-prepared.ts';

/**
 * A letter with the names and the path of what it is about, as every check and presenter needs it.
 * The studio's and the handler's names are sub-queries, not joins: PostgreSQL plans the queue's
 * statement at every call (its best plan depends on the subtree), and two more relations to
 * order made that planning most of the statement's time (the bench street's queue page as a named
 * statement, p50 of 190 runs: 1.41–1.43 ms with five relations, 1.04–1.05 ms with three; SQLite
 * answers the same either way).
 */
export function letterQuery(db: Kysely<Database>) {
  return db
    .selectFrom('letters')
    .innerJoin('org_units as unit', 'unit.id', 'letters.unit_id')
    .innerJoin('org_units as street', 'street.id', 'letters.street_id')
    .selectAll('letters')
    .select((eb) => [
      'unit.path as unit_path',
      'unit.name as unit_name',
      'street.name as street_name',
      eb
        .selectFrom('studios')
        .select('studios.name')
        .whereRef('studios.id', '=', 'letters.studio_id')
        .as('studio_name'),
      eb
        .selectFrom('accounts as handler')
        .select('handler.display_name')
        .whereRef('handler.id', '=', 'letters.handler_id')
        .as('handler_name'),
    ]);
}
export type LetterRow = NonNullable<Awaited<ReturnType<ReturnType<typeof letterQuery>['executeTakeFirst']>>>;

/** One letter by id. */
export async function findLetter(db: Kysely<Database>, id: number): Promise<LetterRow | undefined> {
  return letterQuery(db).where('letters.id', '=', id).executeTakeFirst();
}

/** One letter by its tracking code (codes are stored upper case). */
export async function findLetterByCode(db: Kysely<Database>, code: string): Promise<LetterRow | undefined> {
  return letterQuery(db).where('letters.tracking_code', '=', code.toUpperCase()).executeTakeFirst();
}

/** Takes the lock new letters are written under, so a duplicate check and its insert cannot interleave. */
export async function lockLetterIntake(trx: Kysely<Database>): Promise<void> {
  await serialize(trx, 'letter_intake');
}

/** The letters one sender wrote since an instant, for duplicate detection. */
export async function listRecentLettersBySender(db: Kysely<Database>, senderHash: string, since: string) {
  return db
    .selectFrom('letters')
    .select([
      'tracking_code',
      'type',
      'status',
      'studio_id',
      'unit_id',
      'text',
      'created_at',
      'forwarded_to',
      'forwarded_on',
    ])
    .where('sender_hash', '=', senderHash)
    .where('created_at', '>=', since)
    .orderBy('id')
    .execute();
}

/** The columns 三率's counts (statistics) read of a letter: a change of any moves them. */
const RATE_COLUMNS = ['type', 'street_id', 'received_on', 'ack_due', 'acknowledged_on', 'verdict', 'finding'] as const;
const countsRates = (set: Updateable<LetterTable>) => RATE_COLUMNS.some((c) => set[c] !== undefined);

/** Writes a new letter; answers its id. */
export async function insertLetter(db: Kysely<Database>, letter: Insertable<LetterTable>): Promise<number> {
  // 三率's counts take the new letter in, in the caller's transaction.
  return withLetterRateCounts(
    db,
    undefined,
    async () => (await db.insertInto('letters').values(letter).returning('id').executeTakeFirstOrThrow()).id,
    (id) => id,
  );
}

/**
 * Changes a letter only if it is still as it was read (its status, and for an extension, not
 * yet extended), so two people acting at once cannot both succeed; answers whether it changed.
 */
export async function updateLetterIf(
  db: Kysely<Database>,
  id: number,
  expected: { status: string; notExtended?: boolean },
  set: Updateable<LetterTable>,
): Promise<boolean> {
  let q = db.updateTable('letters').set(set).where('id', '=', id).where('status', '=', expected.status);
  if (expected.notExtended) q = q.where('extension_reason', 'is', null);
  const run = async () => Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
  return countsRates(set) ? withLetterRateCounts(db, id, run) : run();
}

/** Sets columns of a letter whatever its status (recomputed deadlines). */
export async function updateLetter(db: Kysely<Database>, id: number, set: Updateable<LetterTable>): Promise<void> {
  const run = async () => {
    await db.updateTable('letters').set(set).where('id', '=', id).execute();
  };
  await (countsRates(set) ? withLetterRateCounts(db, id, run) : run());
}

/** Appends a step to a letter's timeline. */
export async function insertLetterEvent(db: Kysely<Database>, event: Insertable<LetterEventTable>): Promise<void> {
  await db.insertInto('letter_events').values(event).execute();
}

/** A letter's timeline, oldest first. */
export async function listLetterEvents(db: Kysely<Database>, letterId: number) {
  return db
    .selectFrom('letter_events')
    .select(['action', 'from_status', 'to_status', 'actor_name', 'note', 'at'])
    .where('letter_id', '=', letterId)
    .orderBy('id')
    .execute();
}

/** Stores a letter's photos. */
export async function insertLetterPhotos(db: Kysely<Database>, photos: Insertable<LetterPhotoTable>[]): Promise<void> {
  if (photos.length > 0) await db.insertInto('letter_photos').values(photos).execute();
}

/** A letter's photos without their bytes. */
export async function listLetterPhotos(db: Kysely<Database>, letterId: number) {
  return db
    .selectFrom('letter_photos')
    .select(['id', 'width', 'height', 'size'])
    .where('letter_id', '=', letterId)
    .orderBy('position')
    .execute();
}

/** One photo of a letter, with its bytes. */
export async function findLetterPhoto(db: Kysely<Database>, letterId: number, photoId: number) {
  return db
    .selectFrom('letter_photos')
    .select(['mime', 'content', 'sha256'])
    .where('letter_id', '=', letterId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** Staff of a street who may handle its letters: its enabled street accounts. */
export async function listHandlerCandidates(db: Kysely<Database>, streetId: number) {
  return db
    .selectFrom('accounts')
    .select(['id', 'username', 'display_name'])
    .where('unit_id', '=', streetId)
    .where('role', '=', 'street_admin')
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
}

/** Open letters whose current deadline has passed: what the job flags and escalates. */
export async function listLettersPastDeadline(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('letters')
    .select(['id', 'status', 'unit_id', 'next_due', 'overdue_on', 'escalated_on'])
    .where('next_due', '<', today)
    .orderBy('id')
    .execute();
}

/** Flags a letter overdue for its current deadline; false when another run (or instance) already did. */
export async function flagOverdue(db: Kysely<Database>, id: number, due: string, today: string): Promise<boolean> {
  const r = await db
    .updateTable('letters')
    .set({ overdue_on: today })
    .where('id', '=', id)
    .where('next_due', '=', due)
    .where('overdue_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a letter escalated to the district; false when it already was. */
export async function flagEscalated(db: Kysely<Database>, id: number, today: string): Promise<boolean> {
  const r = await db
    .updateTable('letters')
    .set({ escalated_on: today })
    .where('id', '=', id)
    .where('escalated_on', 'is', null)
    .where('status', '<>', 'closed')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replied letters whose rating window has passed without a verdict. */
export async function listLettersPastRating(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('letters')
    .select(['id', 'status', 'type', 'unit_id', 'rating_due', 'round'])
    .where('status', 'in', ['replied', 'second_replied'])
    .where('rating_due', '<', today)
    .orderBy('id')
    .execute();
}

/** What the deadlines of open letters are computed from. */
export async function listOpenLetterDeadlines(db: Kysely<Database>) {
  return db
    .selectFrom('letters')
    .select([
      'id',
      'status',
      'round',
      'received_on',
      'ack_days',
      'reply_from',
      'reply_days',
      'extension_days',
      'extension_round',
      'ack_due',
      'reply_due',
      'next_due',
    ])
    .where('status', '<>', 'closed')
    .execute();
}

/**
 * The counts behind 三率, per street or per studio, for letters received in a period within a
 * subtree, read from covering indexes alone (migrations 0015 and 0140), never the table. Below a
 * street (`leaf`), the letters are matched by the path of the unit they are about.
 */
export function rateCountsQuery(
  db: Kysely<Database>,
  f: {
    path: string;
    from: string;
    to: string;
    today: string;
    by: 'street' | 'studio';
    leaf?: boolean;
    /** The subtree holds every unit: no letter needs its street's path checked. */
    whole?: boolean;
  },
) {
  const range = subtreeRange(f.path);
  const group = f.by === 'street' ? ('letters.street_id' as const) : ('letters.studio_id' as const);
  // The whole tree (per studio here; per street see `streetCountsQuery`) reads the period's
  // letters once, by `letters_received_rates`, and finds each one's street; it names no street,
  // so PostgreSQL's generic plan of the prepared statement (after five runs) is that range too,
  // not a walk per street (95 ms p50 on the bench province, against 20 ms). A district or a
  // street walks `letters_street_rates` once per street of it: SQLite's planner, which has no
  // statistics here, would read the whole province's quarter for them too (5.8 ms against 0.4 ms
  // for the bench district). A cross join keeps the streets outside on SQLite, which honours
  // that order; PostgreSQL plans it freely, but with the values: its generic plan, blind to
  // how narrow the streets are, read the province's quarter (7.7 ms against 1.3 ms).
  const perStreet = !f.leaf && !f.whole;
  let q = (
    perStreet
      ? db.selectFrom('org_units as street').crossJoin('letters').whereRef('letters.street_id', '=', 'street.id')
      : db.selectFrom('org_units as street').innerJoin('letters', 'letters.street_id', 'street.id')
  )
    .where('letters.type', '<>', 'accusation')
    .where('letters.received_on', '>=', f.from)
    .where('letters.received_on', '<=', f.to);
  if (f.leaf)
    q = q
      .innerJoin('org_units as unit', 'unit.id', 'letters.unit_id')
      .where('unit.path', '>=', range.from)
      .where('unit.path', '<', range.to);
  else {
    if (perStreet) q = q.where('street.path', '>=', range.from).where('street.path', '<', range.to);
    // Letters are routed to streets and towns only (mailbox-public.service.ts). Saying so also
    // tells PostgreSQL's planner that a district drives a few dozen index walks, not hundreds
    // (without it, it scanned every letter in parallel: 90 ms instead of 4 ms for a district,
    // and under 50 connections that held the pool for seconds), and that the whole tree's
    // letters meet 1,100 streets, not 18,000 units.
    q = q.where('street.level', 'in', streetLevels);
  }
  if (f.by === 'studio') q = q.where('letters.studio_id', 'is not', null);
  return q
    .$if(f.by === 'studio', (qb) =>
      // Only the per-studio table needs the studio's name (a join per letter otherwise wasted).
      qb
        .leftJoin('studios', 'studios.id', 'letters.studio_id')
        .select((eb) => eb.fn.max('studios.name').as('studio_name')),
    )
    .select([`${group} as group_id`, (eb) => eb.fn.max('street.name').as('street_name'), ...tallyColumns(f.today)])
    .groupBy(group)
    .$if(perStreet, (qb) => qb.modifyEnd(plannedPerCall));
}

/** The outcomes 三率 counts, over the letters of a group. */
function tallyColumns(today: string) {
  const count = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
  return [
    sql<number>`count(*)`.as('letters'),
    count(sql`letters.acknowledged_on is not null or letters.ack_due < ${today}`).as('due'),
    count(sql`letters.acknowledged_on <= letters.ack_due`).as('acknowledged_on_time'),
    count(sql`letters.verdict is not null`).as('rated'),
    count(sql`letters.verdict in ('satisfied', 'basic')`).as('resolved'),
    count(sql`letters.verdict = 'satisfied'`).as('satisfied'),
    count(sql`letters.verdict = 'basic'`).as('basic'),
    count(sql`letters.verdict = 'unsatisfied'`).as('unsatisfied'),
    count(sql`letters.finding = 'substantiated'`).as('substantiated'),
  ] as const;
}

/**
 * The whole tree by street: the period's letters counted per street from the covering index
 * alone; `countRates` names the streets from the tree held in memory. Joining each letter to its
 * street before grouping (as `rateCountsQuery` does below the top) cost a look-up per letter, and
 * PostgreSQL's generic plan of a join after grouping scanned every unit. For the bench province's
 * quarter (29,765 letters), p50 of the statement: PostgreSQL 31 → 13 ms, SQLite 19 → 13 ms.
 */
export function streetCountsQuery(db: Kysely<Database>, f: { from: string; to: string; today: string }) {
  return db
    .selectFrom('letters')
    .where('letters.type', '<>', 'accusation')
    .where('letters.received_on', '>=', f.from)
    .where('letters.received_on', '<=', f.to)
    .select(['letters.street_id as group_id', ...tallyColumns(f.today)])
    .groupBy('letters.street_id');
}

/** Runs the 三率 counts. */
export async function countRates(db: Kysely<Database>, f: Omit<Parameters<typeof rateCountsQuery>[1], 'whole'>) {
  const tree = await orgTreeOf(db);
  const whole = holdsEveryUnit(tree.paths, f.path);
  if (!whole || f.by !== 'street') return rateCountsQuery(db, { ...f, whole }).execute();
  const rows = await streetCountsQuery(db, f).execute();
  // Letters are routed to streets and towns only; the level is checked as the joins below the top do.
  return rows.flatMap((r) => {
    const street = tree.byId.get(r.group_id);
    return street && isStreetLevel(street.level) ? [{ ...r, street_name: street.name, studio_name: null }] : [];
  });
}
