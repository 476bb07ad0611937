import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { schemaVersion } from '../../../db/migrate.ts';

/** Asks the database for one row and its newest applied migration; throws when it cannot be reached. */
export async function probeDatabase(db: Kysely<Database>): Promise<{ schemaVersion: string | null }> {
  await sql`select 1`.execute(db);
  return { schemaVersion: await schemaVersion(db as Kysely<unknown>) };
}
