import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { preparedPerShape } from '../../../db/prepared-query.ts';
import { pathDepth, subtreeRange } from '../../../domain/org-units/units.ts';
import { estimateTotal, normalizeSearchText, type TermLookup } from '../../../domain/registry/search-terms.ts';
import { likeEscape } from '../../../db/like.ts';

/** Up to this many matches a search counts them; above it, its total is an estimate. */
export const ESTIMATE_ABOVE = 1000;

/**
 * What the statements of a search differ by: at the top of the tree or below it, whether the
 * gram answers by itself, whether the query can be a pinyin or initials prefix. Each shape is
 * one SQL text, compiled once; everything else is an argument.
 */
interface Shape {
  atTop: boolean;
  exact: boolean;
  keyed: boolean;
}

/** The values a search binds, in every shape (unused ones are left out of its text). */
export interface SearchArgs {
  from: string;
  to: string;
  gram: string;
  pinyinFrom: string;
  pinyinTo: string;
  initialsFrom: string;
  initialsTo: string;
  /** LIKE pattern for a substring of the text columns. */
  text: string;
  /** LIKE pattern for a prefix of pinyin and initials. */
  key: string;
}

function shapeOf(lookup: TermLookup, path: string): Shape {
  return { atTop: pathDepth(path) <= 1, exact: lookup.exact, keyed: lookup.keyed };
}

function argsOf(q: string, lookup: TermLookup, path: string): SearchArgs {
  const { from, to } = subtreeRange(path);
  return {
    from,
    to,
    gram: lookup.gram,
    pinyinFrom: lookup.pinyin.from,
    pinyinTo: lookup.pinyin.to,
    initialsFrom: lookup.initials.from,
    initialsTo: lookup.initials.to,
    text: `%${likeEscape(q)}%`,
    key: `${likeEscape(normalizeSearchText(q))}%`,
  };
}

function subtreeUnits(db: Kysely<Database>, a: SearchArgs) {
  return db
    .selectFrom('org_units')
    .select('org_units.id')
    .where('org_units.path', '>=', a.from)
    .where('org_units.path', '<', a.to);
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
 *
 * Branches on the shape only, never on the arguments, so the prepared statements can pass
 * stand-ins for them.
 */
function candidatesOf(db: Kysely<Database>, shape: Shape, a: SearchArgs) {
  const terms = () => {
    const t = db.selectFrom('volunteer_terms').select('volunteer_terms.volunteer_id');
    if (!shape.atTop) return t.where('volunteer_terms.unit_id', 'in', subtreeUnits(db, a));
    return t.where((eb) =>
      eb.or([
        eb.and([
          eb.not(eb.exists(eb.selectFrom('org_units as o1').select('o1.id').where('o1.path', '<', a.from))),
          eb.not(eb.exists(eb.selectFrom('org_units as o2').select('o2.id').where('o2.path', '>=', a.to))),
        ]),
        eb('volunteer_terms.unit_id', 'in', subtreeUnits(db, a)),
      ]),
    );
  };
  let gram = terms().where('volunteer_terms.term', '=', a.gram);
  if (!shape.exact) {
    gram = gram
      .innerJoin('volunteers as v', 'v.id', 'volunteer_terms.volunteer_id')
      .where((eb) =>
        eb.or([
          sql<boolean>`v.name like ${a.text} escape '\\'`,
          sql<boolean>`v.pinyin like ${a.key} escape '\\'`,
          sql<boolean>`v.initials like ${a.key} escape '\\'`,
          sql<boolean>`v.profession like ${a.text} escape '\\'`,
          sql<boolean>`v.qualifications like ${a.text} escape '\\'`,
        ]),
      );
  }
  if (!shape.keyed) return gram;
  return gram
    .union(terms().where('volunteer_terms.term', '>=', a.pinyinFrom).where('volunteer_terms.term', '<', a.pinyinTo))
    .union(
      terms().where('volunteer_terms.term', '>=', a.initialsFrom).where('volunteer_terms.term', '<', a.initialsTo),
    );
}

/** The ids of the records in the subtree at `path` that match `q` (for filtered lists, built per use). */
export function candidateIds(db: Kysely<Database>, q: string, lookup: TermLookup, path: string) {
  return candidatesOf(db, shapeOf(lookup, path), argsOf(q, lookup, path));
}

/**
 * The candidates in record order. At the top the (term, volunteer_id) index gives a gram's in
 * that order, without sorting. Below it, seeking each unit's stretch of (term, unit) and sorting
 * the few found is far cheaper than walking the whole gram in id order: `+ 0` keeps SQLite's
 * planner (which has no statistics) from choosing the walk to spare the sort.
 */
function orderedIds(db: Kysely<Database>, shape: Shape, a: SearchArgs) {
  const ids = db.selectFrom(candidatesOf(db, shape, a).as('c')).select('c.volunteer_id');
  return shape.atTop ? ids.orderBy('c.volunteer_id') : ids.orderBy(sql`${sql.ref('c.volunteer_id')} + 0`);
}

type Paged = SearchArgs & { limit: number; offset: number };

/** A page's records with their unit's name and path, in record order. */
function pageRows(db: Kysely<Database>, shape: Shape, a: Paged) {
  return db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .selectAll('volunteers')
    .select(['org_units.name as unit_name', 'org_units.path as unit_path'])
    .where('volunteers.id', 'in', orderedIds(db, shape, a).limit(a.limit).offset(a.offset))
    .orderBy('volunteers.id');
}

/**
 * Below the top a subtree holds a few thousand people at most: counting is cheaper than
 * estimating, and each page row carries the count, the candidates being found once for both.
 */
function countedPage(db: Kysely<Database>, shape: Shape, a: Paged) {
  return db
    .with('c', () => candidatesOf(db, shape, a))
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .selectAll('volunteers')
    .select((eb) => [
      'org_units.name as unit_name',
      'org_units.path as unit_path',
      eb
        .selectFrom('c')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('total'),
    ])
    .where('volunteers.id', 'in', (eb) =>
      eb
        .selectFrom('c')
        .select('c.volunteer_id')
        .orderBy(sql`${sql.ref('c.volunteer_id')} + 0`)
        .limit(a.limit)
        .offset(a.offset),
    )
    .orderBy('volunteers.id');
}

function countOf(db: Kysely<Database>, shape: Shape, a: SearchArgs) {
  return db.selectFrom(candidatesOf(db, shape, a).as('c')).select((e) => e.fn.countAll<number>().as('n'));
}

/**
 * At the top, a total counted when at most ESTIMATE_ABOVE match, otherwise estimated from the id
 * the first ESTIMATE_ABOVE + 1 reach, so a surname with tens of thousands of matches costs a
 * thousand index entries.
 */
function estimateOf(db: Kysely<Database>, shape: Shape, a: SearchArgs) {
  return db.selectNoFrom((eb) => [
    eb
      .selectFrom(
        candidatesOf(db, shape, a)
          .limit(ESTIMATE_ABOVE + 1)
          .as('l'),
      )
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('n'),
    orderedIds(db, shape, a).limit(1).offset(ESTIMATE_ABOVE).as('reach'),
    eb
      .selectFrom('volunteers')
      .select((e) => e.fn.max('volunteers.id').as('last'))
      .as('last'),
  ]);
}

const countedPageQuery = preparedPerShape(countedPage);
const pageQuery = preparedPerShape(pageRows);
const countQuery = preparedPerShape(countOf);
const estimateQuery = preparedPerShape(estimateOf);
type Row = Awaited<ReturnType<ReturnType<typeof pageQuery>['rows']>>[number];

/** A search's page of records in record order, and its total (estimated at the top above a thousand). */
export async function searchPage(
  db: Kysely<Database>,
  q: string,
  lookup: TermLookup,
  path: string,
  limit: number,
  offset: number,
): Promise<{ rows: Row[]; total: number; estimate: boolean }> {
  const shape = shapeOf(lookup, path);
  const a = argsOf(q, lookup, path);
  if (!shape.atTop) {
    const found = await countedPageQuery(shape).rows(db, { ...a, limit, offset });
    const [first] = found;
    // A page past the end has no row to carry the count. The rows keep their `total` (copying
    // them without it costs more than the rest of the request's JavaScript); presenters ignore it.
    const total = first ? first.total : ((await countQuery(shape).rows(db, a))[0]?.n ?? 0);
    return { rows: found, total: Number(total), estimate: false };
  }
  const [rows, [row]] = await Promise.all([
    pageQuery(shape).rows(db, { ...a, limit, offset }),
    estimateQuery(shape).rows(db, a),
  ]);
  const n = Number(row?.n ?? 0);
  if (n <= ESTIMATE_ABOVE || row?.reach == null) return { rows, total: n, estimate: false };
  return {
    rows,
    total: estimateTotal(ESTIMATE_ABOVE + 1, Number(row.reach), Number(row.last ?? 0)),
    estimate: true,
  };
}
