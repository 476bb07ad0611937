import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';

/**
 * Quantitative evaluation, second part: the commendation notices (通报表扬) the district issues
 * from confirmed commendations (each confirmed proposal points at the notice that named it), the
 * branch's decision on each party member's year-end grade, and whether a party member is still
 * probationary (预备党员: listed on the year-end sheet, not graded).
 */
export function evaluationNoticesMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('commendation_notices'), engine)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('number', 'varchar(60)', (c) => c.notNull().unique())
        .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('issuer', 'varchar(100)', (c) => c.notNull())
        .addColumn('content_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .alterTable('evaluation_proposals')
        // No foreign key: SQLite cannot drop a column that declares one, and `down` drops it.
        .addColumn('notice_id', 'integer')
        .execute();

      await withId(db.schema.createTable('year_end_grades'), engine)
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('suggested', 'varchar(16)')
        .addColumn('grade', 'varchar(16)', (c) => c.notNull())
        .addColumn('reason', 'varchar(500)')
        .addColumn('decided_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('decided_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('year_end_grades_once', ['year', 'volunteer_id'])
        .execute();

      await db.schema
        .alterTable('volunteers')
        .addColumn('probationary', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('volunteers').dropColumn('probationary').execute();
      await db.schema.dropTable('year_end_grades').execute();
      await db.schema.alterTable('evaluation_proposals').dropColumn('notice_id').execute();
      await db.schema.dropTable('commendation_notices').execute();
    },
  };
}
