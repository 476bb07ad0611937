import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { volunteerSearchTerms, type SearchableRecord } from '../../../domain/registry/search-terms.ts';
import { registryChanged } from './registry-pages.repository.ts';

// Every writer of registry records (the API, the import, the demo seed, the bench) keeps their
// search terms with them, in the same transaction.

/** A record as its terms need it: its text, keys and unit. */
export type TermSource = SearchableRecord & { id: number; unit_id: number };

/** Replaces a record's search terms (after its text or its unit changed). */
export async function setSearchTerms(db: Kysely<Database>, record: TermSource): Promise<void> {
  await db.deleteFrom('volunteer_terms').where('volunteer_id', '=', record.id).execute();
  await insertSearchTerms(db, [record]);
}

/** Writes the search terms of new records, in batches. */
export async function insertSearchTerms(db: Kysely<Database>, records: TermSource[]): Promise<void> {
  const rows = records.flatMap((r) =>
    volunteerSearchTerms(r).map((term) => ({ term, unit_id: r.unit_id, volunteer_id: r.id })),
  );
  for (let i = 0; i < rows.length; i += 2000)
    await db
      .insertInto('volunteer_terms')
      .values(rows.slice(i, i + 2000))
      .execute();
  // Writers outside the services (seeds, tests) are seen by kept search pages at once.
  registryChanged();
}
