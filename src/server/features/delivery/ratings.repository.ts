import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// Every query of residents' ratings (评价), and of the services a rating code names.

/** The request a tracking code names, with its studio, or undefined. */
export async function findRequestToRate(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('service_requests')
    .innerJoin('studios', 'studios.id', 'service_requests.studio_id')
    .select([
      'service_requests.id',
      'service_requests.status',
      'service_requests.studio_id',
      'service_requests.completed_at',
      'service_requests.category_id',
      'studios.name',
      'service_requests.unit_id',
    ])
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

/** The record a rating code names, with its studio, or undefined. */
export async function findRecordToRate(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('service_records')
    .innerJoin('studios', 'studios.id', 'service_records.studio_id')
    .select([
      'service_records.id',
      'service_records.request_id',
      'service_records.studio_id',
      'service_records.served_at',
      'service_records.unit_id',
      'service_records.category_id',
      'service_records.created_at',
      'studios.name',
    ])
    .where('rating_code', '=', code)
    .executeTakeFirst();
}

/** The rating given to a request (when it names one) or else to a record, if any. */
export async function findRating(db: Kysely<Database>, s: { requestId: number | null; recordId: number | null }) {
  let q = db.selectFrom('ratings').select(['score', 'comment', 'created_at']);
  q = s.requestId ? q.where('request_id', '=', s.requestId) : q.where('record_id', '=', s.recordId ?? 0);
  return q.executeTakeFirst();
}

/** Writes a rating; answers its id. A second rating of the same service breaks a unique index. */
export async function insertRating(db: Kysely<Database>, values: Insertable<Database['ratings']>): Promise<number> {
  const row = await db.insertInto('ratings').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}
