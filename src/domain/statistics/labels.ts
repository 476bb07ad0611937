/**
 * Chinese names of the values the dashboard counts, as the exported workbooks and the
 * bulletin print them (the console translates the keys itself).
 */
export const zhLabels = {
  studioStatus: {
    draft: '草稿',
    submitted: '待社区审核',
    community_reviewed: '待街道审核',
    approved: '已批准待签约',
    rejected: '未通过',
    contracted: '已签约待授牌',
    active: '已授牌',
    rectification: '整改中',
    revoked: '已取消牌匾',
    closed: '已关闭',
  },
  venueType: {
    community: '社区',
    enterprise: '企业',
    market: '大型市场',
    residential: '住宅小区',
    office: '商务楼宇',
    unknown: '未登记',
  },
  level: { community: '社区', village: '村', enterprise: '企业', district: '区', street: '街道', town: '镇' },
  volunteerKind: {
    party_member: '党员',
    talent: '专业技术人才',
    stationed_unit: '驻区单位',
    civic_organisation: '民间组织',
  },
  screening: { candidate: '待遴选', selected: '已选用', declined: '未选用' },
  mode: { studio: '工作室内', home: '上门', phone: '电话', online: '网上', activity: '集体活动' },
  group: {
    migrant_workers: '进城务工人员',
    youth: '青少年',
    taiwan_overseas: '台胞侨眷',
    elderly: '老年人',
    disabled: '残疾人',
    hardship: '困难群众',
    women_children: '妇女儿童',
    veterans: '退役军人',
    general: '一般群众',
  },
  letterType: { complaint: '投诉', suggestion: '建议', praise: '表扬', accusation: '检举控告' },
  inspection: { done: '已巡查', overdue: '逾期未巡查', planned: '待巡查' },
  rates: { response: '响应率', resolution: '解决率', satisfaction: '满意率' },
  headline: {
    studiosServing: '在岗工作室',
    volunteers: '志愿者',
    contractedLeaders: '签约领岗党员',
    publishedCommitments: '公开承诺',
    personTimes: '服务人次',
    legalAid: '法律援助咨询人次',
  },
} as const;

/** The label of a value, or the value itself when it has none. */
export function labelOf(table: Readonly<Record<string, string>>, key: string): string {
  return table[key] ?? key;
}

/** Statuses in which a studio serves residents (the network "as it stands"). */
export const servingStatuses: readonly string[] = ['active', 'rectification'];
