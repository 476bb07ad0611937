import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * Service delivery: residents' requests with their tracking codes and routing history,
 * the service record book with follow-up feedback and correction history, ratings (one
 * per service), and counters for rate limits shared by every server instance.
 */
export function serviceDelivery(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('service_requests'), engine)
        .addColumn('tracking_code', 'varchar(16)', (c) => c.notNull().unique())
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('text', 'varchar(500)', (c) => c.notNull())
        .addColumn('preferred_time', 'varchar(100)', (c) => c.notNull().defaultTo(''))
        .addColumn('resident_name', 'varchar(50)', (c) => c.notNull())
        .addColumn('resident_phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.references('studios.id'))
        .addColumn('declined_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('accepted_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('completed_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('service_requests_studio_status')
        .on('service_requests')
        .columns(['studio_id', 'status'])
        .execute();
      await db.schema
        .createIndex('service_requests_phone')
        .on('service_requests')
        .columns(['resident_phone', 'created_at'])
        .execute();
      await db.schema.createIndex('service_requests_unit').on('service_requests').column('unit_id').execute();

      await withId(db.schema.createTable('service_request_events'), engine)
        .addColumn('request_id', 'integer', (c) => c.notNull().references('service_requests.id').onDelete('cascade'))
        .addColumn('action', 'varchar(16)', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.references('studios.id'))
        .addColumn('actor_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('note', 'varchar(500)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('service_request_events_request')
        .on('service_request_events')
        .column('request_id')
        .execute();

      await withId(db.schema.createTable('service_records'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('request_id', 'integer', (c) => c.references('service_requests.id'))
        .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull())
        .addColumn('rating_code', 'varchar(16)', (c) => c.notNull().unique())
        .addColumn('served_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('duration_minutes', 'integer', (c) => c.notNull())
        .addColumn('recipient_name', 'varchar(50)')
        .addColumn('groups_json', 'varchar(300)', (c) => c.notNull())
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('content', 'varchar(1000)', (c) => c.notNull())
        .addColumn('person_times', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('service_records_idempotency', ['author_id', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('service_records_studio_served')
        .on('service_records')
        .columns(['studio_id', 'served_at'])
        .execute();
      await db.schema
        .createIndex('service_records_unit_served')
        .on('service_records')
        .columns(['unit_id', 'served_at'])
        .execute();
      await db.schema.createIndex('service_records_request').on('service_records').column('request_id').execute();

      await withId(db.schema.createTable('service_record_feedback'), engine)
        .addColumn('record_id', 'integer', (c) => c.notNull().references('service_records.id').onDelete('cascade'))
        .addColumn('on_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('result', 'varchar(500)', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('service_record_feedback_record')
        .on('service_record_feedback')
        .column('record_id')
        .execute();

      await withId(db.schema.createTable('service_record_revisions'), engine)
        .addColumn('record_id', 'integer', (c) => c.notNull().references('service_records.id').onDelete('cascade'))
        .addColumn('before_json', 'text', (c) => c.notNull())
        .addColumn('after_json', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('service_record_revisions_record')
        .on('service_record_revisions')
        .column('record_id')
        .execute();

      // One rating per service: a request or a walk-in record, never both counted twice.
      await withId(db.schema.createTable('ratings'), engine)
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('request_id', 'integer', (c) => c.unique().references('service_requests.id'))
        .addColumn('record_id', 'integer', (c) => c.unique().references('service_records.id'))
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('comment', 'varchar(500)', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('ratings_studio').on('ratings').column('studio_id').execute();

      await db.schema
        .createTable('rate_counters')
        .addColumn('key', 'varchar(100)', (c) => c.notNull())
        .addColumn('window_start', 'varchar(30)', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_counters_pk', ['key', 'window_start'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'rate_counters',
        'ratings',
        'service_record_revisions',
        'service_record_feedback',
        'service_records',
        'service_request_events',
        'service_requests',
      ])
        await db.schema.dropTable(t).execute();
    },
  };
}
