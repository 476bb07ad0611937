import type { Locale } from '../../../contract/common.ts';
import { exportLabel, exportLabelOr } from '../../i18n/export-values.ts';
import { maskRecipient } from './records.presenter.ts';
import type { ExportRow } from './records.repository.ts';

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

/** One record as a spreadsheet row, its groups, category, mode and source in `locale`, the recipient masked. */
export function exportRow(
  r: ExportRow,
  categories: ReadonlyMap<number, Record<Locale, string>>,
  locale: Locale,
): Array<string | number> {
  return [
    r.served_at.slice(0, 16).replace('T', ' '),
    r.studio_name,
    r.unit_name,
    r.author,
    maskRecipient(r.recipient_name) ?? '',
    (JSON.parse(r.groups_json) as string[])
      .map((g) => exportLabelOr(locale, `delivery.group.${g}`, g))
      .join(locale === 'en' ? ', ' : '、'),
    categories.get(r.category_id)?.[locale] ?? '',
    exportLabelOr(locale, `delivery.mode.${r.mode}`, r.mode),
    r.content,
    r.person_times,
    r.duration_minutes,
    // A record brought in from a paper record book says so in the export too.
    r.import_id === null ? '' : exportLabel(locale, 'delivery.records.imported'),
  ];
}
