import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * Since the search terms (0005) the registry is searched through `volunteer_terms`; the pinyin
 * and initials columns are only re-checked on rows found there, never looked up. Their two
 * indexes were kept up on every write of a person for nothing: on the 100,000-row import they
 * were two of the seven b-trees each new person went into.
 */
export function dropVolunteerNameIndexesMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('volunteers_pinyin').execute();
      await db.schema.dropIndex('volunteers_initials').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.createIndex('volunteers_pinyin').on('volunteers').column('pinyin').execute();
      await db.schema.createIndex('volunteers_initials').on('volunteers').column('initials').execute();
    },
  };
}
