import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * A street's queue of open letters read every letter of its units, closed or not, to keep the
 * open ones: on the bench province 524 letters on as many pages for the 50 open, twice a request
 * (the page and its count), 9–25 ms on PostgreSQL. This index holds only the letters not yet
 * closed, so the queue reads those alone (0.1–0.4 ms there). The queue names the same condition
 * as a literal (`mailbox.repository.ts`), which both planners need to use a partial index.
 */
export function openLettersByUnitMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('letters_open_unit')
        .on('letters')
        .columns(['unit_id', 'next_due'])
        .where(sql.ref('status'), '<>', sql.lit('closed'))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('letters_open_unit').execute();
    },
  };
}
