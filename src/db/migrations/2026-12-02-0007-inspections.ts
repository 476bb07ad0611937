import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';
import { defaultChecklist } from '../../domain/inspections/checklist.ts';

/**
 * Citizen supervisors (群众监督员) on each street's roster, the district's versioned
 * inspection checklist (version 1 is the default, so every install can inspect), quarterly
 * plans and inspections with their photos and history, and rectification proposals.
 */
export function inspectionsMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('supervisors'), engine)
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('account_id', 'integer', (c) => c.notNull().unique().references('accounts.id'))
        .addColumn('name', 'varchar(50)', (c) => c.notNull())
        .addColumn('phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('community_id', 'integer', (c) => c.references('org_units.id'))
        .addColumn('card_number', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('appointed_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('term_start', 'varchar(10)', (c) => c.notNull())
        .addColumn('term_end', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('status_reason', 'varchar(500)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('supervisors_street').on('supervisors').column('street_id').execute();

      await withId(db.schema.createTable('inspection_checklists'), engine)
        .addColumn('version', 'integer', (c) => c.notNull().unique())
        .addColumn('items_json', 'text', (c) => c.notNull())
        .addColumn('threshold', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ inspection_checklists: Record<string, string | number | null> }>)
        .insertInto('inspection_checklists')
        .values({
          version: 1,
          items_json: JSON.stringify(defaultChecklist.items),
          threshold: defaultChecklist.threshold,
          created_by: null,
          created_at: '2026-12-02T00:00:00.000Z',
        })
        .execute();

      await db.schema
        .createTable('inspection_plans')
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('generated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('generated_by', 'integer', (c) => c.references('accounts.id'))
        .addPrimaryKeyConstraint('inspection_plans_pk', ['street_id', 'quarter'])
        .execute();

      await withId(db.schema.createTable('inspections'), engine)
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('supervisor_id', 'integer', (c) => c.notNull().references('supervisors.id'))
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('checklist_version', 'integer')
        .addColumn('ratings_json', 'text')
        .addColumn('total', 'double precision')
        .addColumn('visited_at', 'varchar(30)')
        .addColumn('lng', 'double precision')
        .addColumn('lat', 'double precision')
        .addColumn('idempotency_key', 'varchar(64)')
        .addColumn('submitted_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('submitted_at', 'varchar(30)')
        .addColumn('corrected_at', 'varchar(30)')
        .addColumn('cancel_reason', 'varchar(500)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        // Planning twice (two instances, or the job and the street's button) adds nothing.
        .addUniqueConstraint('inspections_plan_round', ['quarter', 'studio_id', 'round'])
        // One submission per key and author: a retried submission finds the one already written.
        .addUniqueConstraint('inspections_idempotency', ['submitted_by', 'idempotency_key'])
        .execute();
      await db.schema
        .createIndex('inspections_street_quarter')
        .on('inspections')
        .columns(['street_id', 'quarter'])
        .execute();
      await db.schema
        .createIndex('inspections_supervisor_quarter')
        .on('inspections')
        .columns(['supervisor_id', 'quarter'])
        .execute();
      await db.schema.createIndex('inspections_unit').on('inspections').column('unit_id').execute();
      await db.schema.createIndex('inspections_studio').on('inspections').column('studio_id').execute();

      await withId(db.schema.createTable('inspection_photos'), engine)
        .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id').onDelete('cascade'))
        .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inspection_photos_inspection')
        .on('inspection_photos')
        .column('inspection_id')
        .execute();

      await withId(db.schema.createTable('inspection_events'), engine)
        .addColumn('inspection_id', 'integer', (c) => c.notNull().references('inspections.id').onDelete('cascade'))
        .addColumn('action', 'varchar(16)', (c) => c.notNull())
        .addColumn('from_status', 'varchar(16)')
        .addColumn('to_status', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor_id', 'integer', (c) => c.references('accounts.id'))
        .addColumn('actor_name', 'varchar(100)')
        .addColumn('note', 'varchar(500)')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('inspection_events_inspection')
        .on('inspection_events')
        .column('inspection_id')
        .execute();

      await withId(db.schema.createTable('rectification_proposals'), engine)
        .addColumn('inspection_id', 'integer', (c) => c.notNull().unique().references('inspections.id'))
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('threshold', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('reason', 'varchar(500)')
        .addColumn('deadline', 'varchar(10)')
        .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('decided_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rectification_proposals_street')
        .on('rectification_proposals')
        .columns(['street_id', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      // Photos live in `attachments`: note which ones inspections held, and remove them once their links are gone.
      const photos = db as Kysely<{ inspection_photos: { attachment_id: number }; attachments: { id: number } }>;
      const held = (await photos.selectFrom('inspection_photos').select('attachment_id').execute()).map(
        (p) => p.attachment_id,
      );
      for (const t of [
        'rectification_proposals',
        'inspection_events',
        'inspection_photos',
        'inspections',
        'inspection_plans',
        'inspection_checklists',
        'supervisors',
      ])
        await db.schema.dropTable(t).execute();
      for (let i = 0; i < held.length; i += 500)
        await photos
          .deleteFrom('attachments')
          .where('id', 'in', held.slice(i, i + 500))
          .execute();
    },
  };
}
