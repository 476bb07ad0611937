import type { Kysely } from 'kysely';
import { volunteerSearchTerms, type SearchableRecord } from '../domain/registry/search-terms.ts';
import type { Database } from './schema.ts';

// Every writer of registry records (the API, the import, the demo seed, the bench) keeps
// their search terms with them, in the same transaction.
/** Replaces a record's search terms (after its name, profession or qualifications changed). */
export async function setSearchTerms(db: Kysely<Database>, volunteerId: number, record: SearchableRecord): Promise<void> {
  await db.deleteFrom('volunteer_terms').where('volunteer_id', '=', volunteerId).execute();
  await insertSearchTerms(db, [{ id: volunteerId, ...record }]);
}

/** Writes the search terms of new records, in batches. */
export async function insertSearchTerms(db: Kysely<Database>, records: Array<SearchableRecord & { id: number }>): Promise<void> {
  const rows = records.flatMap((r) => volunteerSearchTerms(r).map((term) => ({ term, volunteer_id: r.id })));
  for (let i = 0; i < rows.length; i += 2000) await db.insertInto('volunteer_terms').values(rows.slice(i, i + 2000)).execute();
}
