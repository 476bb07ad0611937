import { birthYearOf, isValidIdNumber, isValidMobile } from './id-number.ts';

/** The four kinds of resource the registry holds (党员, 专业技术人才, 驻区单位, 民间组织). */
export const volunteerKinds = ['party_member', 'talent', 'stationed_unit', 'civic_organisation'] as const;
export type VolunteerKind = (typeof volunteerKinds)[number];

/** Chinese labels of the kinds, as the Excel template writes them. */
export const kindLabels: Record<VolunteerKind, string> = {
  party_member: '党员',
  talent: '专业技术人才',
  stationed_unit: '驻区单位',
  civic_organisation: '民间组织',
};

/** The template's columns, in order, with the Chinese header each carries. */
export const templateColumns = [
  // An exported file carries each record's number, so the file edited and uploaded again updates it.
  { key: 'recordId', header: '记录编号（新增留空）', width: 12, example: '' },
  { key: 'kind', header: '类型*', width: 14, example: '党员' },
  { key: 'name', header: '姓名或名称*', width: 18, example: '张婉珍' },
  { key: 'gender', header: '性别', width: 8, example: '女' },
  { key: 'birthYear', header: '出生年份', width: 10, example: '1958' },
  { key: 'phone', header: '手机号码*', width: 14, example: '13905970101' },
  { key: 'idNumber', header: '身份证号', width: 22, example: '' },
  { key: 'unit', header: '所在单位（代码或名称）*', width: 22, example: '西兴社区' },
  { key: 'partyBranch', header: '所在党支部', width: 18, example: '西兴社区第一党支部' },
  { key: 'profession', header: '职业或专业', width: 16, example: '书法、音乐、绘画' },
  { key: 'qualifications', header: '资质证书', width: 20, example: '福建省书法家协会会员' },
  { key: 'categories', header: '技能类别（用顿号分隔）', width: 22, example: '文化宣传、教育辅导' },
  { key: 'availability', header: '可服务时间', width: 18, example: '每周六上午' },
  { key: 'contactName', header: '联系人（单位、组织填写）', width: 16, example: '' },
  { key: 'notes', header: '备注', width: 20, example: '' },
  // Last, so the columns before it keep their letters in files made from the older template.
  { key: 'probationary', header: '预备党员（是/否）', width: 12, example: '否' },
] as const;
export type ColumnKey = (typeof templateColumns)[number]['key'];

/** A row as read from the sheet: each column's text, trimmed. */
export type RawRow = Partial<Record<ColumnKey, string>>;

/** Why a cell is refused. Messages are looked up by code in the reader's language. */
export type RowProblem =
  | 'required'
  | 'invalidKind'
  | 'invalidGender'
  | 'invalidYear'
  | 'invalidPhone'
  | 'invalidIdNumber'
  | 'idNumberYearMismatch'
  | 'unknownUnit'
  | 'unitOutOfScope'
  | 'unknownCategory'
  | 'tooLong'
  | 'duplicateInFile'
  | 'duplicateExisting'
  | 'unknownRecord'
  | 'maskedValue'
  | 'maskedKept'
  | 'invalidProbationary';

export interface CellError {
  row: number;
  column: ColumnKey;
  problem: RowProblem;
  /** For duplicates: the other row of the file. */
  other?: number;
  /** The cell as written (masked when it is a phone or an ID number), quoted in the message. */
  value?: string;
  /** For a duplicate of a record: who it is, as the importer may see it (masked name and unit). */
  existing?: { name: string; unit: string };
}

/** A row that passed every check, ready to be stored. */
export interface CleanRow {
  row: number;
  /** The record this row updates (an exported file's 记录编号), or null for a new one. */
  recordId: number | null;
  kind: VolunteerKind;
  name: string;
  gender: '男' | '女' | null;
  birthYear: number | null;
  phone: string;
  idNumber: string | null;
  unitId: number;
  partyBranch: string | null;
  /** 预备党员 (only a party member can be one). */
  probationary: boolean;
  profession: string | null;
  qualifications: string | null;
  categoryIds: number[];
  availability: string | null;
  contactName: string | null;
  notes: string | null;
}

/** What validation needs to know about the world, looked up by the caller. */
export interface RowContext {
  /** Resolves a unit code or name to an id, and says whether it lies in the importer's scope. */
  unit(ref: string): { id: number; inScope: boolean } | undefined;
  /** Resolves a category name (any language) to its id. */
  category(name: string): number | undefined;
  currentYear: number;
}

const maxLength: Partial<Record<ColumnKey, number>> = {
  name: 100,
  partyBranch: 100,
  profession: 100,
  qualifications: 500,
  availability: 200,
  contactName: 100,
  notes: 500,
};

const kindByLabel = new Map<string, VolunteerKind>(Object.entries(kindLabels).map(([k, v]) => [v, k as VolunteerKind]));

/** Checks one row; returns the clean row or the problems of its cells (row numbers are the sheet's). */
export function validateRow(row: number, raw: RawRow, ctx: RowContext): { clean: CleanRow } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const v = (k: ColumnKey) => (raw[k] ?? '').trim();
  const fail = (column: ColumnKey, problem: RowProblem) =>
    errors.push({ row, column, problem, ...(v(column) ? { value: quotedCell(column, v(column)) } : {}) });
  const opt = (k: ColumnKey) => v(k) || null;

  for (const [k, max] of Object.entries(maxLength) as Array<[ColumnKey, number]>)
    if (v(k).length > max) fail(k, 'tooLong');
  // The Chinese label, as the template has it; the internal code is accepted too.
  const kind: VolunteerKind | undefined = kindByLabel.get(v('kind')) ?? volunteerKinds.find((k) => k === v('kind'));
  if (!v('kind')) fail('kind', 'required');
  else if (!kind) fail('kind', 'invalidKind');
  if (!v('name')) fail('name', 'required');

  const gender = v('gender');
  if (gender && gender !== '男' && gender !== '女') fail('gender', 'invalidGender');

  const yearText = v('birthYear');
  const birthYear = yearText ? Number(yearText) : null;
  if (yearText && (!Number.isInteger(birthYear) || (birthYear ?? 0) < 1900 || (birthYear ?? 0) > ctx.currentYear - 14))
    fail('birthYear', 'invalidYear');

  const phone = v('phone').replace(/[\s-]/g, '');
  if (!phone) fail('phone', 'required');
  else if (!isValidMobile(phone)) fail('phone', 'invalidPhone');

  const idNumber = v('idNumber').toUpperCase() || null;
  if (idNumber && !isValidIdNumber(idNumber)) fail('idNumber', 'invalidIdNumber');
  else if (idNumber && birthYear !== null && birthYearOf(idNumber) !== birthYear)
    fail('birthYear', 'idNumberYearMismatch');

  const recordText = v('recordId');
  const recordId = recordText ? Number(recordText) : null;
  if (recordText && !(Number.isSafeInteger(recordId) && (recordId ?? 0) > 0)) fail('recordId', 'unknownRecord');

  const unit = v('unit') ? ctx.unit(v('unit')) : undefined;
  if (!v('unit')) fail('unit', 'required');
  else if (!unit) fail('unit', 'unknownUnit');
  else if (!unit.inScope) fail('unit', 'unitOutOfScope');

  const categoryIds: number[] = [];
  for (const name of v('categories')
    .split(/[、,，;；\s]+/)
    .filter(Boolean)) {
    const id = ctx.category(name);
    if (id === undefined) {
      fail('categories', 'unknownCategory');
      break;
    }
    if (!categoryIds.includes(id)) categoryIds.push(id);
  }

  // 是/否 (empty: 否); probation is a party member's only.
  const probationText = v('probationary');
  const probationary = probationText === '是';
  if (probationText && !['是', '否'].includes(probationText)) fail('probationary', 'invalidProbationary');
  else if (probationary && kind && kind !== 'party_member') fail('probationary', 'invalidProbationary');

  if (errors.length > 0 || !kind || !unit) return { errors };
  return {
    clean: {
      row,
      recordId,
      kind,
      name: v('name'),
      gender: gender === '男' || gender === '女' ? gender : null,
      birthYear: birthYear ?? (idNumber ? birthYearOf(idNumber) : null),
      phone,
      idNumber,
      unitId: unit.id,
      partyBranch: opt('partyBranch'),
      probationary,
      profession: opt('profession'),
      qualifications: opt('qualifications'),
      categoryIds,
      availability: opt('availability'),
      contactName: opt('contactName'),
      notes: opt('notes'),
    },
  };
}

/** A cell as a message may quote it: phones and ID numbers masked, long text cut. */
export function quotedCell(column: ColumnKey, text: string): string {
  if (column === 'phone')
    return text.length >= 11 ? `${text.slice(0, 3)}****${text.slice(-4)}` : `${text.slice(0, 3)}****`;
  if (column === 'idNumber')
    return text.length >= 15 ? `${text.slice(0, 6)}********${text.slice(-4)}` : `${text.slice(0, 6)}****`;
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Whether a cell holds a masked value (138****5678, 350802********1234), which is never stored. */
export function isMasked(text: string): boolean {
  return text.includes('*');
}

type FileRow = Pick<CleanRow, 'row' | 'phone' | 'idNumber'> & { recordId?: number | null };

/**
 * Finds rows that repeat an earlier row of the same file by ID number or phone, one row at a
 * time (rows given in the sheet's order): a large file's check gives the event loop turns
 * between them. The first occurrence stays; each later one is reported against it.
 */
export function fileDuplicateFinder(): (r: FileRow) => CellError | undefined {
  const byId = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const byRecord = new Map<number, number>();
  return (r) => {
    const sameRecord = r.recordId ? byRecord.get(r.recordId) : undefined;
    const sameId = r.idNumber ? byId.get(r.idNumber) : undefined;
    const samePhone = byPhone.get(r.phone);
    if (sameRecord !== undefined)
      return { row: r.row, column: 'recordId', problem: 'duplicateInFile', other: sameRecord };
    if (sameId !== undefined) return { row: r.row, column: 'idNumber', problem: 'duplicateInFile', other: sameId };
    if (samePhone !== undefined) return { row: r.row, column: 'phone', problem: 'duplicateInFile', other: samePhone };
    if (r.recordId) byRecord.set(r.recordId, r.row);
    if (r.idNumber) byId.set(r.idNumber, r.row);
    byPhone.set(r.phone, r.row);
    return undefined;
  };
}

/**
 * Finds rows that repeat an earlier row of the same file by ID number or phone.
 * The first occurrence stays; each later one is reported against it.
 */
export function duplicatesInFile(rows: ReadonlyArray<FileRow>): CellError[] {
  const find = fileDuplicateFinder();
  const found: CellError[] = [];
  for (const r of rows) {
    const d = find(r);
    if (d) found.push(d);
  }
  return found;
}
