import type { Locale } from '../../contract/common.ts';

// The column headings of the list exports (.xlsx) in Traditional Chinese and English, keyed by the
// Simplified Chinese heading the export services write: the downloaded sheet's headings follow
// the reader's language (the account's chosen language, else Accept-Language), as do its
// enumerated cells (export-values.ts). A heading missing here stays in Simplified Chinese
// (export-headers.test.ts checks the services' headings).
// The registry export is not translated: its columns are the import template's, to be re-imported.
const headers: Record<string, { 'zh-TW': string; en: string }> = {
  导出: { 'zh-TW': '匯出', en: 'Export' },
  'IP 地址': { 'zh-TW': 'IP 位址', en: 'IP address' },
  内容: { 'zh-TW': '內容', en: 'Content' },
  创建时间: { 'zh-TW': '建立時間', en: 'Created' },
  协议到期: { 'zh-TW': '協議到期', en: 'Agreement ends' },
  发送时间: { 'zh-TW': '傳送時間', en: 'Sent' },
  变更前: { 'zh-TW': '變更前', en: 'Before' },
  变更后: { 'zh-TW': '變更後', en: 'After' },
  姓名: { 'zh-TW': '姓名', en: 'Name' },
  对象: { 'zh-TW': '對象', en: 'Entity' },
  对象编号: { 'zh-TW': '對象編號', en: 'Entity ID' },
  尝试次数: { 'zh-TW': '嘗試次數', en: 'Attempts' },
  居民: { 'zh-TW': '居民', en: 'Resident' },
  工作室: { 'zh-TW': '工作室', en: 'Studio' },
  希望时间: { 'zh-TW': '希望時間', en: 'Preferred time' },
  所在单位: { 'zh-TW': '所在單位', en: 'Unit' },
  所在社区: { 'zh-TW': '所在社區', en: 'Community' },
  所属单位: { 'zh-TW': '所屬單位', en: 'Unit' },
  接收号码: { 'zh-TW': '接收號碼', en: 'Recipient number' },
  提交时间: { 'zh-TW': '提交時間', en: 'Submitted' },
  操作: { 'zh-TW': '操作', en: 'Action' },
  操作人: { 'zh-TW': '操作人', en: 'By' },
  收集渠道: { 'zh-TW': '收集管道', en: 'Channel' },
  时间: { 'zh-TW': '時間', en: 'Time' },
  最近错误: { 'zh-TW': '最近錯誤', en: 'Last error' },
  服务类别: { 'zh-TW': '服務類別', en: 'Service category' },
  查询码: { 'zh-TW': '查詢碼', en: 'Tracking code' },
  模板: { 'zh-TW': '範本', en: 'Template' },
  渠道: { 'zh-TW': '管道', en: 'Channel' },
  牌匾编号: { 'zh-TW': '牌匾編號', en: 'Plaque number' },
  状态: { 'zh-TW': '狀態', en: 'Status' },
  状态变更时间: { 'zh-TW': '狀態變更時間', en: 'Status changed' },
  生成时间: { 'zh-TW': '產生時間', en: 'Generated' },
  用户名: { 'zh-TW': '使用者名稱', en: 'Username' },
  登记日期: { 'zh-TW': '登記日期', en: 'Recorded on' },
  紧急程度: { 'zh-TW': '緊急程度', en: 'Urgency' },
  联系电话: { 'zh-TW': '聯絡電話', en: 'Phone' },
  角色: { 'zh-TW': '角色', en: 'Role' },
  请求编号: { 'zh-TW': '請求編號', en: 'Request no.' },
  需求内容: { 'zh-TW': '需求內容', en: 'Need' },
  领办人: { 'zh-TW': '領辦人', en: 'Lead member' },
  服务时间: { 'zh-TW': '服務時間', en: 'Served at' },
  记录人: { 'zh-TW': '記錄人', en: 'Recorded by' },
  服务对象: { 'zh-TW': '服務對象', en: 'Recipient' },
  服务群体: { 'zh-TW': '服務群體', en: 'Groups served' },
  服务方式: { 'zh-TW': '服務方式', en: 'Mode' },
  服务内容: { 'zh-TW': '服務內容', en: 'Service given' },
  来源: { 'zh-TW': '來源', en: 'Source' },
  人次: { 'zh-TW': '人次', en: 'Person-times' },
  '时长（分钟）': { 'zh-TW': '時長（分鐘）', en: 'Duration (minutes)' },
};

/** A Simplified Chinese export heading in `locale` (itself when it has no translation). */
export function exportHeading(heading: string, locale: Locale): string {
  return locale === 'zh-CN' ? heading : (headers[heading]?.[locale] ?? heading);
}

/** Whether a heading has its translations here. */
export function hasExportHeading(heading: string): boolean {
  return heading in headers;
}
