import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { pathDepth, subtreeRange } from '../../../domain/org-units/units.ts';
import { estimateTotal, normalizeSearchText, type TermLookup } from '../../../domain/registry/search-terms.ts';
import { likeEscape } from '../../../db/like.ts';

/** Up to this many matches a search counts them; above it, its total is an estimate. */
export const ESTIMATE_ABOVE = 1000;

function subtreeUnits(db: Kysely<Database>, path: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('org_units')
    .select('org_units.id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
}

/**
 * The ids of the records in a subtree that match a query. The pinyin and initials prefix ranges
 * (for a query of letters and digits) match by themselves; so does the gram of a query of one or
 * two characters. A longer query's gram is its first pair only, so those candidates are confirmed
 * against the record's text; nothing else reads a record.
 *
 * Below the top, a subtree has few units (a street: tens), so each unit's stretch of the key
 * (term, unit) is sought directly. The top's subtree is normally the whole tree (a province:
 * 18,000 units): then no match's unit is looked up at all. Whether it is costs two index seeks
 * for a unit outside it, which both engines evaluate once per statement; with several roots, the
 * subtree's units are matched instead.
 */
export function candidateIds(db: Kysely<Database>, q: string, lookup: TermLookup, path: string) {
  const { from, to } = subtreeRange(path);
  const atTop = pathDepth(path) <= 1;
  const terms = () => {
    const t = db.selectFrom('volunteer_terms').select('volunteer_terms.volunteer_id');
    if (!atTop) return t.where('volunteer_terms.unit_id', 'in', subtreeUnits(db, path));
    return t.where((eb) =>
      eb.or([
        eb.and([
          eb.not(eb.exists(eb.selectFrom('org_units as o1').select('o1.id').where('o1.path', '<', from))),
          eb.not(eb.exists(eb.selectFrom('org_units as o2').select('o2.id').where('o2.path', '>=', to))),
        ]),
        eb('volunteer_terms.unit_id', 'in', subtreeUnits(db, path)),
      ]),
    );
  };
  let gram = terms().where('volunteer_terms.term', '=', lookup.gram);
  if (!lookup.exact) {
    const text = `%${likeEscape(q)}%`;
    const key = `${likeEscape(normalizeSearchText(q))}%`;
    gram = gram
      .innerJoin('volunteers as v', 'v.id', 'volunteer_terms.volunteer_id')
      .where((eb) =>
        eb.or([
          sql<boolean>`v.name like ${text} escape '\\'`,
          sql<boolean>`v.pinyin like ${key} escape '\\'`,
          sql<boolean>`v.initials like ${key} escape '\\'`,
          sql<boolean>`v.profession like ${text} escape '\\'`,
          sql<boolean>`v.qualifications like ${text} escape '\\'`,
        ]),
      );
  }
  if (!lookup.keyed) return gram;
  return gram
    .union(
      terms()
        .where('volunteer_terms.term', '>=', lookup.pinyin.from)
        .where('volunteer_terms.term', '<', lookup.pinyin.to),
    )
    .union(
      terms()
        .where('volunteer_terms.term', '>=', lookup.initials.from)
        .where('volunteer_terms.term', '<', lookup.initials.to),
    );
}

/**
 * The candidates in record order. At the top the (term, volunteer_id) index gives a gram's in
 * that order, without sorting. Below it, seeking each unit's stretch of (term, unit) and sorting
 * the few found is far cheaper than walking the whole gram in id order: `+ 0` keeps SQLite's
 * planner (which has no statistics) from choosing the walk to spare the sort.
 */
function orderedIds(db: Kysely<Database>, q: string, lookup: TermLookup, path: string) {
  const ids = db.selectFrom(candidateIds(db, q, lookup, path).as('c')).select('c.volunteer_id');
  return pathDepth(path) <= 1 ? ids.orderBy('c.volunteer_id') : ids.orderBy(sql`${sql.ref('c.volunteer_id')} + 0`);
}

/** One page of a search's record ids. */
export function searchPageIds(
  db: Kysely<Database>,
  q: string,
  lookup: TermLookup,
  path: string,
  limit: number,
  offset: number,
) {
  return orderedIds(db, q, lookup, path).limit(limit).offset(offset);
}

/**
 * A search's total, in one statement. Below the top it is counted; at the top it is counted
 * when at most ESTIMATE_ABOVE match, otherwise estimated from the id the first ESTIMATE_ABOVE + 1
 * reach, so a surname with tens of thousands of matches costs a thousand index entries.
 */
export async function searchTotal(
  db: Kysely<Database>,
  q: string,
  lookup: TermLookup,
  path: string,
): Promise<{ total: number; estimate: boolean }> {
  if (pathDepth(path) > 1) {
    // Below the top a subtree holds a few thousand people at most: counting is cheaper than estimating.
    const c = await db
      .selectFrom(candidateIds(db, q, lookup, path).as('c'))
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { total: Number(c.n), estimate: false };
  }
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom(
          candidateIds(db, q, lookup, path)
            .limit(ESTIMATE_ABOVE + 1)
            .as('l'),
        )
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('n'),
      orderedIds(db, q, lookup, path).limit(1).offset(ESTIMATE_ABOVE).as('reach'),
      eb
        .selectFrom('volunteers')
        .select((e) => e.fn.max('volunteers.id').as('last'))
        .as('last'),
    ])
    .executeTakeFirstOrThrow();
  const n = Number(row.n ?? 0);
  if (n <= ESTIMATE_ABOVE || row.reach == null) return { total: n, estimate: false };
  return { total: estimateTotal(ESTIMATE_ABOVE + 1, Number(row.reach), Number(row.last ?? 0)), estimate: true };
}
