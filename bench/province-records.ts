/**
 * The province's service record book (issue 12's quarterly run, issue 13's dashboards at 10 million
 * records): about 10,000,000 records over the twelve months before the data set's day
 * (2025-11-25 … 2026-11-24, so about 2.5 million in 2026-Q3, the quarter the evaluation scores),
 * written by the members of the active studios (each member gets a member account) and about 12 %
 * of them rated by the resident served.
 *
 * Realistic shape, because the rollups' size depends on it: each studio keeps sessions on its own
 * days of the week (one, two or every working day, or a weekend day) at its own hour, and writes
 * a few records per session, mostly of one category and its usual mode for its usual groups;
 * busy and quiet studios differ by 5×. Records are written in time order, as the app would.
 *
 * Fast: multi-row inserts compiled once (src/db/bulk-insert.ts) with explicit ids, a commit per
 * month, and the secondary indexes built after loading. The rollups are then built from these
 * records by the app's own rebuild (bench/province-rollups.ts).
 */
import { sql, type Kysely } from 'kysely';
import { insertMany } from '../src/db/bulk-insert.ts';
import type { DatabaseHandle } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { servedGroups, serviceModes } from '../src/domain/delivery/delivery.ts';
import { seededRandom } from '../src/domain/needs/evaluation.ts';
import { subtreeRange } from '../src/domain/org-units/units.ts';

/** About how many records the book holds, and the days they fall on ([first, last]). */
export const RECORDS_TARGET = 10_000_000;
export const FIRST_DAY = '2025-11-25';
export const LAST_DAY = '2026-11-24';
/** The quarter the bench's evaluation scores (the last one over on the bench's day). */
export const EVALUATION_QUARTER = { name: '2026-Q3', start: '2026-07-01', end: '2026-10-01' };
/** The year the dashboards read. */
export const DASHBOARD_YEAR = '2026';

/** What the generator wrote and what the dashboards and the evaluation must find. */
export interface RecordsMeta {
  records: number;
  ratings: number;
  memberAccounts: number;
  studiosWithRecords: number;
  days: { first: string; last: string };
  quarter: { name: string; records: number; personTimes: number; ratings: number; studios: number };
  /** Records and person-times served in the dashboard year, for the root, the district and the street. */
  year: {
    records: number;
    personTimes: { root: number; district: number; street: number };
  };
  insertMs: number;
  indexMs: number;
}

const RECORD_COLUMNS = [
  'id',
  'studio_id',
  'unit_id',
  'author_id',
  'request_id',
  'idempotency_key',
  'rating_code',
  'served_at',
  'duration_minutes',
  'recipient_name',
  'groups_json',
  'category_id',
  'mode',
  'content',
  'person_times',
  'import_id',
  'created_at',
  'updated_at',
] as const;
const RATING_COLUMNS = ['id', 'studio_id', 'request_id', 'record_id', 'score', 'comment', 'created_at'] as const;

/** The secondary indexes of the two tables, dropped while loading and built again after. */
const INDEXES: Array<{ name: string; table: 'service_records' | 'ratings'; columns: string[] }> = [
  { name: 'service_records_studio_served', table: 'service_records', columns: ['studio_id', 'served_at'] },
  { name: 'service_records_unit_served', table: 'service_records', columns: ['unit_id', 'served_at'] },
  { name: 'service_records_request', table: 'service_records', columns: ['request_id'] },
  { name: 'ratings_studio', table: 'ratings', columns: ['studio_id'] },
];

const CONTENT = ['集中服务', '上门走访，了解需求并登记', '电话回访，解答问题', '线上答疑', '组织主题活动', '政策宣讲'];
const COMMENTS = ['', '', '', '服务很周到', '很及时，谢谢', '耐心细致'];
const DURATIONS = [30, 45, 60, 60, 90, 120];

interface Studio {
  id: number;
  unitId: number;
  path: string;
  categories: number[];
  authors: number[];
  /** Days of the week (0 = Sunday) it keeps sessions on. */
  weekdays: Set<number>;
  /** Records per session, on average. */
  perSession: number;
  hour: number;
  mode: string;
  groups: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The days of the book, with their day of the week. */
function daysOfBook(): Array<{ day: string; weekday: number }> {
  const out: Array<{ day: string; weekday: number }> = [];
  for (let t = Date.parse(`${FIRST_DAY}T00:00:00Z`); ; t += 86_400_000) {
    const d = new Date(t);
    const day = d.toISOString().slice(0, 10);
    out.push({ day, weekday: d.getUTCDay() });
    if (day === LAST_DAY) return out;
  }
}

/** The active studios with their categories, units and members (creating the members' accounts). */
async function loadStudios(db: Kysely<Database>, passwordHash: string, at: string) {
  const studios = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.id', 'studios.unit_id', 'org_units.path'])
    .where('studios.status', '=', 'active')
    .orderBy('studios.id')
    .execute();
  const categories = await db.selectFrom('studio_categories').select(['studio_id', 'category_id']).execute();
  const members = await db
    .selectFrom('studio_members')
    .innerJoin('studios', 'studios.id', 'studio_members.studio_id')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select([
      'studio_members.studio_id',
      'studio_members.role',
      'volunteers.id as volunteer_id',
      'volunteers.name',
      'volunteers.unit_id',
      'volunteers.account_id',
    ])
    .where('studios.status', '=', 'active')
    .orderBy('studio_members.studio_id')
    .execute();
  // A member account for every member of an active studio that has none (the record benchmark's
  // member has one already): records are written by accounts.
  const accountOf = new Map<number, number>();
  const missing = members.filter((m) => m.account_id === null);
  for (const m of members) if (m.account_id !== null) accountOf.set(m.volunteer_id, m.account_id);
  const fresh = [...new Map(missing.map((m) => [m.volunteer_id, m])).values()];
  const accountIds = await insertMany(
    db,
    'accounts',
    [
      'username',
      'display_name',
      'password_hash',
      'role',
      'unit_id',
      'locale',
      'large_font',
      'failed_count',
      'locked_until',
      'disabled',
      'created_at',
      'updated_at',
    ],
    fresh.map((m) => [
      `bv${m.volunteer_id}`,
      m.name,
      passwordHash,
      'member',
      m.unit_id,
      'zh-CN',
      0,
      0,
      null,
      0,
      at,
      at,
    ]),
    { perStatement: 1000, returning: true },
  );
  fresh.forEach((m, i) => accountOf.set(m.volunteer_id, accountIds[i] as number));
  await sql`update volunteers set account_id = (select a.id from accounts a where a.username = 'bv' || volunteers.id)
            where account_id is null and exists (select 1 from accounts a where a.username = 'bv' || volunteers.id)`.execute(
    db,
  );
  const catsOf = new Map<number, number[]>();
  for (const c of categories) catsOf.set(c.studio_id, [...(catsOf.get(c.studio_id) ?? []), c.category_id]);
  const authorsOf = new Map<number, number[]>();
  for (const m of members) {
    const list = authorsOf.get(m.studio_id) ?? [];
    // The leader writes most of a team's records.
    const id = accountOf.get(m.volunteer_id) as number;
    if (m.role === 'leader') list.unshift(id, id);
    else list.push(id);
    authorsOf.set(m.studio_id, list);
  }
  return { studios, catsOf, authorsOf, memberAccounts: fresh.length };
}

/** Each studio's rhythm: its days, hour, usual mode and groups, and how busy it is. */
function rhythms(
  r: () => number,
  rows: Array<{ id: number; unit_id: number; path: string }>,
  catsOf: Map<number, number[]>,
  authorsOf: Map<number, number[]>,
  sessionsPerWeekday: number,
): Studio[] {
  const out: Studio[] = [];
  const perStudio = RECORDS_TARGET / rows.length;
  for (const s of rows) {
    const authors = authorsOf.get(s.id) ?? [];
    if (authors.length === 0) continue;
    const x = r();
    const weekdays =
      x < 0.4
        ? [1 + Math.floor(r() * 5), 1 + Math.floor(r() * 5)]
        : x < 0.65
          ? [1 + Math.floor(r() * 5)]
          : x < 0.8
            ? [1, 2, 3, 4, 5]
            : [r() < 0.7 ? 6 : 0];
    const set = new Set(weekdays);
    const sessions = set.size * sessionsPerWeekday;
    const busy = 0.3 + 1.4 * r();
    const g1 = servedGroups[Math.floor(r() * servedGroups.length)] as string;
    const g2 = servedGroups[Math.floor(r() * servedGroups.length)] as string;
    out.push({
      id: s.id,
      unitId: s.unit_id,
      path: s.path,
      categories: catsOf.get(s.id) ?? [1],
      authors,
      weekdays: set,
      // 1.079: what cancelled sessions and rounding take off, so the book holds about RECORDS_TARGET.
      perSession: (1.079 * perStudio * busy) / sessions,
      hour: 1 + Math.floor(r() * 11), // 09:00–19:59 China time, the same UTC day
      mode: serviceModes[Math.floor(r() * serviceModes.length)] as string,
      groups: g1 === g2 ? [g1] : [g1, g2],
    });
  }
  return out;
}

/**
 * Generates and inserts the records and ratings (in their own transactions, a month each) and
 * builds the secondary indexes after. Reads the studios, members and units it needs from the
 * database; `districtPath`/`streetPath` are the bench's district and street, whose year totals it
 * reports.
 */
export async function insertRecords(
  handle: DatabaseHandle,
  o: { passwordHash: string; at: string; districtPath: string; streetPath: string },
): Promise<RecordsMeta> {
  const db = handle.db;
  const r = seededRandom(20261204);
  const started = performance.now();
  if (handle.engine === 'sqlite') await sql`pragma cache_size = -1000000`.execute(db);
  for (const ix of INDEXES) await db.schema.dropIndex(ix.name).ifExists().execute();
  const loaded = await db.transaction().execute((trx) => loadStudios(trx, o.passwordHash, o.at));
  const days = daysOfBook();
  const weeks = days.length / 7;
  const studios = rhythms(r, loaded.studios, loaded.catsOf, loaded.authorsOf, weeks);
  const district = subtreeRange(o.districtPath);
  const street = subtreeRange(o.streetPath);
  const within = (path: string, range: { from: string; to: string }) => path >= range.from && path < range.to;

  const meta: RecordsMeta = {
    records: 0,
    ratings: 0,
    memberAccounts: loaded.memberAccounts,
    studiosWithRecords: 0,
    days: { first: FIRST_DAY, last: LAST_DAY },
    quarter: { name: EVALUATION_QUARTER.name, records: 0, personTimes: 0, ratings: 0, studios: 0 },
    year: { records: 0, personTimes: { root: 0, district: 0, street: 0 } },
    insertMs: 0,
    indexMs: 0,
  };
  const served = new Set<number>();
  const servedInQuarter = new Set<number>();
  let records: unknown[][] = [];
  let ratings: unknown[][] = [];
  const flush = async (trx: Kysely<Database>) => {
    await insertMany(trx, 'service_records', RECORD_COLUMNS, records, { perStatement: 1000 });
    await insertMany(trx, 'ratings', RATING_COLUMNS, ratings, { perStatement: 2000 });
    records = [];
    ratings = [];
  };
  let id = 0;
  let ratingId = 0;
  // One transaction per month of days.
  const months = new Map<string, typeof days>();
  for (const d of days) months.set(d.day.slice(0, 7), [...(months.get(d.day.slice(0, 7)) ?? []), d]);
  for (const monthDays of months.values()) {
    await db.transaction().execute(async (trx) => {
      for (const { day, weekday } of monthDays) {
        const inQuarter = day >= EVALUATION_QUARTER.start && day < EVALUATION_QUARTER.end;
        const inYear = day.startsWith(DASHBOARD_YEAR);
        for (const s of studios) {
          if (!s.weekdays.has(weekday) || r() < 0.08) continue; // a session now and then cancelled
          const n = Math.max(1, Math.round(s.perSession * (0.4 + 1.2 * r())));
          const category = s.categories[Math.floor(r() * s.categories.length)] as number;
          const mode = r() < 0.75 ? s.mode : (serviceModes[Math.floor(r() * serviceModes.length)] as string);
          const groups = JSON.stringify(r() < 0.7 ? s.groups.slice(0, 1) : s.groups);
          const hour = `${day}T${pad(s.hour)}:`;
          for (let i = 0; i < n; i++) {
            id += 1;
            const servedAt = `${hour}${pad(Math.min(59, 3 * i + Math.floor(r() * 3)))}:00.000Z`;
            const personTimes = mode === 'activity' ? 5 + Math.floor(r() * 36) : 1 + Math.floor(r() * r() * 4);
            records.push([
              id,
              s.id,
              s.unitId,
              s.authors[Math.floor(r() * s.authors.length)],
              null,
              `bench-${id}`,
              `R${id.toString(36).toUpperCase().padStart(7, '0')}`,
              servedAt,
              DURATIONS[Math.floor(r() * DURATIONS.length)],
              null,
              groups,
              category,
              mode,
              CONTENT[Math.floor(r() * CONTENT.length)],
              personTimes,
              null,
              servedAt,
              servedAt,
            ]);
            if (r() < 0.12) {
              ratingId += 1;
              const x = r();
              const score = x < 0.7 ? 5 : x < 0.9 ? 4 : x < 0.97 ? 3 : x < 0.99 ? 2 : 1;
              ratings.push([ratingId, s.id, null, id, score, COMMENTS[Math.floor(r() * COMMENTS.length)], servedAt]);
              if (inQuarter) meta.quarter.ratings += 1;
            }
            served.add(s.id);
            if (inQuarter) {
              meta.quarter.records += 1;
              meta.quarter.personTimes += personTimes;
              servedInQuarter.add(s.id);
            }
            if (inYear) {
              meta.year.records += 1;
              meta.year.personTimes.root += personTimes;
              if (within(s.path, district)) meta.year.personTimes.district += personTimes;
              if (within(s.path, street)) meta.year.personTimes.street += personTimes;
            }
          }
          if (records.length >= 20_000) await flush(trx);
        }
      }
      await flush(trx);
    });
  }
  meta.records = id;
  meta.ratings = ratingId;
  meta.studiosWithRecords = served.size;
  meta.quarter.studios = servedInQuarter.size;
  meta.insertMs = Math.round(performance.now() - started);

  const indexed = performance.now();
  for (const ix of INDEXES) await db.schema.createIndex(ix.name).on(ix.table).columns(ix.columns).execute();
  if (handle.engine === 'postgres') {
    // Ids were given explicitly: move the sequences past them, so the app's inserts do not collide.
    for (const t of ['service_records', 'ratings'])
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(db);
  }
  meta.indexMs = Math.round(performance.now() - indexed);
  return meta;
}
