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
import { searchKeysOf } from '../src/domain/text/search-keys.ts';

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

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** A weighted choice among [value, weight] pairs. */
function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): (r: () => number) => T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return (pairs[pairs.length - 1] as readonly [T, number])[0];
  };
}

// Surnames roughly as common as they are in Fujian (陈, 林 and 黄 lead), a few two-character ones.
const surname = weighted<string>([
  ['陈', 11],
  ['林', 9],
  ['黄', 6],
  ['张', 4],
  ['吴', 4],
  ['王', 3.5],
  ['李', 3.5],
  ['刘', 3],
  ['郑', 3],
  ['杨', 2],
  ['蔡', 2],
  ['许', 2],
  ['叶', 1.8],
  ['谢', 1.6],
  ['曾', 1.5],
  ['邱', 1.3],
  ['周', 1.3],
  ['江', 1.2],
  ['赖', 1.2],
  ['苏', 1.2],
  ['游', 1],
  ['徐', 1],
  ['何', 1],
  ['庄', 1],
  ['罗', 1],
  ['洪', 1],
  ['郭', 1],
  ['卢', 0.8],
  ['朱', 0.8],
  ['方', 0.8],
  ['詹', 0.6],
  ['肖', 0.6],
  ['魏', 0.6],
  ['钟', 0.6],
  ['傅', 0.6],
  ['高', 0.6],
  ['潘', 0.6],
  ['余', 0.6],
  ['彭', 0.5],
  ['连', 0.5],
  ['戴', 0.5],
  ['范', 0.4],
  ['温', 0.4],
  ['欧阳', 0.15],
  ['司马', 0.03],
]);
const MALE = [
  ...'伟强军勇杰涛明超刚建国文辉志海春生福德荣华金水土木火平安永清宏斌彬立新忠诚俊峰林松柏龙发财荣耀鸿达晨',
];
const FEMALE = [...'芳娜秀英敏静丽艳娟霞兰桂梅玲燕红美惠珍婉琴琳雪萍凤莲月香淑慧颖婷倩瑶洁'];

const PROFESSIONS = [
  '退休教师',
  '中学教师',
  '小学教师',
  '社区医生',
  '护士（退休）',
  '中医师',
  '药剂师',
  '律师',
  '会计师',
  '电工',
  '水电维修工',
  '家电维修技师',
  '农艺师',
  '生猪养殖专业户',
  '茶艺师',
  '心理咨询师',
  '社会工作者',
  '人力资源管理师',
  '退役军人',
  '公务员（退休）',
  '企业管理人员',
  '厨师',
  '驾驶员',
  '理发师',
  '舞蹈教师',
  '书法、音乐、绘画',
  '个体工商户',
  '网格员',
  '工程师',
  '大学生村官',
];
const QUALIFICATIONS = [
  '中级社会工作者',
  '执业医师',
  '执业律师',
  '注册会计师',
  '电工证',
  '心理咨询师二级',
  '高级农艺师',
  '教师资格证',
  '养老护理员',
];
const AVAILABILITY = ['每周六上午', '工作日晚上', '每周日下午', '随叫随到', '每周二、四晚上'];
const ITEM_WORDS: Record<number, string[]> = {
  1: ['法律援助咨询', '劳动争议调解指导', '政策解读'],
  2: ['广场舞教学', '书法绘画培训', '文艺汇演排练'],
  3: ['优生优育咨询', '计生政策宣传'],
  4: ['求职简历指导', '就业政策解读'],
  5: ['义务健康咨询', '测量血压', '慢性病随访'],
  6: ['青少年心理疏导', '家庭关系咨询'],
  7: ['课后作业辅导', '暑期托管'],
  8: ['种植技术指导', '养殖技术咨询'],
  9: ['居家老人护理指导', '助残上门服务'],
  10: ['创业政策咨询', '小微企业帮扶'],
  11: ['家电义务维修', '家庭电路检修'],
};
const STUDIO_WORD: Record<number, string> = {
  1: '法律',
  2: '文艺',
  3: '计生',
  4: '就业',
  5: '医疗卫生',
  6: '心理疏导',
  7: '学业辅导',
  8: '农技',
  9: '养老护理',
  10: '创业',
  11: '便民维修',
};
const OTHER_STATUSES = [
  'draft',
  'submitted',
  'community_reviewed',
  'approved',
  'contracted',
  'rectification',
  'closed',
] as const;
const ESTATES = ['花园', '新村', '小区', '公寓', '家园', '苑', '广场', '华府'];
const MARKETS = ['农贸市场', '综合市场', '商贸城'];
const OFFICES = ['商务大厦', '金融中心', '科技楼'];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

interface Leaf {
  spec: UnitSpec;
  id: number;
  lng: number;
  lat: number;
  streetCode: string;
  districtCode: string;
}

interface Person {
  id: number;
  name: string;
  pinyin: string;
  initials: string;
  profession: string;
  qualifications: string | null;
  unit: Leaf;
}

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

  // --- People: spread over the units by level (communities are larger), at least 3 per studio.
  const levelWeight = { community: 16, village: 10, enterprise: 5 } as Record<string, number>;
  const weights = leaves.map((l) => (levelWeight[l.spec.level] ?? 8) * (0.4 + r() * 1.2));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const peoplePer = weights.map((w, i) =>
    Math.max(Math.floor((SERVICE_SIZES.volunteers * w) / wsum), 3 * (studiosPer[i] ?? 0) + 2),
  );
  let extra = SERVICE_SIZES.volunteers - peoplePer.reduce((a, b) => a + b, 0);
  for (let i = 0; extra !== 0; i = (i + 1) % leaves.length) {
    if (extra > 0) {
      peoplePer[i] = (peoplePer[i] ?? 0) + 1;
      extra--;
    } else if ((peoplePer[i] ?? 0) > 3 * (studiosPer[i] ?? 0) + 2) {
      peoplePer[i] = (peoplePer[i] ?? 0) - 1;
      extra++;
    }
  }

  const keysCache = new Map<string, { pinyin: string; initials: string }>();
  const keysOf = (name: string) => {
    let k = keysCache.get(name);
    if (!k) {
      k = searchKeysOf(name);
      keysCache.set(name, k);
    }
    return k;
  };
  // Unique mobiles: a multiplicative scramble of the person's number over 10^9, behind 15/17/18/19.
  const phoneOf = (n: number) =>
    `1${'5789'[n % 4]}${String((n * 387_420_489 + 12_345_678) % 1_000_000_000).padStart(9, '0')}`;

  const people: Person[] = [];
  const volunteerRows: Array<Record<string, unknown>> = [];
  const volunteerCategoryRows: Array<{ volunteer_id: number; category_id: number }> = [];
  const peopleByLeaf: Person[][] = [];
  leaves.forEach((leaf, li) => {
    const mine: Person[] = [];
    for (let k = 0; k < (peoplePer[li] ?? 0); k++) {
      const id = people.length + 1;
      const male = r() < 0.52;
      const pool = male ? MALE : FEMALE;
      const name = surname(r) + (r() < 0.75 ? pick(r, pool) + pick(r, pool) : pick(r, pool));
      const keys = keysOf(name);
      const profession = pick(r, PROFESSIONS);
      const qualifications = r() < 0.3 ? pick(r, QUALIFICATIONS) : null;
      const p: Person = {
        id,
        name,
        pinyin: keys.pinyin,
        initials: keys.initials,
        profession,
        qualifications,
        unit: leaf,
      };
      people.push(p);
      mine.push(p);
      const screening = r();
      volunteerRows.push({
        id,
        kind: r() < 0.82 ? 'party_member' : 'talent',
        name,
        gender: male ? '男' : '女',
        birth_year: 1940 + Math.floor(r() * 62),
        phone: phoneOf(id),
        unit_id: leaf.id,
        account_id: null,
        party_branch: `${leaf.spec.shortName}第${'一二三'[Math.floor(r() * 3)]}党支部`,
        profession,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: screening < 0.6 ? 'selected' : screening < 0.95 ? 'candidate' : 'declined',
        id_number_hash: null,
        id_number_masked: null,
        contact_name: null,
        qualifications,
        availability: pick(r, AVAILABILITY),
        notes: null,
        screened_by: null,
        screened_at: null,
        screening_reason: null,
        created_at: at,
        updated_at: at,
      });
      const first = 1 + Math.floor(r() * 11);
      volunteerCategoryRows.push({ volunteer_id: id, category_id: first });
      if (r() < 0.45) {
        const second = 1 + Math.floor(r() * 11);
        if (second !== first) volunteerCategoryRows.push({ volunteer_id: id, category_id: second });
      }
    }
    peopleByLeaf.push(mine);
  });

  // --- Studios: the unit's first people lead them; team studios take the next ones as members.
  const studioRows: Array<Record<string, unknown>> = [];
  const studioCategoryRows: Array<{ studio_id: number; category_id: number }> = [];
  const memberRows: Array<{ studio_id: number; volunteer_id: number; role: string }> = [];
  const itemRows: Array<{ studio_id: number; title: string; description: string; position: number }> = [];
  const plaqueRows: Array<Record<string, unknown>> = [];
  const serving: Array<{ id: number; lng: number; lat: number; categories: number[]; districtCode: string }> = [];
  let recordStudio: ServicesMeta['recordStudio'] | undefined;
  let recordLeader: Person | undefined;
  let active = 0;
  leaves.forEach((leaf, li) => {
    const staff = peopleByLeaf[li] ?? [];
    let next = 0;
    for (let k = 0; k < (studiosPer[li] ?? 0); k++) {
      const id = studioRows.length + 1;
      const leader = staff[next++] as Person;
      const team = r() < 0.4 ? 1 + Math.floor(r() * 2) : 0;
      const members = staff.slice(next, next + team);
      next += team;
      const c1 = 1 + Math.floor(r() * 11);
      const c2 = r() < 0.5 ? 1 + Math.floor(r() * 11) : c1;
      const categories = c1 === c2 ? [c1] : [c1, c2];
      // The first studio of the bench street's first community is the member account's, and serving.
      const isRecordStudio =
        !recordStudio && leaf.streetCode === opts.benchStreetCode && leaf.spec.level === 'community';
      const status = isRecordStudio || r() < 0.92 ? 'active' : pick(r, OTHER_STATUSES);
      const hasPlaque = ['active', 'rectification', 'closed'].includes(status);
      const plaque = hasPlaque ? `FJ-${String(2011 + (id % 14))}-${String(id).padStart(6, '0')}` : null;
      const given = leader.name.length > 2 ? leader.name.slice(-2) : leader.name;
      const name = `${given}${STUDIO_WORD[c1] ?? ''}${r() < 0.5 ? '专业服务室' : '工作室'}`;
      const lng = round6(leaf.lng + (r() - 0.5) * 0.012);
      const lat = round6(leaf.lat + (r() - 0.5) * 0.011);
      studioRows.push({
        id,
        name,
        unit_id: leaf.id,
        status,
        staffing_mode: team ? 'team' : 'single',
        origin: r() < 0.3 ? 'self' : 'recommended',
        recommended_by_unit_id: null,
        applicant_account_id: opts.adminAccountId,
        leader_volunteer_id: leader.id,
        description: `发挥${leader.profession}特长，为${leaf.spec.shortName}居民提供${(ITEM_WORDS[c1] ?? ['志愿服务'])[0]}等服务。`,
        venue_address: `${leaf.spec.shortName}党群服务中心`,
        opening_hours: pick(r, [
          '每周二、四 19:30-21:00',
          '每周六 9:00-11:00',
          '每天 8:30-11:30',
          '每周三 14:30-17:30',
          '工作日 16:30-18:00',
        ]),
        contact_phone: `0591-8${String(id).padStart(7, '0')}`,
        lng,
        lat,
        term_start: hasPlaque || status === 'contracted' ? '2025-01-01' : null,
        term_end: hasPlaque || status === 'contracted' ? '2027-12-31' : null,
        plaque_number: plaque,
        status_reason:
          status === 'rectification'
            ? '服务记录不全，限期整改。'
            : status === 'closed'
              ? '领岗党员工作调动，本人申请不再领岗。'
              : null,
        status_changed_at: at,
        created_at: at,
        updated_at: at,
      });
      for (const c of categories) studioCategoryRows.push({ studio_id: id, category_id: c });
      memberRows.push({ studio_id: id, volunteer_id: leader.id, role: 'leader' });
      for (const m of members) memberRows.push({ studio_id: id, volunteer_id: m.id, role: 'member' });
      (ITEM_WORDS[c1] ?? [])
        .slice(0, 2)
        .forEach((title, i) => itemRows.push({ studio_id: id, title, description: '', position: i + 1 }));
      if (plaque)
        plaqueRows.push({
          number: plaque,
          studio_id: id,
          awarded_on: '2025-01-01',
          awarded_by: opts.adminAccountId,
          retired_on: status === 'closed' ? '2026-06-30' : null,
          retired_reason: null,
        });
      if (status === 'active') active++;
      if (status === 'active' || status === 'rectification')
        serving.push({ id, lng, lat, categories, districtCode: leaf.districtCode });
      if (isRecordStudio) {
        recordStudio = { id, name, unitCode: leaf.spec.code, categoryId: c1 };
        recordLeader = leader;
      }
    }
  });
  if (active < SERVICE_SIZES.minActiveStudios) throw new Error(`only ${active} active studios generated`);
  if (!recordStudio || !recordLeader) throw new Error('no studio in a community of the bench street');

  // --- Siting: residential areas (with populations) and venues around each unit's point.
  const areaRows: Array<Record<string, unknown>> = [];
  const venueRows: Array<Record<string, unknown>> = [];
  let population = 0;
  const district = { areas: 0, venues: 0 };
  for (const leaf of leaves) {
    const s = leaf.spec;
    const stem = s.shortName.replace(/社区$|村$/, '');
    const inDistrict = leaf.districtCode === opts.benchDistrictCode;
    const count =
      s.level === 'community'
        ? 6 + Math.floor(r() * 6)
        : s.level === 'village'
          ? 4 + Math.floor(r() * 3)
          : r() < 0.5
            ? 1
            : 0;
    for (let i = 0; i < count; i++) {
      // Estates of 200–800 people and natural villages of 100–400: about 38 million in all, near Fujian's 41.
      const pop =
        Math.round(
          (s.level === 'community' ? 200 + r() * 600 : s.level === 'village' ? 100 + r() * 300 : 100 + r() * 300) / 10,
        ) * 10;
      population += pop;
      const name =
        s.level === 'community'
          ? `${stem}${pick(r, ESTATES)}${i > 0 ? `${i + 1}期` : ''}`
          : s.level === 'village'
            ? `${stem}${['上', '下', '中', '新', '后', '前'][i] ?? ''}自然村`
            : `${s.shortName}职工宿舍`;
      areaRows.push({
        unit_id: leaf.id,
        name,
        population: pop,
        lng: round6(leaf.lng + (r() - 0.5) * 0.024),
        lat: round6(leaf.lat + (r() - 0.5) * 0.022),
        created_at: at,
        updated_at: at,
      });
    }
    const venue = (type: string, name: string, dLng: number, dLat: number) =>
      venueRows.push({
        unit_id: leaf.id,
        type,
        name,
        address: `${byCode.get(s.parentCode ?? '')?.shortName ?? ''}${s.shortName}`,
        lng: round6(leaf.lng + dLng),
        lat: round6(leaf.lat + dLat),
        created_at: at,
        updated_at: at,
      });
    if (s.level === 'enterprise') {
      venue('enterprise', s.shortName, 0.006, -0.005);
      if (r() < 0.3) venue('office', `${s.shortName}办公楼`, 0.004, 0.002);
    } else {
      venue('community', `${s.shortName}党群服务中心`, 0, 0);
      const urban = s.level === 'community';
      if (r() < (urban ? 0.6 : 0.25)) venue('residential', `${stem}${pick(r, ESTATES)}物业中心`, 0.004, -0.003);
      if (r() < (urban ? 0.3 : 0.25)) venue('market', `${stem}${pick(r, MARKETS)}`, -0.003, 0.004);
      if (urban && r() < 0.3) venue('office', `${stem}${pick(r, OFFICES)}`, 0.005, 0.002);
    }
    if (inDistrict) {
      district.areas += count;
    }
  }
  const leafIds = new Set(leaves.filter((l) => l.districtCode === opts.benchDistrictCode).map((l) => l.id));
  district.venues = venueRows.filter((v) => leafIds.has(v.unit_id as number)).length;

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
