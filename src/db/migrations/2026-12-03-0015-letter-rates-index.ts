import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/** What the 三率 count reads of a letter, after the street and the day it was received. */
const RATE_COLUMNS = ['type', 'studio_id', 'acknowledged_on', 'ack_due', 'verdict', 'finding'];

/**
 * The 三率 table reads only this index: per street of the subtree, the letters received in the
 * period, with every column the counts need, so a province's quarter (tens of thousands of
 * letters over a thousand streets) is counted without touching the table. It replaces the
 * (street_id, received_on) index, its prefix.
 */
export function letterRatesIndexMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('letters_street_rates')
        .on('letters')
        .columns(['street_id', 'received_on', ...RATE_COLUMNS])
        .execute();
      await db.schema.dropIndex('letters_street_received').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema
        .createIndex('letters_street_received')
        .on('letters')
        .columns(['street_id', 'received_on'])
        .execute();
      await db.schema.dropIndex('letters_street_rates').execute();
    },
  };
}
