import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { chinaMidnight, firstDayOf, previousQuarter, quarterOfDay } from '../../domain/inspections/quarters.ts';
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import { searchKeysOf } from '../../domain/text/search-keys.ts';
import { insertSearchTerms } from '../../server/features/registry/volunteer-terms.repository.ts';
import { insertDemoLetters, type DemoLetter } from './demo-letters.ts';

/** A serving studio of 西城街道 that residents complained about, twice with cause, last quarter (fictitious). */
export const COMPLAINED_STUDIO = '莲花家电便民维修室';
const leader = { name: '罗建平', phone: '13905970191', birthYear: 1969, profession: '家电维修' };
const unitCode = '350802003006';
const plaque = 'XL-2013-0901';

const complaint = (code: string, dayOfQuarter: number, text: string, ruling: string) => ({
  code,
  dayOfQuarter,
  text,
  ruling,
});
const complaints = [
  complaint(
    'XLLHTS31',
    10,
    '莲花家电便民维修室公示每周三、六上午开放，我连续三次去都没有开门，电话也没人接。',
    '经走访核实，工作室近一个月未按公示时间开放，投诉属实。',
  ),
  complaint(
    'XLLHTS32',
    40,
    '预约上门修洗衣机，维修员迟到两个多小时，修完后态度生硬，洗衣机第二天又坏了。',
    '经回访当事居民和社区，上门迟到、返修未跟进情况属实。',
  ),
];

/**
 * Puts 莲花家电便民维修室 in 西城街道's 莲花社区: serving since before last quarter, with two
 * substantiated complaints in it (each handled twice, rated 不满意 twice, ruled 属实 by the
 * district), so the quarterly run proposes it to its street as 群众反映强烈.
 */
export async function loadComplainedStudio(db: Kysely<Database>, at: string): Promise<void> {
  const today = new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
  const lastQuarter = previousQuarter(quarterOfDay(today));
  const servingSince = chinaMidnight(firstDayOf(previousQuarter(lastQuarter)));
  const unit = await db
    .selectFrom('org_units')
    .select(['id', 'lng', 'lat', 'parent_id'])
    .where('code', '=', unitCode)
    .executeTakeFirstOrThrow();
  const street = await db
    .selectFrom('accounts')
    .select(['id', 'unit_id'])
    .where('username', '=', 'xicheng')
    .executeTakeFirstOrThrow();
  const keys = searchKeysOf(leader.name);
  const person = await db
    .insertInto('volunteers')
    .values({
      kind: 'party_member',
      name: leader.name,
      gender: '男',
      birth_year: leader.birthYear,
      phone: leader.phone,
      unit_id: unit.id,
      account_id: null,
      party_branch: null,
      profession: leader.profession,
      pinyin: keys.pinyin,
      initials: keys.initials,
      screening_status: 'selected',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertSearchTerms(db, [
    { id: person.id, unit_id: unit.id, name: leader.name, profession: leader.profession, ...keys },
  ]);
  const studio = await db
    .insertInto('studios')
    .values({
      name: COMPLAINED_STUDIO,
      unit_id: unit.id,
      status: 'active',
      staffing_mode: 'single',
      origin: 'recommended',
      recommended_by_unit_id: street.unit_id,
      applicant_account_id: street.id,
      leader_volunteer_id: person.id,
      description: '利用家电维修手艺，为社区居民提供小家电义务维修和上门检修。',
      venue_address: '西城街道莲花社区党群服务中心',
      opening_hours: '每周三、六 9:00-11:30',
      contact_phone: '0597-2239011',
      lng: 117.0262,
      lat: 25.0861,
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      plaque_number: plaque,
      status_reason: null,
      status_changed_at: servingSince,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = studio.id;
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('code', '=', 'repair')
    .executeTakeFirstOrThrow();
  await db.insertInto('studio_categories').values({ studio_id: id, category_id: category.id }).execute();
  await db
    .insertInto('studio_service_items')
    .values(
      ['小家电义务维修', '上门检修'].map((title, i) => ({ studio_id: id, title, description: '', position: i + 1 })),
    )
    .execute();
  await db.insertInto('studio_members').values({ studio_id: id, volunteer_id: person.id, role: 'leader' }).execute();
  await db
    .insertInto('studio_contracts')
    .values({
      studio_id: id,
      number: 'XLHT-2013-0901',
      term_start: '2025-01-01',
      term_end: '2027-12-31',
      signatories_json: JSON.stringify([
        { party: '甲方', name: '中共西城街道工作委员会' },
        { party: '乙方', name: leader.name },
      ]),
      unpaid_clause: unpaidClause,
      renewal: 0,
      signed_by: street.id,
      signed_at: at,
    })
    .execute();
  await db
    .insertInto('plaques')
    .values({
      number: plaque,
      studio_id: id,
      awarded_on: '2013-05-20',
      awarded_by: street.id,
      retired_on: null,
      retired_reason: null,
    })
    .execute();
  const history: Array<[string, string | null, string]> = [
    ['create', null, 'draft'],
    ['submit', 'draft', 'submitted'],
    ['communityReview', 'submitted', 'community_reviewed'],
    ['streetReview', 'community_reviewed', 'approved'],
    ['sign', 'approved', 'contracted'],
    ['award', 'contracted', 'active'],
  ];
  await db
    .insertInto('studio_transitions')
    .values(
      // The steps lead up to the award, a day apart, so the studio's state at any date since
      // then (what the dashboard reads from the history) is serving.
      history.map(([action, from, to], i) => ({
        studio_id: id,
        action,
        from_status: from,
        to_status: to,
        actor_id: street.id,
        actor_name: 'demo',
        note: action === 'award' ? plaque : null,
        at: new Date(Date.parse(servingSince) - (history.length - 1 - i) * 86_400_000).toISOString(),
      })),
    )
    .execute();

  // The two complaints of last quarter, each through both handlings to the district's ruling.
  const quarterStart = Date.parse(`${firstDayOf(lastQuarter)}T00:00:00Z`);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const letters: DemoLetter[] = complaints.map((c, n) => ({
    code: c.code,
    type: 'complaint',
    studio: COMPLAINED_STUDIO,
    text: c.text,
    writer: { name: n === 0 ? '钟秀兰' : '邱志坚', phone: `1370597003${n + 1}` },
    daysAgo: Math.round((todayMs - quarterStart) / 86_400_000) - c.dayOfQuarter,
    steps: [
      { action: 'assign', day: 0 },
      { action: 'acknowledge', day: 1, note: '已受理，将约谈工作室负责人核实' },
      { action: 'reply', day: 6, note: '已约谈工作室负责人，要求按公示时间开放服务。' },
      { action: 'rate', day: 8, verdict: 'unsatisfied', note: '没有改进' },
      { action: 'replyAgain', day: 14, note: '街道已再次督促，并安排社区每周核查开放情况。' },
      { action: 'rateAgain', day: 16, verdict: 'unsatisfied', note: '仍然如此' },
      { action: 'rule', day: 18, finding: 'substantiated', note: c.ruling },
    ],
  }));
  await insertDemoLetters(db, at, letters);
}
