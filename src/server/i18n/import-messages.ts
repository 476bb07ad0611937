import type { RowProblem } from '../../domain/registry/import-rows.ts';
import type { Locale } from '../../contract/common.ts';

const messages: Record<RowProblem, Record<Locale, string>> = {
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
  const m = messages[problem as RowProblem];
  return (m ? m[locale] : problem).replace('{other}', String(other ?? ''));
}
