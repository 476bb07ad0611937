import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * The supervision mailbox (监督信箱): letters with their tracking codes, routing, deadlines
 * and verdicts; their timeline; their photos; and the days off the district adds to the
 * national working-day calendar.
 */
export function mailbox(engine: Engine): Migration {
  const blob = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('letters'), engine)
        .addColumn('tracking_code', 'varchar(16)', (c) => c.notNull().unique())
        .addColumn('type', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('text', 'varchar(2000)', (c) => c.notNull())
        .addColumn('writer_name', 'varchar(50)')
        .addColumn('writer_phone', 'varchar(20)')
        .addColumn('sender_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('handler_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('ack_days', 'integer', (c) => c.notNull())
        .addColumn('reply_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('reply_days', 'integer', (c) => c.notNull())
        .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('extension_reason', 'varchar(500)')
        .addColumn('extension_round', 'integer')
        .addColumn('ack_due', 'varchar(10)', (c) => c.notNull())
        .addColumn('reply_due', 'varchar(10)', (c) => c.notNull())
        .addColumn('next_due', 'varchar(10)')
        .addColumn('rating_due', 'varchar(10)')
        .addColumn('acknowledged_on', 'varchar(10)')
        .addColumn('first_verdict', 'varchar(16)')
        .addColumn('verdict', 'varchar(16)')
        .addColumn('finding', 'varchar(16)')
        .addColumn('finding_reason', 'varchar(1000)')
        .addColumn('ruled_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('closure', 'varchar(16)')
        .addColumn('forwarded_to', 'varchar(100)')
        .addColumn('forwarded_on', 'varchar(10)')
        .addColumn('overdue_on', 'varchar(10)')
        .addColumn('escalated_on', 'varchar(10)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('closed_at', 'varchar(30)')
        .execute();
      // The queue lists a subtree's letters; the job looks for passed deadlines; the 三率 count by street and studio.
      await db.schema.createIndex('letters_unit').on('letters').columns(['unit_id', 'next_due']).execute();
      await db.schema.createIndex('letters_next_due').on('letters').column('next_due').execute();
      await db.schema.createIndex('letters_rating_due').on('letters').column('rating_due').execute();
      await db.schema
        .createIndex('letters_street_received')
        .on('letters')
        .columns(['street_id', 'received_on'])
        .execute();
      await db.schema
        .createIndex('letters_studio_received')
        .on('letters')
        .columns(['studio_id', 'received_on'])
        .execute();
      await db.schema.createIndex('letters_sender').on('letters').columns(['sender_hash', 'created_at']).execute();

      await withId(db.schema.createTable('letter_events'), engine)
        .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id').onDelete('cascade'))
        .addColumn('action', 'varchar(20)', (c) => c.notNull())
        .addColumn('from_status', 'varchar(16)')
        .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('note', 'varchar(2000)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('letter_events_letter').on('letter_events').column('letter_id').execute();

      await withId(db.schema.createTable('letter_photos'), engine)
        .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('mime', 'varchar(40)', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('letter_photos_letter').on('letter_photos').column('letter_id').execute();

      await db.schema
        .createTable('calendar_days_off')
        .addColumn('day', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('reason', 'varchar(200)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['calendar_days_off', 'letter_photos', 'letter_events', 'letters'])
        await db.schema.dropTable(t).execute();
    },
  };
}
