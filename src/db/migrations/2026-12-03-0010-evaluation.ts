import type { Kysely, Migration } from 'kysely';
import { withId, type Engine } from './helpers.ts';
import { defaultScheme } from '../../domain/evaluation/scheme.ts';

/**
 * Quantitative evaluation (量化考评): the district's versioned schemes (version 1 is the
 * default, in force from the start), the quarterly runs, every studio's score per run with
 * its breakdown (earlier runs stay as history), and the proposals a run makes.
 */
export function evaluationMigration(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('evaluation_schemes'), engine)
        .addColumn('version', 'integer', (c) => c.notNull().unique())
        .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('config_json', 'text', (c) => c.notNull())
        .addColumn('note', 'varchar(500)')
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ evaluation_schemes: Record<string, string | number | null> }>)
        .insertInto('evaluation_schemes')
        .values({
          version: 1,
          effective_from: '2000-01-01',
          config_json: JSON.stringify(defaultScheme),
          note: null,
          created_by: null,
          created_at: '2026-12-03T00:00:00.000Z',
        })
        .execute();

      await withId(db.schema.createTable('evaluation_runs'), engine)
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('scheme_version', 'integer', (c) => c.notNull())
        .addColumn('trigger', 'varchar(16)', (c) => c.notNull())
        .addColumn('run_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('scored', 'integer', (c) => c.notNull())
        .addColumn('changed', 'integer', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evaluation_runs_quarter').on('evaluation_runs').column('quarter').execute();

      await withId(db.schema.createTable('evaluation_scores'), engine)
        .addColumn('run_id', 'integer', (c) => c.notNull().references('evaluation_runs.id'))
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('scheme_version', 'integer', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('total', 'double precision', (c) => c.notNull())
        .addColumn('added', 'double precision', (c) => c.notNull())
        .addColumn('deducted', 'double precision', (c) => c.notNull())
        .addColumn('per_member', 'double precision', (c) => c.notNull())
        .addColumn('vetoed', 'integer', (c) => c.notNull())
        .addColumn('district_rank', 'integer', (c) => c.notNull())
        .addColumn('street_rank', 'integer', (c) => c.notNull())
        .addColumn('breakdown_json', 'text', (c) => c.notNull())
        .addColumn('changes_json', 'text')
        // The latest run's row of a (studio, quarter, scheme version) is current; earlier ones are history.
        .addColumn('is_current', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('evaluation_scores_quarter')
        .on('evaluation_scores')
        .columns(['quarter', 'is_current', 'street_id'])
        .execute();
      await db.schema
        .createIndex('evaluation_scores_studio')
        .on('evaluation_scores')
        .columns(['studio_id', 'quarter'])
        .execute();

      await withId(db.schema.createTable('evaluation_proposals'), engine)
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('quarter', 'varchar(7)', (c) => c.notNull())
        .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('street_id', 'integer', (c) => c.notNull().references('org_units.id'))
        .addColumn('score_id', 'integer', (c) => c.notNull().references('evaluation_scores.id'))
        .addColumn('reasons_json', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('outcome', 'varchar(16)')
        .addColumn('reason', 'varchar(500)')
        .addColumn('deadline', 'varchar(10)')
        .addColumn('decided_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('decided_at', 'varchar(30)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        // A re-run proposes a studio once per kind and quarter.
        .addUniqueConstraint('evaluation_proposals_once', ['kind', 'quarter', 'studio_id'])
        .execute();
      await db.schema
        .createIndex('evaluation_proposals_street')
        .on('evaluation_proposals')
        .columns(['street_id', 'status'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('evaluation_proposals').execute();
      await db.schema.dropTable('evaluation_scores').execute();
      await db.schema.dropTable('evaluation_runs').execute();
      await db.schema.dropTable('evaluation_schemes').execute();
    },
  };
}
