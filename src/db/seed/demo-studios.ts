import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { StudioStatus } from '../../domain/studios/lifecycle.ts';
import { studioStatuses } from '../../domain/studios/lifecycle.ts';
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import { searchKeysOf } from '../../domain/text/search-keys.ts';
import { insertSearchTerms } from '../../server/features/registry/volunteer-terms.repository.ts';

/** A demo party member in the registry. */
interface PersonSpec {
  key: string;
  name: string;
  unitCode: string;
  gender: '男' | '女';
  birthYear: number;
  phone: string;
  profession: string;
  account?: string;
}

/** Demo party members: the three the bulletin names, and colleagues for studios in every state. */
const people: PersonSpec[] = [
  {
    key: 'zwz',
    name: '张婉珍',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1958,
    phone: '13905970101',
    profession: '书法、音乐、绘画',
    account: 'zhangwanzhen',
  },
  {
    key: 'jlf',
    name: '蒋来发',
    unitCode: '350802004001',
    gender: '男',
    birthYear: 1930,
    phone: '13905970102',
    profession: '卫生防疫（退休）',
  },
  {
    key: 'zbx',
    name: '张柏先',
    unitCode: '350802105206',
    gender: '男',
    birthYear: 1968,
    phone: '13905970103',
    profession: '生猪养殖专业户',
  },
  {
    key: 'lzq',
    name: '林志强',
    unitCode: '350802001001',
    gender: '男',
    birthYear: 1975,
    phone: '13905970104',
    profession: '律师',
  },
  {
    key: 'cml',
    name: '陈美玲',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1982,
    phone: '13905970105',
    profession: '中学教师',
  },
  {
    key: 'wjg',
    name: '王建国',
    unitCode: '350802003001',
    gender: '男',
    birthYear: 1965,
    phone: '13905970106',
    profession: '电工',
  },
  {
    key: 'lxy',
    name: '刘晓燕',
    unitCode: '350802003002',
    gender: '女',
    birthYear: 1979,
    phone: '13905970107',
    profession: '心理咨询师',
  },
  {
    key: 'zht',
    name: '郑海涛',
    unitCode: '350802003003',
    gender: '男',
    birthYear: 1971,
    phone: '13905970108',
    profession: '人力资源管理师',
  },
  {
    key: 'qlh',
    name: '邱丽华',
    unitCode: '350802003005',
    gender: '女',
    birthYear: 1986,
    phone: '13905970109',
    profession: '会计师',
  },
  {
    key: 'wxy',
    name: '吴秀英',
    unitCode: '350802004002',
    gender: '女',
    birthYear: 1960,
    phone: '13905970110',
    profession: '护士（退休）',
  },
  {
    key: 'hwb',
    name: '黄文斌',
    unitCode: '350802001005',
    gender: '男',
    birthYear: 1977,
    phone: '13905970111',
    profession: '家电维修技师',
  },
  {
    key: 'lcs',
    name: '赖春生',
    unitCode: '350802001006',
    gender: '男',
    birthYear: 1969,
    phone: '13905970112',
    profession: '农艺师',
  },
  {
    key: 'yml',
    name: '杨美兰',
    unitCode: '350802002001',
    gender: '女',
    birthYear: 1963,
    phone: '13905970113',
    profession: '社区医生',
  },
  {
    key: 'chm',
    name: '陈惠敏',
    unitCode: '350802003004',
    gender: '女',
    birthYear: 1990,
    phone: '13905970114',
    profession: '舞蹈教师',
  },
];

interface StudioSpec {
  name: string;
  unitCode: string;
  status: StudioStatus;
  category: string;
  leader: string;
  members?: string[];
  applicant: string;
  items: string[];
  hours: string;
  description: string;
  plaque?: string;
  reason?: string;
  commitments?: string[];
}

/** Studios in every state, including the three the bulletin describes. */
const studios: StudioSpec[] = [
  {
    name: '婉珍文艺专业服务室',
    unitCode: '350802003004',
    status: 'active',
    category: 'culture',
    leader: 'zwz',
    members: ['chm'],
    applicant: 'zhangwanzhen',
    items: ['广场舞教学', '书法绘画培训', '社区文艺汇演排练'],
    hours: '每周二、四 19:30-21:00；每周六 9:00-11:00',
    description: '发挥书法、音乐、绘画特长，免费为社区居民举办广场舞、书法绘画培训。',
    plaque: 'XL-2011-0002',
    commitments: ['每周二、四晚在西兴社区广场教授广场舞', '每月举办 2 次书法绘画公益课', '居民预约后 24 小时内答复'],
  },
  {
    name: '来发医疗卫生专业服务室',
    unitCode: '350802004001',
    status: 'active',
    category: 'health',
    leader: 'jlf',
    applicant: 'zhongcheng',
    items: ['义务健康咨询', '常见病预防指导', '测量血压'],
    hours: '每天 8:30-11:30（在家开办）',
    description: '80 多岁的老党员利用在卫生防疫部门工作的业务技能，在家开办服务室，为社区居民提供义务咨询诊疗。',
    plaque: 'XL-2011-0001',
    commitments: ['每天上午在家接待居民健康咨询', '行动不便的老人电话预约后上门测量血压'],
  },
  {
    name: '柏先生猪养殖技术服务室',
    unitCode: '350802105206',
    status: 'active',
    category: 'agriculture',
    leader: 'zbx',
    applicant: 'admin',
    items: ['生猪养殖技术咨询', '猪病防治指导', '养殖场选址建议'],
    hours: '每周一、三、五 14:00-17:00，农忙时随叫随到',
    description: '养猪专业户依托专业服务工作室，主动为村民提供生猪养殖技术咨询服务，带动群众致富。',
    plaque: 'XL-2011-0003',
    commitments: ['村民来电 12 小时内到场查看猪病', '每季度举办 1 次养殖技术讲座'],
  },
  {
    name: '共产党员法律专业服务工作室（东门）',
    unitCode: '350802001001',
    status: 'active',
    category: 'legal',
    leader: 'lzq',
    applicant: 'admin',
    items: ['法律援助咨询', '劳动争议调解指导', '进城务工人员维权咨询'],
    hours: '每周三 14:30-17:30',
    description: '依托律师事务所设立，为进城务工人员、青少年、台胞侨眷等群体提供法律援助咨询。',
    plaque: 'XL-2011-0004',
    commitments: ['每周三下午坐班接待', '法律援助咨询 48 小时内答复'],
  },
  {
    name: '美玲学业辅导工作室',
    unitCode: '350802003004',
    status: 'draft',
    category: 'education',
    leader: 'cml',
    applicant: 'xixing',
    items: ['小学生课后作业辅导'],
    hours: '每周一至周五 16:30-18:00',
    description: '为双职工家庭孩子提供课后辅导。',
  },
  {
    name: '建国便民维修工作室',
    unitCode: '350802003001',
    status: 'submitted',
    category: 'repair',
    leader: 'wjg',
    applicant: 'xicheng',
    items: ['家庭电路检修', '小家电维修'],
    hours: '每周六 8:30-11:30',
    description: '为社区居民义务检修电路和小家电。',
  },
  {
    name: '晓燕心理疏导工作室',
    unitCode: '350802003002',
    status: 'community_reviewed',
    category: 'counselling',
    leader: 'lxy',
    applicant: 'xicheng',
    items: ['青少年心理疏导', '家庭关系咨询'],
    hours: '每周日 15:00-17:00',
    description: '为青少年和家庭提供心理疏导。',
  },
  {
    name: '海涛就业指导工作室',
    unitCode: '350802003003',
    status: 'approved',
    category: 'employment',
    leader: 'zht',
    applicant: 'xicheng',
    items: ['求职简历指导', '就业政策解读'],
    hours: '每周四 9:00-11:00',
    description: '为失业人员和高校毕业生提供就业指导。',
  },
  {
    name: '丽华理财咨询室',
    unitCode: '350802003005',
    status: 'rejected',
    category: 'entrepreneurship',
    leader: 'qlh',
    applicant: 'xicheng',
    items: ['家庭理财规划'],
    hours: '每周五 19:00-20:30',
    description: '家庭理财咨询。',
    reason: '服务项目与代理销售理财产品有关，存在“趋利化”风险，建议调整服务项目后重新申办。',
  },
  {
    name: '秀英养老护理服务室',
    unitCode: '350802004002',
    status: 'contracted',
    category: 'elderly',
    leader: 'wxy',
    applicant: 'zhongcheng',
    items: ['居家老人护理指导', '康复训练示范'],
    hours: '每周二、五 9:00-11:00',
    description: '退休护士为居家老人提供护理指导。',
  },
  {
    name: '文斌家电维修服务室',
    unitCode: '350802001005',
    status: 'rectification',
    category: 'repair',
    leader: 'hwb',
    applicant: 'admin',
    items: ['家电义务维修'],
    hours: '每周日 9:00-12:00',
    description: '为居民义务维修家电。',
    plaque: 'XL-2011-0005',
    reason: '群众反映维修后推荐购买指定配件，存在“趋利化”倾向，限期整改。',
    commitments: ['每周日上午义务维修'],
  },
  {
    name: '春生农技服务室',
    unitCode: '350802001006',
    status: 'revoked',
    category: 'agriculture',
    leader: 'lcs',
    applicant: 'admin',
    items: ['果蔬种植技术指导'],
    hours: '每周三 9:00-11:00',
    description: '果蔬种植技术指导。',
    plaque: 'XL-2011-0006',
    reason: '连续两个季度未开展服务，群众反映强烈，经街道党工委研究决定取消牌匾。',
  },
  {
    name: '美兰健康服务室',
    unitCode: '350802002001',
    status: 'closed',
    category: 'health',
    leader: 'yml',
    applicant: 'admin',
    items: ['慢性病随访'],
    hours: '每周一 15:00-17:00',
    description: '社区慢性病随访。',
    plaque: 'XL-2011-0007',
    reason: '领岗党员工作调动，本人申请不再领岗。',
  },
];

/** Demo residents subscribed to 西兴社区's announcements (fictitious numbers). */
const subscribers = [{ unitCode: '350802003004', phones: ['13800000001', '13800000002', '13800000003'] }];

const reached = (status: StudioStatus, step: StudioStatus) => {
  const order: StudioStatus[] = ['draft', 'submitted', 'community_reviewed', 'approved', 'contracted', 'active'];
  if (status === 'rejected') return false;
  if (['rectification', 'revoked', 'closed'].includes(status)) return true;
  return order.indexOf(status) >= order.indexOf(step);
};

/** Loads the demo registry, studios in every state with their history, and SMS subscribers. */
export async function loadDemoStudios(db: Kysely<Database>, at: string): Promise<void> {
  const unit = async (code: string) =>
    db
      .selectFrom('org_units')
      .select(['id', 'lng', 'lat', 'parent_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const account = async (username: string) =>
    await db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const categoryId = async (code: string) =>
    (await db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  const personIds = new Map<string, number>();
  for (const p of people) {
    const keys = searchKeysOf(p.name);
    const unitId = (await unit(p.unitCode)).id;
    const row = await db
      .insertInto('volunteers')
      .values({
        kind: 'party_member',
        name: p.name,
        gender: p.gender,
        birth_year: p.birthYear,
        phone: p.phone,
        unit_id: unitId,
        account_id: p.account ? (await account(p.account)).id : null,
        party_branch: null,
        profession: p.profession,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: 'selected',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertSearchTerms(db, [{ id: row.id, unit_id: unitId, name: p.name, profession: p.profession, ...keys }]);
    personIds.set(p.key, row.id);
  }

  const street = await account('xicheng');
  for (const [n, s] of studios.entries()) {
    const u = await unit(s.unitCode);
    const parent = u.parent_id
      ? await db.selectFrom('org_units').select(['lng', 'lat', 'name']).where('id', '=', u.parent_id).executeTakeFirst()
      : undefined;
    const applicant = await account(s.applicant);
    const day = `2011-0${1 + (n % 3)}-${String(10 + n).padStart(2, '0')}`;
    const hasTerm = reached(s.status, 'contracted');
    const studio = await db
      .insertInto('studios')
      .values({
        name: s.name,
        unit_id: u.id,
        status: s.status,
        staffing_mode: s.members?.length ? 'team' : 'single',
        origin: s.applicant === 'zhangwanzhen' ? 'self' : 'recommended',
        recommended_by_unit_id:
          s.applicant === 'zhangwanzhen'
            ? null
            : (
                await db
                  .selectFrom('accounts')
                  .select('unit_id')
                  .where('id', '=', applicant.id)
                  .executeTakeFirstOrThrow()
              ).unit_id,
        applicant_account_id: applicant.id,
        leader_volunteer_id: personIds.get(s.leader) ?? null,
        description: s.description,
        venue_address: `${parent?.name ?? ''}${s.unitCode === '350802004001' ? '蒋来发家中' : '党群服务中心'}`,
        opening_hours: s.hours,
        contact_phone: `0597-22${String(30000 + n * 37).slice(0, 5)}`,
        // Studios without a point of their own sit near their community's or street's point (GCJ-02).
        lng: (u.lng ?? parent?.lng ?? 117.03) + ((n % 5) - 2) * 0.0007,
        lat: (u.lat ?? parent?.lat ?? 25.09) + ((n % 3) - 1) * 0.0006,
        term_start: hasTerm ? '2025-01-01' : null,
        term_end: hasTerm ? (s.status === 'contracted' ? '2026-12-15' : '2027-12-31') : null,
        plaque_number: s.plaque ?? null,
        status_reason: s.reason ?? null,
        status_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = studio.id;
    await db
      .insertInto('studio_categories')
      .values({ studio_id: id, category_id: await categoryId(s.category) })
      .execute();
    await db
      .insertInto('studio_service_items')
      .values(s.items.map((title, i) => ({ studio_id: id, title, description: '', position: i + 1 })))
      .execute();
    await db
      .insertInto('studio_members')
      .values([
        { studio_id: id, volunteer_id: personIds.get(s.leader) ?? 0, role: 'leader' },
        ...(s.members ?? []).map((m) => ({ studio_id: id, volunteer_id: personIds.get(m) ?? 0, role: 'member' })),
      ])
      .execute();
    const history: Array<[string, string | null, string, string | null]> = [['create', null, 'draft', null]];
    if (reached(s.status, 'submitted') || s.status === 'rejected') history.push(['submit', 'draft', 'submitted', null]);
    const review = (stage: string, decision: string, reason: string | null) => ({
      studio_id: id,
      stage,
      political_pass: 1,
      political_comment: '政治素质好',
      specialty_pass: 1,
      specialty_comment: '具备相应专业特长',
      items_pass: decision === 'pass' ? 1 : 0,
      items_comment: decision === 'pass' ? '服务项目符合群众需求' : '服务项目需调整',
      decision,
      reason,
      reviewer_id: street.id,
      at,
    });
    if (reached(s.status, 'community_reviewed')) {
      await db
        .insertInto('studio_reviews')
        .values(review('community', 'pass', null))
        .execute();
      history.push(['communityReview', 'submitted', 'community_reviewed', null]);
    }
    if (s.status === 'rejected') {
      await db
        .insertInto('studio_reviews')
        .values(review('community', 'fail', s.reason ?? null))
        .execute();
      history.push(['communityReview', 'submitted', 'rejected', s.reason ?? null]);
    }
    if (reached(s.status, 'approved')) {
      await db
        .insertInto('studio_reviews')
        .values(review('street', 'pass', null))
        .execute();
      history.push(['streetReview', 'community_reviewed', 'approved', null]);
    }
    if (hasTerm) {
      const signatories = [
        { party: '甲方', name: `中共${parent?.name ?? ''}工作委员会` },
        { party: '乙方', name: people.find((p) => p.key === s.leader)?.name ?? '' },
      ];
      await db
        .insertInto('studio_contracts')
        .values({
          studio_id: id,
          number: `XLHT-2011-${String(n + 1).padStart(4, '0')}`,
          term_start: '2025-01-01',
          term_end: s.status === 'contracted' ? '2026-12-15' : '2027-12-31',
          signatories_json: JSON.stringify(signatories),
          unpaid_clause: unpaidClause,
          renewal: 0,
          signed_by: street.id,
          signed_at: at,
        })
        .execute();
      history.push(['sign', 'approved', 'contracted', null]);
    }
    if (s.plaque) {
      const retired = s.status === 'revoked' || s.status === 'closed';
      await db
        .insertInto('plaques')
        .values({
          number: s.plaque,
          studio_id: id,
          awarded_on: day,
          awarded_by: street.id,
          retired_on: retired ? '2026-06-30' : null,
          retired_reason: retired ? (s.reason ?? null) : null,
        })
        .execute();
      history.push(['award', 'contracted', 'active', s.plaque]);
    }
    if (s.status === 'rectification') {
      await db
        .insertInto('studio_rectifications')
        .values({
          studio_id: id,
          kind: 'drift_profit',
          findings: s.reason ?? '',
          deadline: '2026-11-20',
          opened_by: street.id,
          opened_at: at,
          closed_at: null,
          outcome: null,
        })
        .execute();
      history.push(['rectify', 'active', 'rectification', s.reason ?? null]);
    }
    if (s.status === 'revoked') history.push(['revoke', 'active', 'revoked', s.reason ?? null]);
    if (s.status === 'closed') history.push(['close', 'active', 'closed', s.reason ?? null]);
    await db
      .insertInto('studio_transitions')
      .values(
        history.map(([action, from, to, note]) => ({
          studio_id: id,
          action,
          from_status: from,
          to_status: to,
          actor_id: applicant.id,
          actor_name: 'demo',
          note,
          at,
        })),
      )
      .execute();
    if (s.commitments) {
      const kinds = ['hours', 'activities', 'response'];
      await db
        .insertInto('commitments')
        .values(
          s.commitments.map((text, i) => ({
            studio_id: id,
            kind: /小时|答复|到场/.test(text) ? 'response' : (kinds[i % 2] ?? 'other'),
            text,
            target: null,
            position: i + 1,
            status: 'published',
            published_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  }

  for (const s of subscribers) {
    const u = await unit(s.unitCode);
    await db
      .insertInto('sms_subscriptions')
      .values(
        s.phones.map((phone) => ({
          unit_id: u.id,
          phone,
          consent_version: '2026-11',
          subscribed_at: at,
          unsubscribed_at: null,
        })),
      )
      .execute();
  }
}

/** The statuses the demo covers: all of them. */
export const demoStatuses = new Set(studios.map((s) => s.status));
export const everyStatusCovered = studioStatuses.every((s) => demoStatuses.has(s));
