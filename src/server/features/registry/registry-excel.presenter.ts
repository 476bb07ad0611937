import { templateWorkbook as sheetTemplate } from '../../import-sheets.ts';
import {
  kindLabels,
  templateColumns,
  type ColumnKey,
  type VolunteerKind,
} from '../../../domain/registry/import-rows.ts';
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

/**
 * The export's columns: exactly the template's, so an exported file can be edited and
 * uploaded again (its 记录编号 makes each row update its record).
 */
export const exportHeaders = templateColumns.map((c) => c.header);

/** The fields of a record an export row shows. */
export interface ExportedVolunteer {
  id: number;
  kind: string;
  name: string;
  gender: string | null;
  birth_year: number | null;
  phone: string | null;
  id_number_masked: string | null;
  unit_name: string;
  party_branch: string | null;
  probationary: number;
  profession: string | null;
  qualifications: string | null;
  availability: string | null;
  contact_name: string | null;
  notes: string | null;
}

/**
 * One record as an export row, in the template's column order: labels in Chinese, the phone
 * masked unless `unmasked`, the ID number always masked (only that form is stored).
 */
export function presentExportRow(
  v: ExportedVolunteer,
  categoryNames: string[],
  unmasked: boolean,
): Array<string | number | null> {
  const cells: Record<ColumnKey, string | number | null> = {
    recordId: v.id,
    kind: kindLabels[v.kind as VolunteerKind] ?? v.kind,
    name: v.name,
    gender: v.gender,
    birthYear: v.birth_year,
    phone: unmasked ? v.phone : maskPhone(v.phone),
    idNumber: v.id_number_masked,
    unit: v.unit_name,
    partyBranch: v.party_branch,
    profession: v.profession,
    qualifications: v.qualifications,
    categories: categoryNames.join('、'),
    availability: v.availability,
    contactName: v.contact_name,
    notes: v.notes,
    probationary: v.kind === 'party_member' ? (v.probationary === 1 ? '是' : '否') : null,
  };
  return templateColumns.map((c) => cells[c.key]);
}
