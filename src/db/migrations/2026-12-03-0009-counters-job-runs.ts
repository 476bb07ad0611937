import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * Writes that must not collide when several requests or instances run at once: `counters`
 * hands out numbers (plaque and contract numbers per year) with an atomic update, and its
 * rows double as named locks that serialise a check-then-insert (the registry's duplicate
 * check, a resident's repeated request); `job_runs` lets one instance claim a periodic job's
 * period, so the reminders run once per hour however many instances are up.
 */
export function countersAndJobRuns(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('counters')
        .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('job_runs')
        .addColumn('job', 'varchar(32)', (c) => c.notNull())
        .addColumn('period', 'varchar(32)', (c) => c.notNull())
        .addColumn('ran_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_runs_pk', ['job', 'period'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('job_runs').execute();
      await db.schema.dropTable('counters').execute();
    },
  };
}
