import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * Statistics and the bulletin (简报): the rollups of the service record book (person-times and
 * records per day and per month, by unit, category, mode and group served, kept for every unit
 * on a record's path so a dashboard at any level reads its own rows), the generated bulletins
 * with their edited versions, the venue type of a studio, and the mark of records brought in
 * from paper record books.
 */
export function statisticsMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('service_rollups')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('grain', 'varchar(5)', (c) => c.notNull())
        .addColumn('period', 'varchar(10)', (c) => c.notNull())
        .addColumn('category_id', 'integer', (c) => c.notNull())
        .addColumn('mode', 'varchar(16)', (c) => c.notNull())
        .addColumn('group_key', 'varchar(32)', (c) => c.notNull())
        .addColumn('records', 'integer', (c) => c.notNull())
        .addColumn('person_times', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_rollups_pk', [
          'unit_id',
          'grain',
          'period',
          'category_id',
          'mode',
          'group_key',
        ])
        .execute();

      await withId(db.schema.createTable('bulletins'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('issued_at', 'varchar(30)')
        .addUniqueConstraint('bulletins_number', ['unit_id', 'year', 'number'])
        .execute();
      await withId(db.schema.createTable('bulletin_versions'), engine)
        .addColumn('bulletin_id', 'integer', (c) => c.notNull().references('bulletins.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('author_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('bulletin_versions_version', ['bulletin_id', 'version'])
        .execute();

      await db.schema.alterTable('studios').addColumn('venue_type', 'varchar(16)').execute();
      await db.schema.alterTable('service_records').addColumn('import_id', 'integer').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('service_records').dropColumn('import_id').execute();
      await db.schema.alterTable('studios').dropColumn('venue_type').execute();
      for (const t of ['bulletin_versions', 'bulletins', 'service_rollups']) await db.schema.dropTable(t).execute();
    },
  };
}
