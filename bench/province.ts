/**
 * A whole-province data set for the benchmarks: a synthetic top unit (福建省（基准）), 90 districts,
 * 1,100 streets and towns and 17,000 communities, villages and enterprises with realistic Chinese
 * names (so the pinyin and initials keys are real), plus three accounts with a known password; and
 * on top of the units (bench/province-services.ts) about 200,000 people in the registry, 23,000
 * studios (20,000+ active), 100,000 residential areas and 30,000 venues.
 *
 * The schema's top level is 'district' and allowedChildLevels lets only streets and towns sit under a
 * district, so no real level fits a province. The top unit is therefore a 'district'-level unit with the
 * 90 districts (also 'district') under it: the one place where this data set departs from
 * allowedChildLevels (the API would refuse to create such a child; insertUnitTree does not check).
 * Everything below a district follows the rules. One root keeps the app's single-root assumption
 * (public unit search starts from the first root) true, and gives a province-wide admin.
 *
 * Generated once per version key (this file, the migrations and the seeding code) into
 * bench/.data/ (SQLite) or a template database huimin_bench_tpl (PostgreSQL), and reused.
 *
 *   node bench/province.ts                 # SQLite, prints the file and the summary
 *   DATABASE_URL=postgres://… node bench/province.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { provinceUnits } from './province-units.ts';
import type { Kysely } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { insertUnitTree, type UnitSpec } from '../src/db/seed/units.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { hashPassword } from '../src/server/passwords.ts';
import { insertServices, type ServicesMeta } from './province-services.ts';
import { buildRollups, type RollupsMeta } from './province-rollups.ts';
import { buildCounts, type CountsMeta } from './province-counts.ts';
import { insertRecords, type RecordsMeta } from './province-records.ts';
import { insertSupervision, type SupervisionMeta } from './province-supervision.ts';

const root = join(import.meta.dirname, '..');
export const DATA_DIR = join(import.meta.dirname, '.data');

/** The password of every bench account. */
export const BENCH_PASSWORD = 'Bench@2026';
export const TOP_ADMIN = 'bench_admin';
export const STREET_ADMIN = 'bench_street';
/** A member leading a studio in the bench street: writes service records. */
export const MEMBER = 'bench_member';

/**
 * Bumped when the data set's shape changes in a way the hashed files would not show (the key also
 * hashes this file and the other bench/province-*.ts, the migrations and the seeding code).
 * 2: registry, studios and siting data added.
 * 3: service rollups (statistics) added.
 * 4: letters, supervisors and inspections (supervision) added.
 * 5: 10 million service records (with ratings and member accounts); rollups built from them.
 * 6: counts of ratings and letters (bench/province-counts.ts) built from them.
 */
const DATASET_VERSION = 6;

/** What the runner needs to know about a generated data set. */
export interface ProvinceMeta {
  key: string;
  engine: 'sqlite' | 'postgres';
  units: { total: number; districts: number; streetsAndTowns: number; leaves: number; enterprises: number };
  root: { id: number; code: string; name: string };
  /** The district the district-page endpoint lists (the largest one). */
  district: { id: number; code: string; name: string; subtreeSize: number };
  /** The street the street admin is bound to and whose subtree the street endpoint lists. */
  street: { id: number; code: string; name: string; subtreeSize: number };
  accounts: { topAdmin: string; streetAdmin: string; member: string; password: string };
  /** Registry, studios and siting (bench/province-services.ts). */
  services: ServicesMeta;
  /** The service record book (bench/province-records.ts). */
  records: RecordsMeta;
  /** The service rollups the dashboards read, built from the records (bench/province-rollups.ts). */
  rollups: RollupsMeta;
  /** Letters, supervisors and inspections (bench/province-supervision.ts). */
  supervision: SupervisionMeta;
  /** The counts of ratings and letters the dashboards read (bench/province-counts.ts). */
  counts: CountsMeta;
  generatedMs: number;
}

// ---------------------------------------------------------------------------------------------
// The bench's district and street

/** Picks the district (the largest) and the street (the street-level unit with most children in it, at most 49). */
function choose(specs: UnitSpec[]) {
  const children = new Map<string, number>();
  for (const s of specs) if (s.parentCode) children.set(s.parentCode, (children.get(s.parentCode) ?? 0) + 1);
  const districts = specs.filter((s) => s.level === 'district' && s.parentCode !== null);
  const subtree = (code: string) =>
    1 + specs.filter((s) => s.parentCode === code).reduce((n, s) => n + 1 + (children.get(s.code) ?? 0), 0);
  let district = districts[0] as UnitSpec;
  for (const d of districts) if (subtree(d.code) > subtree(district.code)) district = d;
  const streets = specs.filter(
    (s) => s.parentCode === district.code && s.level === 'street' && (children.get(s.code) ?? 0) <= 49,
  );
  if (streets.length === 0) throw new Error('the chosen district has no street-level unit');
  let street = streets[0] as UnitSpec;
  for (const s of streets) if ((children.get(s.code) ?? 0) > (children.get(street.code) ?? 0)) street = s;
  return { district, districtSize: subtree(district.code), street, streetSize: 1 + (children.get(street.code) ?? 0) };
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Changes when the generator, the migrations or the seeding code change: a new key means a new data set. */
export function versionKey(): string {
  const h = createHash('sha256').update(`v${DATASET_VERSION}`);
  const files = [
    join(root, 'bench', 'province.ts'),
    join(root, 'bench', 'province-units.ts'),
    join(root, 'bench', 'province-services.ts'),
    join(root, 'bench', 'province-rollups.ts'),
    join(root, 'bench', 'province-counts.ts'),
    join(root, 'bench', 'province-records.ts'),
    join(root, 'bench', 'province-supervision.ts'),
    join(root, 'bench', 'province-generate.ts'),
    join(root, 'bench', 'province-words.ts'),
    join(root, 'src', 'db', 'seed', 'units.ts'),
    join(root, 'src', 'domain', 'text', 'search-keys.ts'),
    join(root, 'src', 'domain', 'org-units', 'units.ts'),
    ...readdirSync(join(root, 'src', 'db', 'migrations'))
      .sort()
      .map((f) => join(root, 'src', 'db', 'migrations', f)),
  ];
  for (const f of files) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

async function load(handle: DatabaseHandle, key: string): Promise<ProvinceMeta> {
  const started = performance.now();
  await migrateToLatest(handle);
  const specs = provinceUnits();
  const chosen = choose(specs);
  const at = '2026-11-25T00:00:00.000Z';
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const { ids, services, supervision } = await handle.db.transaction().execute(async (trx) => {
    const ids = await insertUnitTree(trx, specs, at);
    await insertAccount(
      trx,
      TOP_ADMIN,
      '省级管理员（基准）',
      'district_admin',
      ids.get('350000000000'),
      passwordHash,
      at,
    );
    await insertAccount(
      trx,
      STREET_ADMIN,
      `${chosen.street.name}党工委（基准）`,
      'street_admin',
      ids.get(chosen.street.code),
      passwordHash,
      at,
    );
    const admin = await trx
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', TOP_ADMIN)
      .executeTakeFirstOrThrow();
    const services = await insertServices(trx, handle.engine, specs, ids, {
      benchStreetCode: chosen.street.code,
      benchDistrictCode: chosen.district.code,
      adminAccountId: admin.id,
      memberUsername: MEMBER,
      at,
      passwordHash,
    });
    const supervision = await insertSupervision(trx, specs, ids, {
      streetCode: chosen.street.code,
      districtCode: chosen.district.code,
      at,
      passwordHash,
    });
    return { ids, services, supervision };
  });
  // The record book in its own transactions (a month each), then the rollups the app builds from it.
  const pathOf = async (code: string) =>
    (await handle.db.selectFrom('org_units').select('path').where('code', '=', code).executeTakeFirstOrThrow()).path;
  const streetPath = await pathOf(chosen.street.code);
  const records = await insertRecords(handle, {
    passwordHash,
    at,
    districtPath: await pathOf(chosen.district.code),
    streetPath,
  });
  const rollups = await buildRollups(handle, records, { at, checkPath: streetPath });
  const counts = await buildCounts(handle, { at, checkPath: streetPath });
  const id = (code: string) => {
    const v = ids.get(code);
    if (v === undefined) throw new Error(`unit ${code} was not inserted`);
    return v;
  };
  const count = (pred: (s: UnitSpec) => boolean) => specs.filter(pred).length;
  return {
    key,
    engine: handle.engine,
    units: {
      total: specs.length,
      districts: count((s) => s.level === 'district' && s.parentCode !== null),
      streetsAndTowns: count((s) => s.level === 'street' || s.level === 'town'),
      leaves: count((s) => s.level === 'community' || s.level === 'village' || s.level === 'enterprise'),
      enterprises: count((s) => s.level === 'enterprise'),
    },
    root: { id: id('350000000000'), code: '350000000000', name: '福建省（基准）' },
    district: {
      id: id(chosen.district.code),
      code: chosen.district.code,
      name: chosen.district.name,
      subtreeSize: chosen.districtSize,
    },
    street: {
      id: id(chosen.street.code),
      code: chosen.street.code,
      name: chosen.street.name,
      subtreeSize: chosen.streetSize,
    },
    accounts: { topAdmin: TOP_ADMIN, streetAdmin: STREET_ADMIN, member: MEMBER, password: BENCH_PASSWORD },
    services,
    records,
    rollups,
    supervision,
    counts,
    generatedMs: Math.round(performance.now() - started),
  };
}

async function insertAccount(
  db: Kysely<Database>,
  username: string,
  displayName: string,
  role: Role,
  unitId: number | undefined,
  hash: string,
  at: string,
) {
  if (unitId === undefined) throw new Error(`no unit for ${username}`);
  await db
    .insertInto('accounts')
    .values({
      username,
      display_name: displayName,
      password_hash: hash,
      role,
      unit_id: unitId,
      locale: 'zh-CN',
      large_font: 0,
      failed_count: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** The generated SQLite file for the current version key, generating it when missing. */
export async function sqliteProvince(
  log: (s: string) => void = () => {},
): Promise<{ file: string; meta: ProvinceMeta }> {
  const key = versionKey();
  const file = join(DATA_DIR, `province-${key}.db`);
  const metaFile = join(DATA_DIR, `province-${key}.json`);
  if (existsSync(file) && existsSync(metaFile)) {
    log(`reusing ${file}`);
    return { file, meta: JSON.parse(readFileSync(metaFile, 'utf8')) as ProvinceMeta };
  }
  mkdirSync(DATA_DIR, { recursive: true });
  // Older versions are stale: remove them, and any half-written attempt.
  for (const f of readdirSync(DATA_DIR)) {
    const stale = f.startsWith('province-') && (!f.startsWith(`province-${key}.`) || f.includes('.tmp-'));
    if (stale && !f.endsWith('.pg.json')) rmSync(join(DATA_DIR, f), { force: true });
  }
  const tmp = join(DATA_DIR, `province-${key}.tmp-${process.pid}.db`);
  log(`generating ${file} …`);
  const handle = await createDatabase({ sqliteFile: tmp });
  let meta: ProvinceMeta;
  try {
    meta = await load(handle, key);
  } finally {
    await handle.close(); // closing checkpoints the WAL into the main file
  }
  for (const ext of ['-wal', '-shm']) rmSync(tmp + ext, { force: true });
  renameSync(tmp, file);
  writeFileSync(metaFile, JSON.stringify(meta, null, 2));
  log(`generated ${summaryOf(meta)} in ${meta.generatedMs} ms`);
  return { file, meta };
}

/** One line saying what a data set holds. */
export function summaryOf(meta: ProvinceMeta): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const s = meta.services;
  return (
    `${n(meta.units.total)} units (${meta.units.districts} districts, ${n(meta.units.streetsAndTowns)} streets/towns, ${n(meta.units.leaves)} communities/villages/enterprises), ` +
    `${n(s.volunteers)} volunteers, ${n(s.studios.total)} studios (${n(s.studios.active)} active), ${n(s.residentialAreas)} residential areas, ${n(s.venues)} venues` +
    (meta.supervision
      ? `, ${n(meta.supervision.letters)} letters, ${n(meta.supervision.inspections)} inspections by ${n(meta.supervision.supervisors)} supervisors`
      : '')
  );
}

const TEMPLATE_DB = 'huimin_bench_tpl';
export const PG_BENCH_DB = 'huimin_bench';

/** A URL naming another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database `huimin_bench` (dropped first) copied from a template database that is
 * generated once per version key (the key is kept as the template's comment). Returns its URL.
 */
export async function postgresProvince(
  adminUrl: string,
  log: (s: string) => void = () => {},
): Promise<{ url: string; meta: ProvinceMeta }> {
  const key = versionKey();
  const metaFile = join(DATA_DIR, `province-${key}.pg.json`);
  const found = await adminQuery<{ comment: string | null }>(
    adminUrl,
    `select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`,
    [TEMPLATE_DB],
  );
  let meta: ProvinceMeta;
  if (found[0]?.comment === key && existsSync(metaFile)) {
    log(`reusing template database ${TEMPLATE_DB}`);
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as ProvinceMeta;
  } else {
    log(`generating template database ${TEMPLATE_DB} …`);
    await adminQuery(adminUrl, `drop database if exists ${TEMPLATE_DB}`);
    await adminQuery(adminUrl, `create database ${TEMPLATE_DB}`);
    const handle = await createDatabase({ databaseUrl: withDatabase(adminUrl, TEMPLATE_DB), pgPoolSize: 2 });
    try {
      meta = await load(handle, key);
    } finally {
      await handle.close();
    }
    // Statistics and a visibility map, as autovacuum gives a database in service (without the
    // visibility map every index-only scan fetches heap pages); copied along with the template.
    await adminQuery(withDatabase(adminUrl, TEMPLATE_DB), 'vacuum analyze');
    await adminQuery(adminUrl, `comment on database ${TEMPLATE_DB} is '${key}'`);
    mkdirSync(DATA_DIR, { recursive: true });
    for (const f of readdirSync(DATA_DIR))
      if (f.startsWith('province-') && f.endsWith('.pg.json')) rmSync(join(DATA_DIR, f), { force: true });
    writeFileSync(metaFile, JSON.stringify(meta, null, 2));
    log(`generated ${summaryOf(meta)} in ${meta.generatedMs} ms`);
  }
  await adminQuery(adminUrl, `drop database if exists ${PG_BENCH_DB}`);
  await adminQuery(adminUrl, `create database ${PG_BENCH_DB} template ${TEMPLATE_DB}`);
  return { url: withDatabase(adminUrl, PG_BENCH_DB), meta };
}

/** Drops the per-run PostgreSQL database (the template stays for the next run). */
export async function dropPostgresBench(adminUrl: string): Promise<void> {
  await adminQuery(adminUrl, `drop database if exists ${PG_BENCH_DB} with (force)`);
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  const result = url ? await postgresProvince(url, console.log) : await sqliteProvince(console.log);
  console.log(JSON.stringify(result, null, 2));
}
