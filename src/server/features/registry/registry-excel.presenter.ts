import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { templateWorkbook as sheetTemplate } from '../../import-sheets.ts';
import { kindLabels, templateColumns, type VolunteerKind } from '../../../domain/registry/import-rows.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';

/** The Excel template staff download, fill in and upload: Chinese headers, an example row, and an instructions sheet. */
export async function templateWorkbook(categoryNames: string[]): Promise<Buffer> {
  return sheetTemplate('志愿者信息', templateColumns, [
    ['带 * 的列', '必须填写'],
    ['类型', Object.values(kindLabels).join('、')],
    ['手机号码', '11 位手机号；同一手机号或身份证号在表内和系统中只能出现一次'],
    ['身份证号', '18 位，校验位须正确；系统只保存脱敏形式和用于查重的摘要'],
    ['所在单位', '填写 12 位区划代码或单位名称（如“西兴社区”），须在本账号管辖范围内'],
    ['技能类别', `可选：${categoryNames.join('、')}；多个用顿号分隔`],
    ['示例行', '第 2 行为示例，导入前请删除或覆盖'],
  ]);
}

/** Streams an export workbook: a header row, then rows as the iterator yields them. */
export function streamWorkbook(headers: string[], rows: AsyncIterable<Array<string | number | null>>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('导出');
  void (async () => {
    try {
      sheet.addRow(headers).commit();
      for await (const r of rows) sheet.addRow(r).commit();
      sheet.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return out;
}

/** The export's columns, in the order of `presentExportRow`. */
export const exportHeaders = [
  '类型',
  '姓名或名称',
  '性别',
  '出生年份',
  '手机号码',
  '身份证号',
  '所在单位',
  '所在党支部',
  '职业或专业',
  '资质证书',
  '技能类别',
  '可服务时间',
  '挑选状态',
];

/** The fields of a record an export row shows. */
export interface ExportedVolunteer {
  kind: string;
  name: string;
  gender: string | null;
  birth_year: number | null;
  phone: string | null;
  id_number_masked: string | null;
  unit_name: string;
  party_branch: string | null;
  profession: string | null;
  qualifications: string | null;
  availability: string | null;
  screening_status: string;
}

/** One record as an export row: labels in Chinese, the phone masked unless `unmasked`. */
export function presentExportRow(
  v: ExportedVolunteer,
  categoryNames: string[],
  unmasked: boolean,
): Array<string | number | null> {
  return [
    kindLabels[v.kind as VolunteerKind] ?? v.kind,
    v.name,
    v.gender,
    v.birth_year,
    unmasked ? v.phone : maskPhone(v.phone),
    v.id_number_masked,
    v.unit_name,
    v.party_branch,
    v.profession,
    v.qualifications,
    categoryNames.join('、'),
    v.availability,
    v.screening_status === 'selected' ? '已选用' : v.screening_status === 'declined' ? '未选用' : '待挑选',
  ];
}
