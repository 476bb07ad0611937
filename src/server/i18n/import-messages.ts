import type { RowProblem } from '../../domain/registry/import-rows.ts';
import type { Locale } from '../../contract/common.ts';

/** Problems of the network's imports (studios, service records) besides the registry's. */
type NetworkProblem =
  | 'invalidDate'
  | 'futureDate'
  | 'unknownStudio'
  | 'notAMember'
  | 'invalidMode'
  | 'invalidPersonTimes'
  | 'unknownGroup'
  | 'duplicateRecord'
  | 'invalidStatus'
  | 'invalidVenueType'
  | 'unknownPerson'
  | 'missingContract'
  | 'missingPlaque'
  | 'endBeforeStart'
  | 'duplicateStudio'
  | 'numberTaken';

const messages: Record<RowProblem | NetworkProblem, Record<Locale, string>> = {
  invalidDate: {
    'zh-CN': '日期格式应为 2011-03-05',
    'zh-TW': '日期格式應為 2011-03-05',
    en: 'Dates are written 2011-03-05',
  },
  futureDate: { 'zh-CN': '日期晚于今天', 'zh-TW': '日期晚於今天', en: 'The date is after today' },
  unknownStudio: {
    'zh-CN': '找不到该工作室（请填写准确名称）',
    'zh-TW': '找不到該工作室（請填寫準確名稱）',
    en: 'Unknown studio (give its exact name)',
  },
  notAMember: {
    'zh-CN': '此人不是该工作室的领办人或成员',
    'zh-TW': '此人不是該工作室的領辦人或成員',
    en: 'Not the leader or a member of that studio',
  },
  invalidMode: {
    'zh-CN': '服务方式须为：工作室内、上门、电话、网上、集体活动',
    'zh-TW': '服務方式須為：工作室內、上門、電話、網上、集體活動',
    en: 'Mode must be 工作室内, 上门, 电话, 网上 or 集体活动',
  },
  invalidPersonTimes: {
    'zh-CN': '服务人次须为 1 至 10000 的整数',
    'zh-TW': '服務人次須為 1 至 10000 的整數',
    en: 'Person-times must be a whole number from 1 to 10000',
  },
  unknownGroup: {
    'zh-CN': '服务群体不在列表中',
    'zh-TW': '服務群體不在列表中',
    en: 'Unknown group served',
  },
  duplicateRecord: {
    'zh-CN': '服务记录本中已有这条记录（记录 {other}）',
    'zh-TW': '服務記錄本中已有這條記錄（記錄 {other}）',
    en: 'Already in the record book (record {other})',
  },
  invalidStatus: {
    'zh-CN': '状态须为：已授牌、整改中、已撤销、已签约待授牌',
    'zh-TW': '狀態須為：已授牌、整改中、已撤銷、已簽約待授牌',
    en: 'Status must be 已授牌, 整改中, 已撤销 or 已签约待授牌',
  },
  invalidVenueType: {
    'zh-CN': '场所类型须为：社区、企业、大型市场、住宅小区、商务楼宇',
    'zh-TW': '場所類型須為：社區、企業、大型市場、住宅小區、商務樓宇',
    en: 'Venue type must be 社区, 企业, 大型市场, 住宅小区 or 商务楼宇',
  },
  unknownPerson: {
    'zh-CN': '志愿者信息库中没有此手机号',
    'zh-TW': '志願者信息庫中沒有此手機號',
    en: 'No one in the registry has this mobile number',
  },
  missingContract: {
    'zh-CN': '已授牌或整改中的工作室须填写签约日期、合同期满和合同编号',
    'zh-TW': '已授牌或整改中的工作室須填寫簽約日期、合同期滿和合同編號',
    en: 'A serving studio needs its contract date, end and number',
  },
  missingPlaque: {
    'zh-CN': '已授牌的工作室须填写授牌日期和牌匾编号',
    'zh-TW': '已授牌的工作室須填寫授牌日期和牌匾編號',
    en: 'A plaqued studio needs its plaque date and number',
  },
  endBeforeStart: {
    'zh-CN': '合同期满早于签约日期',
    'zh-TW': '合同期滿早於簽約日期',
    en: 'The contract ends before it starts',
  },
  duplicateStudio: {
    'zh-CN': '该单位已有同名工作室（工作室 {other}）',
    'zh-TW': '該單位已有同名工作室（工作室 {other}）',
    en: 'The unit has a studio of this name already (studio {other})',
  },
  numberTaken: {
    'zh-CN': '编号已被使用（工作室 {other}）',
    'zh-TW': '編號已被使用（工作室 {other}）',
    en: 'The number is taken (studio {other})',
  },
  required: { 'zh-CN': '必填项为空', 'zh-TW': '必填項為空', en: 'Required' },
  invalidKind: {
    'zh-CN': '类型须为：党员、专业技术人才、驻区单位、民间组织',
    'zh-TW': '類型須為：黨員、專業技術人才、駐區單位、民間組織',
    en: 'Kind must be 党员, 专业技术人才, 驻区单位 or 民间组织',
  },
  invalidGender: { 'zh-CN': '性别须为“男”或“女”', 'zh-TW': '性別須為「男」或「女」', en: 'Gender must be 男 or 女' },
  invalidYear: { 'zh-CN': '出生年份无效', 'zh-TW': '出生年份無效', en: 'Invalid birth year' },
  invalidPhone: {
    'zh-CN': '手机号码须为 11 位',
    'zh-TW': '手機號碼須為 11 位',
    en: 'The mobile number must have 11 digits',
  },
  invalidIdNumber: {
    'zh-CN': '身份证号无效（位数、出生日期或校验位错误）',
    'zh-TW': '身分證號無效（位數、出生日期或校驗位錯誤）',
    en: 'Invalid ID number (length, birth date or check digit)',
  },
  idNumberYearMismatch: {
    'zh-CN': '出生年份与身份证号不一致',
    'zh-TW': '出生年份與身分證號不一致',
    en: 'Birth year differs from the ID number',
  },
  unknownUnit: {
    'zh-CN': '找不到该单位（请填写区划代码或准确名称）',
    'zh-TW': '找不到該單位（請填寫區劃代碼或準確名稱）',
    en: 'Unknown unit (give its code or exact name)',
  },
  unitOutOfScope: {
    'zh-CN': '该单位不在本账号管辖范围内',
    'zh-TW': '該單位不在本帳號管轄範圍內',
    en: 'The unit is outside your scope',
  },
  unknownCategory: {
    'zh-CN': '技能类别不在服务类别列表中',
    'zh-TW': '技能類別不在服務類別列表中',
    en: 'Unknown service category',
  },
  tooLong: { 'zh-CN': '内容过长', 'zh-TW': '內容過長', en: 'Too long' },
  duplicateInFile: {
    'zh-CN': '与本表第 {other} 行重复',
    'zh-TW': '與本表第 {other} 行重複',
    en: 'Same as row {other} of this file',
  },
  duplicateExisting: {
    'zh-CN': '登记册中已有此人：{name}（{unit}）',
    'zh-TW': '登記冊中已有此人：{name}（{unit}）',
    en: 'Already in the registry: {name} ({unit})',
  },
  unknownRecord: {
    'zh-CN': '记录编号不存在或不在本账号管辖范围内（新增的人请留空）',
    'zh-TW': '記錄編號不存在或不在本帳號管轄範圍內（新增的人請留空）',
    en: 'No such record in your scope (leave the number empty for a new person)',
  },
  maskedValue: {
    'zh-CN': '这是脱敏后的值，不能导入，请填写完整号码',
    'zh-TW': '這是去識別化後的值，不能匯入，請填寫完整號碼',
    en: 'This is a masked value and cannot be imported: give the full number',
  },
  maskedKept: {
    'zh-CN': '导出时已脱敏，未导入，保留登记册中的原号码',
    'zh-TW': '匯出時已去識別化，未匯入，保留登記冊中的原號碼',
    en: 'Masked in the export: not imported, the number on record is kept',
  },
  invalidProbationary: {
    'zh-CN': '请填写“是”或“否”（只有党员可以是预备党员）',
    'zh-TW': '請填寫「是」或「否」（只有黨員可以是預備黨員）',
    en: 'Give 是 or 否 (only a party member can be probationary)',
  },
};

/** “the value”, quoted as each language quotes. */
function quoted(value: string, locale: Locale): string {
  if (locale === 'en') return `: “${value}”`;
  return locale === 'zh-TW' ? `：「${value}」` : `：“${value}”`;
}

/** The message of an import problem in a language, quoting the cell and naming the person a duplicate repeats. */
export function importCellMessage(
  p: { problem: string; other?: number; value?: string; existing?: { name: string; unit: string } },
  locale: Locale,
): string {
  const base = importProblemMessage(p.problem, locale, p.other)
    .replace('{name}', p.existing?.name ?? '')
    .replace('{unit}', p.existing?.unit ?? '');
  return p.value && p.problem !== 'maskedKept' ? `${base}${quoted(p.value, locale)}` : base;
}

/** The message of an import problem in a language. */
export function importProblemMessage(problem: string, locale: Locale, other?: number): string {
  const m = messages[problem as RowProblem | NetworkProblem];
  return (m ? m[locale] : problem).replace('{other}', String(other ?? ''));
}
