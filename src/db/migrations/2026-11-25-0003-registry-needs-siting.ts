import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * The full registry (选好人), needs intake (访民情) and siting (找准点): registry fields and
 * skills, Excel imports, needs with their suggested and confirmed category, venues and
 * residential areas with coordinates (GCJ-02), and runtime settings.
 */
export function registryNeedsSiting(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, type] of [
        ['id_number_hash', 'varchar(64)'],
        ['id_number_masked', 'varchar(18)'],
        ['contact_name', 'varchar(100)'],
        ['qualifications', 'varchar(500)'],
        ['availability', 'varchar(200)'],
        ['notes', 'varchar(500)'],
        ['screened_by', 'integer'],
        ['screened_at', 'varchar(30)'],
        ['screening_reason', 'varchar(500)'],
      ] as const) {
        await db.schema.alterTable('volunteers').addColumn(name, type).execute();
      }
      await db.schema.createIndex('volunteers_id_hash').on('volunteers').column('id_number_hash').execute();
      await db.schema.createIndex('volunteers_phone').on('volunteers').column('phone').execute();
      await db.schema.createIndex('volunteers_pinyin').on('volunteers').column('pinyin').execute();
      await db.schema.createIndex('volunteers_initials').on('volunteers').column('initials').execute();

      await db.schema
        .createTable('volunteer_categories')
        .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.notNull().references('categories.id'))
        .addPrimaryKeyConstraint('volunteer_categories_pk', ['volunteer_id', 'category_id'])
        .execute();
      await db.schema
        .createIndex('volunteer_categories_category')
        .on('volunteer_categories')
        .column('category_id')
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('imports'), engine)
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('filename', 'varchar(200)', (c) => c.notNull())
        .addColumn('attachment_id', 'integer', (c) => c.notNull().references('attachments.id'))
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('error_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('duplicate_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('committed_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('report_json', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();

      await withId(db.schema.createTable('needs'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('channel', 'varchar(16)', (c) => c.notNull())
        .addColumn('recorded_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('resident_name', 'varchar(50)')
        .addColumn('resident_phone', 'varchar(20)')
        .addColumn('text', 'varchar(1000)', (c) => c.notNull())
        .addColumn('urgency', 'varchar(8)', (c) => c.notNull())
        .addColumn('suggested_category_id', 'integer', (c) => c.references('categories.id'))
        .addColumn('confidence', 'double precision')
        .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
        .addColumn('category_source', 'varchar(8)', (c) => c.notNull())
        .addColumn('corrected_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('needs_unit_date').on('needs').columns(['unit_id', 'recorded_on']).execute();
      await db.schema.createIndex('needs_category').on('needs').column('category_id').execute();

      await withId(db.schema.createTable('venues'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('type', 'varchar(16)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('venues_unit').on('venues').column('unit_id').execute();

      await withId(db.schema.createTable('residential_areas'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('population', 'integer', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('residential_areas_unit').on('residential_areas').column('unit_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['residential_areas', 'venues', 'needs', 'imports', 'settings', 'volunteer_categories'])
        await db.schema.dropTable(t).execute();
      await db.schema.dropIndex('volunteers_id_hash').execute();
      await db.schema.dropIndex('volunteers_phone').execute();
      await db.schema.dropIndex('volunteers_pinyin').execute();
      await db.schema.dropIndex('volunteers_initials').execute();
      for (const c of [
        'id_number_hash',
        'id_number_masked',
        'contact_name',
        'qualifications',
        'availability',
        'notes',
        'screened_by',
        'screened_at',
        'screening_reason',
      ]) {
        await db.schema.alterTable('volunteers').dropColumn(c).execute();
      }
    },
  };
}
