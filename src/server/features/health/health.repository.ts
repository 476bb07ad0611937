import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { schemaVersion } from '../../../db/migrate.ts';

/** Asks the database for one row and its newest applied migration; throws when it cannot be reached. */
export async function probeDatabase(db: Kysely<Database>): Promise<{ schemaVersion: string | null }> {
  // Built, not raw: on SQLite it goes to the reader connection, which a write never holds up.
  await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
  return { schemaVersion: await schemaVersion(db as Kysely<unknown>) };
}
