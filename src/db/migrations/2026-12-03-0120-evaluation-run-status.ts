import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * A quarterly run writes its scores in batches while it scores the streets, as a pending run
 * nobody sees, and publishes it in one short step (features/evaluation/runs.repository.ts).
 * `status` says which a run is; every run written before this was published at once.
 */
export function evaluationRunStatusMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('evaluation_runs')
        .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('published'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      // Without the column a pending run would read as published: its scores and row go first.
      const d = db as Kysely<{
        evaluation_runs: { id: number; status: string };
        evaluation_scores: { run_id: number };
      }>;
      const pending = d.selectFrom('evaluation_runs').select('id').where('status', '=', 'pending');
      await d.deleteFrom('evaluation_scores').where('run_id', 'in', pending).execute();
      await d.deleteFrom('evaluation_runs').where('status', '=', 'pending').execute();
      await db.schema.alterTable('evaluation_runs').dropColumn('status').execute();
    },
  };
}
