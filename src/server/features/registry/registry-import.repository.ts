import type { Insertable, Kysely } from 'kysely';
import { insertMany } from '../../../db/bulk-insert.ts';
import type { Database } from '../../../db/schema.ts';
import { volunteerSearchTerms } from '../../../domain/registry/search-terms.ts';
import type { TermSource } from './volunteer-terms.repository.ts';

// The registry import's writes: thousands of records with their categories and search terms
// per transaction, in multi-row statements compiled once (see db/bulk-insert.ts). The
// one-record writers (the API, the seeds) use registry.repository.ts and
// volunteer-terms.repository.ts; the rows written are the same.

type NewVolunteer = Insertable<Database['volunteers']>;

/** Inserts new records (every one with the same columns); answers their ids in order. */
export async function insertImportedVolunteers(db: Kysely<Database>, values: NewVolunteer[]): Promise<number[]> {
  const first = values[0];
  if (!first) return [];
  const columns = Object.keys(first) as Array<keyof NewVolunteer>;
  return insertMany(
    db,
    'volunteers',
    columns,
    values.map((v) => columns.map((c) => v[c] ?? null)),
    // 20 columns: 4,000 parameters a statement, under both engines' limits.
    { perStatement: 200, returning: true },
  );
}

/** Links new records to their skill categories. */
export async function insertImportedCategoryLinks(
  db: Kysely<Database>,
  links: Array<{ volunteer_id: number; category_id: number }>,
): Promise<void> {
  await insertMany(
    db,
    'volunteer_categories',
    ['volunteer_id', 'category_id'],
    links.map((l) => [l.volunteer_id, l.category_id]),
    { perStatement: 1_000 },
  );
}

/**
 * Writes new records' search terms, sorted by term: the terms' table is keyed by term first,
 * so sorted rows land on neighbouring pages of its b-tree instead of all over it.
 */
export async function insertImportedSearchTerms(db: Kysely<Database>, records: TermSource[]): Promise<void> {
  const rows: Array<[string, number, number]> = [];
  for (const r of records) for (const term of volunteerSearchTerms(r)) rows.push([term, r.unit_id, r.id]);
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]));
  await insertMany(db, 'volunteer_terms', ['term', 'unit_id', 'volunteer_id'], rows, { perStatement: 2_000 });
}
