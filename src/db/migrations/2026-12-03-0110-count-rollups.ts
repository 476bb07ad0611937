import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * Counts kept on write for the dashboard (issue 13): residents' ratings by score, letters by
 * type and registry records by kind and screening status, per unit and every unit above it, per
 * day. Counting them per request read every rating of the province (over a million), every
 * letter and every registry record; the dashboard now sums a few thousand cells.
 */
export function countRollupsMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('count_rollups')
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('subject', 'varchar(16)', (c) => c.notNull())
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('key', 'varchar(48)', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('count_rollups_pk', ['unit_id', 'subject', 'day', 'key'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('count_rollups').execute();
    },
  };
}
