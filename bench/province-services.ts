/**
 * The service side of the bench province, generated into the real tables after the units
 * (bench/province.ts): the registry (volunteers with their skill categories), studios with their
 * categories, leaders and members, plaques, and the siting data (residential areas with their
 * populations, candidate venues).
 *
 * Shapes follow the demo seeds (src/db/seed/demo-studios.ts, demo-siting.ts) at province scale:
 * - about 200,000 people in communities, villages and enterprises, with Fujian-weighted Chinese
 *   names (so the pinyin and initials keys from searchKeysOf are real), professions, unique mobile
 *   numbers outside the 13x range (the 13x range is what the import benchmark's rows use);
 * - about 23,000 studios, at least 20,000 of them active, each with 1–2 categories and a leader
 *   from its own unit (team studios have members), points (GCJ-02) near their unit;
 * - about 100,000 residential areas and 30,000 venues, around the units' points.
 *
 * Ids of volunteers and studios are assigned here (the tables are empty), so links need no round
 * trip; PostgreSQL's sequences are moved past them afterwards.
 */
import { sql, type Kysely } from 'kysely';
import gcoordModule from 'gcoord';
import type { Database } from '../src/db/schema.ts';
import type { UnitSpec } from '../src/db/seed/units.ts';
import { insertSearchTerms } from '../src/server/features/registry/volunteer-terms.repository.ts';
import { seededRandom } from '../src/domain/needs/evaluation.ts';
import { generatePeople, generateSiting, generateStudios, type Leaf, type Person } from './province-generate.ts';
import { round6 } from './province-words.ts';

// gcoord's CommonJS build has no usable default-export typing under NodeNext (as in requests.service.ts).
const gcoord = gcoordModule as unknown as {
  transform(p: [number, number], from: 'GCJ02', to: 'WGS84'): [number, number];
};

export const SERVICE_SIZES = { volunteers: 200_000, minActiveStudios: 20_000, areas: 100_000, venues: 30_000 };

/**
 * The registry searches the bench loads: surnames, 'zwz' (张婉珍's initials, the example the
 * search box gives) and the two commonest three-letter initials in the bench street, so that the
 * street admin's initials searches find someone too.
 */
const REGISTRY_SURNAMES = ['陈', '林', '黄'];

/** The category the coverage and nearest-studio benchmarks ask about (the fifth default: 医疗保健). */
export const BENCH_CATEGORY_ID = 5;

export interface ServicesMeta {
  volunteers: number;
  volunteerCategories: number;
  studios: { total: number; active: number; categoryLinks: number; members: number; ofBenchCategory: number };
  residentialAreas: number;
  population: number;
  venues: number;
  /** The member account's studio: the one the record benchmark writes to. */
  recordStudio: { id: number; name: string; unitCode: string; categoryId: number };
  /** Communities, villages and enterprises of the bench street (where the import's rows go). */
  importUnitCodes: string[];
  /** Positions (WGS-84, as a phone reports them) the nearest-studio benchmark asks from. */
  nearestPoints: Array<[number, number]>;
  /** Expected totals of each registry query for the street admin and the top admin. */
  registryTotals: Array<{ q: string; street: number; top: number }>;
  /** What the coverage benchmark's district holds. */
  coverageDistrict: { areas: number; venues: number; servingStudiosOfCategory: number };
}

/** mulberry32, as in province.ts (a separate seed, so the units stay as they were). */
const rng = seededRandom;

/** Inserts rows in batches of `size` (kept below both engines' bound-parameter limits). */
async function insertBatches<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  size: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // The rows are built to match the table; Kysely's per-table value types are not expressible generically here.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * Generates and inserts the registry, studios and siting data. `ids` maps unit codes to ids;
 * `benchStreetCode` is the street admin's street; `memberAccountId` is the account linked to the
 * leader of the record benchmark's studio; `adminAccountId` applies for and awards every studio.
 */
export async function insertServices(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  specs: UnitSpec[],
  ids: Map<string, number>,
  opts: {
    benchStreetCode: string;
    benchDistrictCode: string;
    adminAccountId: number;
    memberUsername: string;
    at: string;
    passwordHash: string;
  },
): Promise<ServicesMeta> {
  const r = rng(20261126);
  const at = opts.at;
  const byCode = new Map(specs.map((s) => [s.code, s]));
  const idOf = (code: string) => {
    const v = ids.get(code);
    if (v === undefined) throw new Error(`unit ${code} was not inserted`);
    return v;
  };
  const leaves: Leaf[] = specs
    .filter((s) => s.level === 'community' || s.level === 'village' || s.level === 'enterprise')
    .map((s) => {
      const street = byCode.get(s.parentCode ?? '');
      return {
        spec: s,
        id: idOf(s.code),
        lng: s.lng ?? street?.lng ?? 118,
        lat: s.lat ?? street?.lat ?? 26,
        streetCode: street?.code ?? '',
        districtCode: street?.parentCode ?? '',
      };
    });

  // --- Studios per unit first, so that every unit has people enough to staff its studios.
  const studiosPer = leaves.map((l) =>
    l.spec.level === 'community'
      ? 1 + Math.floor(r() * 3)
      : l.spec.level === 'village'
        ? (r() < 0.9 ? 1 : 0) + (r() < 0.2 ? 1 : 0)
        : r() < 0.5
          ? 1
          : 0,
  );

  // The generators share the PRNG, in this order: people, studios, siting.
  const { people, volunteerRows, volunteerCategoryRows, peopleByLeaf } = generatePeople(
    r,
    leaves,
    studiosPer,
    SERVICE_SIZES.volunteers,
    at,
  );
  const {
    studioRows,
    studioCategoryRows,
    memberRows,
    itemRows,
    plaqueRows,
    serving,
    recordStudio,
    recordLeader,
    active,
  } = generateStudios(r, leaves, peopleByLeaf, studiosPer, opts, at);
  if (active < SERVICE_SIZES.minActiveStudios) throw new Error(`only ${active} active studios generated`);
  if (!recordStudio || !recordLeader) throw new Error('no studio in a community of the bench street');
  const { areaRows, venueRows, population, district } = generateSiting(r, leaves, byCode, opts.benchDistrictCode, at);

  // --- Write everything. Batch sizes keep rows × columns under SQLite's and PostgreSQL's parameter limits.
  await insertBatches(db, 'volunteers', volunteerRows, 400);
  await insertBatches(db, 'volunteer_categories', volunteerCategoryRows, 2000);
  await insertSearchTerms(
    db,
    people.map((p) => ({ ...p, unit_id: p.unit.id })),
  );
  await insertBatches(db, 'studios', studioRows, 400);
  await insertBatches(db, 'studio_categories', studioCategoryRows, 2000);
  await insertBatches(db, 'studio_members', memberRows, 2000);
  await insertBatches(db, 'studio_service_items', itemRows, 2000);
  await insertBatches(db, 'plaques', plaqueRows, 1000);
  await insertBatches(db, 'residential_areas', areaRows, 1000);
  await insertBatches(db, 'venues', venueRows, 1000);
  if (engine === 'postgres') {
    // Ids were given explicitly: move the sequences past them, so the app's inserts do not collide.
    for (const t of ['volunteers', 'studios'])
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(db);
  }

  // The member account of the record studio's leader (role member, in the studio's community).
  const member = await db
    .insertInto('accounts')
    .values({
      username: opts.memberUsername,
      display_name: recordLeader.name,
      password_hash: opts.passwordHash,
      role: 'member',
      unit_id: recordLeader.unit.id,
      locale: 'zh-CN',
      large_font: 0,
      failed_count: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('volunteers').set({ account_id: member.id }).where('id', '=', recordLeader.id).execute();

  // --- What the runner checks and asks for.
  const streetLeaves = leaves.filter((l) => l.streetCode === opts.benchStreetCode);
  const streetSet = new Set(streetLeaves.map((l) => l.id));
  const matches = (p: Person, q: string) => {
    const key = q.toLowerCase().replace(/\s+/g, '');
    return (
      p.name.includes(q) ||
      p.pinyin.startsWith(key) ||
      p.initials.startsWith(key) ||
      p.profession.includes(q) ||
      (p.qualifications?.includes(q) ?? false)
    );
  };
  const initialsInStreet = new Map<string, number>();
  for (const p of people)
    if (streetSet.has(p.unit.id) && p.initials.length === 3)
      initialsInStreet.set(p.initials, (initialsInStreet.get(p.initials) ?? 0) + 1);
  const common = [...initialsInStreet].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  const queries = [
    'zwz',
    REGISTRY_SURNAMES[0],
    common[0] ?? 'lzq',
    REGISTRY_SURNAMES[1],
    common[1] ?? 'hwb',
    REGISTRY_SURNAMES[2],
  ] as string[];
  const registryTotals = queries.map((q) => {
    let street = 0;
    let top = 0;
    for (const p of people) {
      if (!matches(p, q)) continue;
      top++;
      if (streetSet.has(p.unit.id)) street++;
    }
    return { q, street, top };
  });
  // Phones report WGS-84: points near where people live (a unit, weighted by its areas), converted from GCJ-02.
  const pr = rng(7);
  const nearestPoints: Array<[number, number]> = [];
  for (let i = 0; i < 200; i++) {
    const leaf = leaves[Math.floor(pr() * leaves.length)] as Leaf;
    const gcj: [number, number] = [leaf.lng + (pr() - 0.5) * 0.03, leaf.lat + (pr() - 0.5) * 0.03];
    const wgs = gcoord.transform(gcj, 'GCJ02', 'WGS84');
    nearestPoints.push([round6(wgs[0]), round6(wgs[1])]);
  }

  return {
    volunteers: volunteerRows.length,
    volunteerCategories: volunteerCategoryRows.length,
    studios: {
      total: studioRows.length,
      active,
      categoryLinks: studioCategoryRows.length,
      members: memberRows.length,
      ofBenchCategory: serving.filter((s) => s.categories.includes(BENCH_CATEGORY_ID)).length,
    },
    residentialAreas: areaRows.length,
    population,
    venues: venueRows.length,
    recordStudio,
    importUnitCodes: streetLeaves.map((l) => l.spec.code),
    nearestPoints,
    registryTotals,
    coverageDistrict: {
      ...district,
      servingStudiosOfCategory: serving.filter(
        (s) => s.districtCode === opts.benchDistrictCode && s.categories.includes(BENCH_CATEGORY_ID),
      ).length,
    },
  };
}
