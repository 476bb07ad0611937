import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { defaultCategories } from '../../domain/categories/defaults.ts';
import { volunteerKinds } from '../../domain/registry/import-rows.ts';
import { searchKeysOf } from '../../domain/text/search-keys.ts';
import { insertSearchTerms } from '../../server/features/registry/volunteer-terms.repository.ts';
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import { demoPeriod, demoWorld } from './demo-world.ts';
import { loadDemoRecordBooks } from './demo-network-records.ts';

// The rest of the network No. 313 describes, beside the named demo studios: studios brought in
// as they stood (授牌, most before contracts were signed), the registry behind them, and their
// record books. Counts are topped up to `demoWorld`, so the figures hold whatever the other demo
// files load. Streets the tests walk through (西城, 中城) get none of it.

const surnames = ['罗', '谢', '温', '卢', '钟', '曾', '游', '傅', '简', '江', '魏', '廖', '翁', '邓', '苏', '范', '饶'];
const firsts = ['明', '秋', '德', '丽', '春', '国', '永', '淑', '金', '玉', '福', '桂'];
const seconds = ['华', '平', '英', '生', '芳', '荣', '清', '兰', '财', '勇', '梅', '辉', '莲'];
const orgs = ['区人民医院', '区司法局', '区农业农村局', '龙岩学院', '区妇联', '区残联', '新罗区义工联合会'];
const professions = ['律师', '医生', '教师', '农艺师', '社工', '会计师', '电工', '护士', '心理咨询师', '退休干部'];
const itemOf: Record<string, [string, string]> = {
  legal: ['法律', '法律援助咨询'],
  culture: ['文艺', '文艺培训'],
  family: ['家庭', '计生家庭服务'],
  employment: ['就业', '就业指导'],
  health: ['健康', '健康咨询'],
  counselling: ['心理', '心理疏导'],
  education: ['学业', '课后辅导'],
  agriculture: ['农技', '种养技术指导'],
  elderly: ['助老', '居家养老服务'],
  entrepreneurship: ['创业', '创业指导'],
  repair: ['维修', '便民维修'],
};
const otherVenues = ['market', 'residential', 'office'] as const;
const venueWords = { market: '农贸市场', residential: '住宅小区', office: '商务楼宇' } as const;

/** The n-th demo name: no two alike, none of a named demo person's. */
const nameOf = (n: number) =>
  `${surnames[n % surnames.length]}${firsts[Math.floor(n / surnames.length) % firsts.length]}${seconds[(n * 7) % seconds.length]}`;

const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);

/** Tops the demo's network up to the seed's figures: studios, registry, contracts, commitments, services. */
export async function loadDemoNetwork(db: Kysely<Database>, at: string): Promise<void> {
  const period = demoPeriod(at);
  // The network stood before the period: it counts from its first day.
  const since = new Date(Date.parse(`${period.from}T00:00:00Z`) - 40 * 86_400_000).toISOString();
  const sinceDay = since.slice(0, 10);
  const units = await db.selectFrom('org_units').select(['id', 'code', 'level', 'lng', 'lat', 'name']).execute();
  const spare = (u: { code: string }) => !/^35080200[34]/.test(u.code);
  const byPath = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  const communities = units.filter((u) => u.level === 'community' && spare(u)).sort(byPath);
  const villages = units.filter((u) => u.level === 'village').sort(byPath);
  const enterprises = units.filter((u) => u.level === 'enterprise' && spare(u)).sort(byPath);
  const admin = await db.selectFrom('accounts').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
  const categories = new Map(
    (await db.selectFrom('categories').select(['id', 'code']).execute()).map((c) => [c.code, c.id]),
  );

  // What the other demo files already hold.
  const serving = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['org_units.level', 'studios.venue_type'])
    .where('studios.status', 'in', ['active', 'rectification'])
    .execute();
  const isOther = (v: string | null) => v !== null && (otherVenues as readonly string[]).includes(v);
  const have = {
    community: serving.filter((s) => s.level === 'community' && !isOther(s.venue_type)).length,
    rural: serving.filter((s) => (s.level === 'village' || s.level === 'enterprise') && !isOther(s.venue_type)).length,
    other: serving.filter((s) => isOther(s.venue_type)).length,
  };
  const volunteers = await count(
    db
      .selectFrom('volunteers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst(),
  );
  const leaders = await count(
    db
      .selectFrom('studios')
      .innerJoin('studio_contracts', 'studio_contracts.studio_id', 'studios.id')
      .select((eb) => eb.fn.count<number>('studios.leader_volunteer_id').distinct().as('n'))
      .executeTakeFirst(),
  );
  const commitments = await count(
    db
      .selectFrom('commitments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'published')
      .executeTakeFirst(),
  );

  // The studios to add, class by class, each in its own unit, categories in turn.
  const places = [
    ...Array.from({ length: demoWorld.studiosCommunity - have.community }, (_, i) => ({
      unit: communities[(i * 5) % communities.length],
      venue: 'community' as string,
    })),
    ...Array.from({ length: demoWorld.studiosRuralEnterprise - have.rural }, (_, i) =>
      i < enterprises.length
        ? { unit: enterprises[i], venue: 'enterprise' }
        : { unit: villages[(i * 41) % villages.length], venue: 'community' },
    ),
    ...Array.from({ length: demoWorld.studiosOtherVenues - have.other }, (_, i) => ({
      unit: communities[(i * 7 + 2) % communities.length],
      venue: otherVenues[i % 3] as string,
    })),
  ];
  const codes = defaultCategories.map((c) => c.code);
  const extraPeople = demoWorld.volunteers - volunteers - places.length;
  if (places.some((p) => !p.unit) || extraPeople < 0) throw new Error('demo network does not fit the seed figures');

  // The registry: a leader for every studio, then colleagues, experts, stationed units and associations.
  const people = [
    ...places.map((p, i) => ({ kind: 'party_member', unit: p.unit!, name: nameOf(i), studio: i })),
    ...Array.from({ length: extraPeople }, (_, j) => {
      const kind = j < orgs.length * 2 ? volunteerKinds[2 + (j % 2)]! : j % 3 === 0 ? 'talent' : 'party_member';
      const studio = j % places.length;
      const name = kind.startsWith('party') || kind === 'talent' ? nameOf(places.length + j) : `${orgs[j >> 1]}`;
      return { kind, unit: places[studio]!.unit!, name, studio: kind === 'party_member' ? studio : -1 };
    }),
  ];
  const ids: number[] = [];
  for (const [n, p] of people.entries()) {
    const keys = searchKeysOf(p.name);
    const personal = p.kind === 'party_member' || p.kind === 'talent';
    const profession = personal ? professions[n % professions.length]! : null;
    const row = await db
      .insertInto('volunteers')
      .values({
        kind: p.kind,
        name: p.name,
        gender: personal ? (n % 2 === 0 ? '男' : '女') : null,
        birth_year: personal ? 1950 + ((n * 7) % 40) : null,
        phone: `1390608${String(n).padStart(4, '0')}`,
        unit_id: p.unit.id,
        account_id: null,
        party_branch: null,
        profession,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: p.kind === 'talent' && n % 2 === 1 ? 'candidate' : 'selected',
        created_at: since,
        updated_at: since,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
    // A person is found by profession too (律师, 医生): the terms carry it as every writer's do.
    await insertSearchTerms(db, [{ id: row.id, unit_id: p.unit.id, name: p.name, profession, ...keys }]);
  }

  const studios: Array<{ id: number; unitId: number; category: string }> = [];
  for (const [i, p] of places.entries()) {
    const unit = p.unit!;
    const code = codes[i % codes.length]!;
    const [word, item] = itemOf[code] ?? ['便民', '便民服务'];
    const leaderName = people[i]!.name;
    const where = isOther(p.venue) ? `${unit.name}${venueWords[p.venue as keyof typeof venueWords]}` : unit.name;
    const contracted = i % 3 === 0 && Math.floor(i / 3) < demoWorld.contractedLeaders - leaders;
    const studio = await db
      .insertInto('studios')
      .values({
        name: `${leaderName.slice(1)}${word}服务室`,
        unit_id: unit.id,
        status: 'active',
        staffing_mode: 'single',
        origin: 'recommended',
        recommended_by_unit_id: unit.id,
        applicant_account_id: admin.id,
        leader_volunteer_id: ids[i]!,
        description: `在${where}为群众提供${item}。`,
        venue_address: `${where}党群服务站`,
        opening_hours: `每周${'一二三四五六'[i % 6]} 9:00-11:30`,
        contact_phone: `0597-23${String(10000 + i * 13).slice(0, 5)}`,
        lng: (unit.lng ?? 117.03) + ((i % 5) - 2) * 0.0009,
        lat: (unit.lat ?? 25.09) + ((i % 3) - 1) * 0.0008,
        term_start: contracted ? sinceDay : null,
        term_end: contracted ? `${Number(at.slice(0, 4)) + 1}-12-31` : null,
        plaque_number: `XL-2010-${String(101 + i).padStart(4, '0')}`,
        venue_type: p.venue,
        status_reason: null,
        // Brought into Huimin when the demo was loaded: the quarters scored before it are the
        // named studios' own (the evaluation demo), as for a district that just adopted Huimin.
        status_changed_at: at,
        created_at: since,
        updated_at: since,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    studios.push({ id: studio.id, unitId: unit.id, category: code });
    await db
      .insertInto('studio_categories')
      .values({ studio_id: studio.id, category_id: categories.get(code) ?? 0 })
      .execute();
    await db
      .insertInto('studio_service_items')
      .values({ studio_id: studio.id, title: item, description: '', position: 1 })
      .execute();
    await db
      .insertInto('plaques')
      .values({
        number: `XL-2010-${String(101 + i).padStart(4, '0')}`,
        studio_id: studio.id,
        awarded_on: sinceDay,
        awarded_by: admin.id,
        retired_on: null,
        retired_reason: null,
      })
      .execute();
    if (contracted)
      await db
        .insertInto('studio_contracts')
        .values({
          studio_id: studio.id,
          number: `XLHT-2010-${String(101 + i).padStart(4, '0')}`,
          term_start: sinceDay,
          term_end: `${Number(at.slice(0, 4)) + 1}-12-31`,
          signatories_json: JSON.stringify([
            { party: '甲方', name: `${unit.name}党组织` },
            { party: '乙方', name: leaderName },
          ]),
          unpaid_clause: unpaidClause,
          renewal: 0,
          signed_by: admin.id,
          signed_at: since,
        })
        .execute();
    await db
      .insertInto('studio_transitions')
      .values({
        studio_id: studio.id,
        action: 'import',
        from_status: null,
        to_status: 'active',
        actor_id: admin.id,
        actor_name: 'demo',
        note: '原有网络（演示数据）',
        at,
      })
      .execute();
  }
  const members = people
    .map((p, n) => ({ p, id: ids[n]! }))
    .filter(({ p }) => p.studio >= 0)
    .map(({ p, id }, n) => ({
      studio_id: studios[p.studio]!.id,
      volunteer_id: id,
      role: n < places.length ? 'leader' : 'member',
    }));
  for (let i = 0; i < members.length; i += 200)
    await db
      .insertInto('studio_members')
      .values(members.slice(i, i + 200))
      .execute();
  const promised = Array.from({ length: demoWorld.commitments - commitments }, (_, k) => ({
    studio_id: studios[k % studios.length]!.id,
    kind: k % 2 === 0 ? 'hours' : 'response',
    text: k % 2 === 0 ? '按公示时间开放，节假日另行公告' : '群众来电 24 小时内答复',
    target: null,
    position: 1 + Math.floor(k / studios.length),
    status: 'published',
    published_at: since,
    created_at: since,
    updated_at: since,
  }));
  if (promised.length > 0) await db.insertInto('commitments').values(promised).execute();
  await loadDemoRecordBooks(db, at, studios, admin.id);
}
