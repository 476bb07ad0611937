import { maskRecipient } from './records.presenter.ts';
import type { ExportRow } from './records.repository.ts';

const groupNames: Record<string, string> = {
  migrant_workers: '进城务工人员',
  youth: '青少年',
  taiwan_overseas: '台胞侨眷',
  elderly: '老年人',
  disabled: '残疾人',
  hardship: '困难群众',
  women_children: '妇女儿童',
  veterans: '退役军人',
  general: '其他居民',
};
const modeNames: Record<string, string> = {
  studio: '工作室内',
  home: '上门',
  phone: '电话',
  online: '网上',
  activity: '集体活动',
};

/** The export's column headings, in the order of `exportRow`. */
export const exportHeaders = [
  '服务时间',
  '工作室',
  '所在单位',
  '记录人',
  '服务对象',
  '服务群体',
  '服务类别',
  '服务方式',
  '服务内容',
  '人次',
  '时长（分钟）',
  '来源',
];

/** One record as a spreadsheet row, in Chinese, the recipient masked. */
export function exportRow(r: ExportRow, categories: ReadonlyMap<number, string>): Array<string | number> {
  return [
    r.served_at.slice(0, 16).replace('T', ' '),
    r.studio_name,
    r.unit_name,
    r.author,
    maskRecipient(r.recipient_name) ?? '',
    (JSON.parse(r.groups_json) as string[]).map((g) => groupNames[g] ?? g).join('、'),
    categories.get(r.category_id) ?? '',
    modeNames[r.mode] ?? r.mode,
    r.content,
    r.person_times,
    r.duration_minutes,
    // A record brought in from a paper record book says so in the export too.
    r.import_id === null ? '' : '导入',
  ];
}
