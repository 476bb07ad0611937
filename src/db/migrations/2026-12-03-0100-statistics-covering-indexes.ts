import type { Kysely, Migration } from 'kysely';
import type { Engine } from './helpers.ts';

/**
 * The dashboard counts a subtree's letters, registry, inspections and studios unit by unit
 * (the org tree's path range, then each unit's rows). At province scale that meant hundreds of
 * thousands of row lookups for a few columns; these indexes hold, after the unit, the date the
 * count filters on and the columns it groups by, so each count reads only the index. Where an
 * index on the unit alone existed it is the new one's prefix, and goes.
 */
const COVERING = [
  { name: 'letters_unit_received', table: 'letters', columns: ['unit_id', 'received_on', 'type'], replaces: null },
  {
    name: 'volunteers_unit_created',
    table: 'volunteers',
    columns: ['unit_id', 'created_at', 'kind', 'screening_status'],
    replaces: 'volunteers_unit',
  },
  {
    name: 'inspections_unit_due',
    table: 'inspections',
    columns: ['unit_id', 'due_on', 'status'],
    replaces: 'inspections_unit',
  },
  {
    name: 'studios_unit_created',
    table: 'studios',
    columns: ['unit_id', 'created_at', 'status', 'venue_type'],
    replaces: 'studios_unit',
  },
] as const;

/** Covering indexes for the statistics dashboard's counts by subtree. */
export function statisticsCoveringIndexesMigration(_engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const ix of COVERING) {
        await db.schema
          .createIndex(ix.name)
          .on(ix.table)
          .columns([...ix.columns])
          .execute();
        if (ix.replaces) await db.schema.dropIndex(ix.replaces).execute();
      }
    },
    async down(db: Kysely<unknown>) {
      for (const ix of COVERING) {
        if (ix.replaces) await db.schema.createIndex(ix.replaces).on(ix.table).column('unit_id').execute();
        await db.schema.dropIndex(ix.name).execute();
      }
    },
  };
}
