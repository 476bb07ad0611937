import type { Insertable, Kysely, Updateable } from 'kysely';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { Database } from '../../../db/schema.ts';
import { serialize } from '../../counters.repository.ts';

// Every query of residents' service requests and their history.

/** How many open (assigned or accepted) requests each of these studios holds. */
export async function countOpenRequests(db: Kysely<Database>, studioIds: number[]): Promise<Map<number, number>> {
  if (studioIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_requests')
    .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('studio_id', 'in', studioIds)
    .where('status', 'in', ['assigned', 'accepted'])
    .groupBy('studio_id')
    .execute();
  return new Map(rows.flatMap((o) => (o.studio_id === null ? [] : [[o.studio_id, Number(o.n)] as const])));
}

/** Takes the lock residents' new requests are written under, so a duplicate check and its insert cannot interleave. */
export async function lockRequestIntake(trx: Kysely<Database>): Promise<void> {
  await serialize(trx, 'request_intake');
}

/** Requests sent from a phone since a time, with the studio each went to (for spotting duplicates). */
export async function listRecentRequests(db: Kysely<Database>, phone: string, since: string) {
  return db
    .selectFrom('service_requests')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .select([
      'service_requests.tracking_code',
      'service_requests.status',
      'service_requests.text',
      'service_requests.category_id',
      'service_requests.created_at',
      'studios.name as studio_name',
    ])
    .where('service_requests.resident_phone', '=', phone)
    .where('service_requests.created_at', '>=', since)
    .execute();
}

/** Writes a request; answers its id. */
export async function insertRequest(
  db: Kysely<Database>,
  values: Insertable<Database['service_requests']>,
): Promise<number> {
  const row = await db.insertInto('service_requests').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Adds an entry to a request's history (assigned, declined, accepted, …). */
export async function insertRequestEvent(
  db: Kysely<Database>,
  values: Insertable<Database['service_request_events']>,
): Promise<void> {
  await db.insertInto('service_request_events').values(values).execute();
}

/** A request by its tracking code, with its studio's name and phone. */
export async function findRequestByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('service_requests')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .selectAll('service_requests')
    .select(['studios.name as studio_name', 'studios.contact_phone as studio_phone'])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

/** The tracking codes of the requests sent with this phone number, newest first. */
export async function listCodesByPhone(db: Kysely<Database>, phone: string) {
  const rows = await db
    .selectFrom('service_requests')
    .select('tracking_code')
    .where('resident_phone', '=', phone)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.tracking_code);
}

/** A request's history, oldest first. */
export async function listRequestEvents(db: Kysely<Database>, requestId: number) {
  return db
    .selectFrom('service_request_events')
    .select(['action', 'at'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** A request with the paths that place it: the resident's community and the studio holding it. */
export async function findRequest(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('service_requests')
    .innerJoin('org_units', 'org_units.id', 'service_requests.unit_id')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .leftJoin('org_units as su', 'su.id', 'studios.unit_id')
    .selectAll('service_requests')
    .select(['org_units.path as unit_path', 'su.path as studio_path', 'studios.name as studio_name'])
    .where('service_requests.id', '=', id)
    .executeTakeFirst();
}

/** The studio a request is assigned to, or undefined when there is no such request. */
export async function findRequestStudio(db: Kysely<Database>, id: number) {
  return db.selectFrom('service_requests').select(['studio_id']).where('id', '=', id).executeTakeFirst();
}

/** The columns a transition changes. */
export type RequestChange = Updateable<Database['service_requests']>;

/**
 * Moves a request on, only if it still has the status it was read with, so two people
 * acting at once cannot both succeed. Answers whether it moved.
 */
export async function moveRequest(
  db: Kysely<Database>,
  id: number,
  fromStatus: string,
  set: RequestChange,
): Promise<boolean> {
  const moved = await db
    .updateTable('service_requests')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) === 1;
}

/** Which requests a list covers: those of some studios (a member's), or those placed in a subtree. */
export type RequestFilter = ({ studioIds: number[] } | { path: string }) & {
  status?: string | undefined;
  studioId?: number | undefined;
};

/**
 * A page of requests, newest first, and how many match. A request lies in a subtree when the
 * resident's community or the studio holding it does.
 */
export async function listRequestRows(db: Kysely<Database>, f: RequestFilter, page: { limit: number; offset: number }) {
  let base = db
    .selectFrom('service_requests')
    .innerJoin('org_units', 'org_units.id', 'service_requests.unit_id')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .leftJoin('org_units as su', 'su.id', 'studios.unit_id');
  if ('studioIds' in f) {
    base = base.where('service_requests.studio_id', 'in', f.studioIds.length ? f.studioIds : [0]);
  } else {
    const { from, to } = subtreeRange(f.path);
    base = base.where((eb) =>
      eb.or([
        eb.and([eb('org_units.path', '>=', from), eb('org_units.path', '<', to)]),
        eb.and([eb('su.path', '>=', from), eb('su.path', '<', to)]),
      ]),
    );
  }
  if (f.status) base = base.where('service_requests.status', '=', f.status);
  if (f.studioId) base = base.where('service_requests.studio_id', '=', f.studioId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('service_requests')
      .select([
        'org_units.name as unit_name',
        'studios.name as studio_name',
        'su.path as studio_path',
        'org_units.path as unit_path',
      ])
      .orderBy('service_requests.created_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
/** A request as a list shows it. */
export type RequestListRow = Awaited<ReturnType<typeof listRequestRows>>['rows'][number];
