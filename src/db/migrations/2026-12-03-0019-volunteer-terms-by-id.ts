import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * The registry's search terms in record order: a province-wide search for a common surname
 * (tens of thousands of matches) reads its page as the first rows of this index instead of
 * sorting every match, and estimates its total from how far the first thousand reach.
 */
export function volunteerTermsByIdMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('volunteer_terms_term_volunteer')
        .on('volunteer_terms')
        .columns(['term', 'volunteer_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('volunteer_terms_term_volunteer').execute();
    },
  };
}
