import { dateCell, listCell, type CellProblem } from '../imports/cells.ts';
import { venueTypes, type VenueType } from '../siting/coverage.ts';

// The rows of a studio brought in as the network stands: one studio per row, its leader and
// members found in the registry by mobile number, its contract, plaque and commitments.

/** The template's columns, in order, with the Chinese header each carries. */
export const studioColumns = [
  { key: 'name', header: '工作室名称*', width: 24, example: '婉珍文艺专业服务室' },
  { key: 'unit', header: '所在单位（代码或名称）*', width: 20, example: '西兴社区' },
  { key: 'venueType', header: '场所类型', width: 12, example: '社区' },
  { key: 'venueAddress', header: '服务场所地址*', width: 28, example: '西兴社区居委会二楼' },
  { key: 'categories', header: '服务类别（用顿号分隔）*', width: 20, example: '文化宣传' },
  { key: 'leaderPhone', header: '领办党员手机号*', width: 14, example: '13905970101' },
  { key: 'memberPhones', header: '成员手机号（用顿号分隔）', width: 24, example: '' },
  { key: 'status', header: '状态*', width: 12, example: '已授牌' },
  { key: 'contractOn', header: '签约日期', width: 12, example: '2010-06-01' },
  { key: 'contractEnd', header: '合同期满', width: 12, example: '2013-05-31' },
  { key: 'contractNumber', header: '合同编号', width: 16, example: 'XL-2010-001' },
  { key: 'plaqueOn', header: '授牌日期', width: 12, example: '2010-07-01' },
  { key: 'plaqueNumber', header: '牌匾编号', width: 16, example: 'XLP-2010-001' },
  { key: 'commitments', header: '公开承诺（用分号分隔）', width: 40, example: '每周六上午开放；免费辅导书法' },
  { key: 'openingHours', header: '服务时间', width: 16, example: '每周六上午' },
] as const;
export type StudioColumn = (typeof studioColumns)[number]['key'];
export type StudioRaw = Partial<Record<StudioColumn, string>>;

/** The states a studio may be brought in at, by their Chinese label. */
export const importableStatuses = {
  已授牌: 'active',
  整改中: 'rectification',
  已撤销: 'revoked',
  已签约待授牌: 'contracted',
} as const;
export type ImportedStatus = (typeof importableStatuses)[keyof typeof importableStatuses];

const venueLabels: Record<string, VenueType> = {
  社区: 'community',
  企业: 'enterprise',
  大型市场: 'market',
  住宅小区: 'residential',
  商务楼宇: 'office',
};

/** A studio row that passed every check. */
export interface StudioRow {
  row: number;
  name: string;
  unitId: number;
  venueType: VenueType | null;
  venueAddress: string;
  categoryIds: number[];
  leaderId: number;
  memberIds: number[];
  status: ImportedStatus;
  contract: { on: string; end: string; number: string } | null;
  plaque: { on: string; number: string } | null;
  commitments: string[];
  openingHours: string;
}

/** What the check needs of the world, looked up by the caller. */
export interface StudioContext {
  unit(ref: string): { id: number; inScope: boolean } | undefined;
  category(name: string): number | undefined;
  /** A registry record by mobile number. */
  person(phone: string): number | undefined;
}

/** Checks one studio row; answers the clean row or every problem of its cells. */
export function checkStudioRow(
  row: number,
  raw: StudioRaw,
  ctx: StudioContext,
): { clean: StudioRow } | { errors: Array<CellProblem<StudioColumn>> } {
  const errors: Array<CellProblem<StudioColumn>> = [];
  const fail = (column: StudioColumn, problem: string) => errors.push({ row, column, problem });
  const v = (k: StudioColumn) => (raw[k] ?? '').trim();
  for (const k of ['name', 'venueAddress', 'contractNumber', 'plaqueNumber', 'openingHours'] as const)
    if (v(k).length > 200) fail(k, 'tooLong');
  if (!v('name')) fail('name', 'required');
  if (!v('venueAddress')) fail('venueAddress', 'required');

  const unit = v('unit') ? ctx.unit(v('unit')) : undefined;
  if (!v('unit')) fail('unit', 'required');
  else if (!unit) fail('unit', 'unknownUnit');
  else if (!unit.inScope) fail('unit', 'unitOutOfScope');

  const venueType = v('venueType')
    ? (venueLabels[v('venueType')] ?? venueTypes.find((t) => t === v('venueType')))
    : null;
  if (venueType === undefined) fail('venueType', 'invalidVenueType');

  const categoryIds: number[] = [];
  for (const name of listCell(v('categories'))) {
    const id = ctx.category(name);
    if (id === undefined) {
      fail('categories', 'unknownCategory');
      break;
    }
    if (!categoryIds.includes(id)) categoryIds.push(id);
  }
  if (!v('categories')) fail('categories', 'required');

  const phone = (k: StudioColumn, p: string) => {
    const id = ctx.person(p.replace(/[\s-]/g, ''));
    if (id === undefined) fail(k, 'unknownPerson');
    return id;
  };
  const leaderId = v('leaderPhone') ? phone('leaderPhone', v('leaderPhone')) : undefined;
  if (!v('leaderPhone')) fail('leaderPhone', 'required');
  const memberIds: number[] = [];
  for (const p of listCell(v('memberPhones'))) {
    const id = phone('memberPhones', p);
    if (id === undefined) break;
    if (id !== leaderId && !memberIds.includes(id)) memberIds.push(id);
  }

  const status = (importableStatuses as Record<string, ImportedStatus>)[v('status')];
  if (!v('status')) fail('status', 'required');
  else if (!status) fail('status', 'invalidStatus');

  const date = (k: StudioColumn) => {
    if (!v(k)) return null;
    const d = dateCell(v(k));
    if (!d) fail(k, 'invalidDate');
    return d;
  };
  const contractOn = date('contractOn');
  const contractEnd = date('contractEnd');
  const plaqueOn = date('plaqueOn');
  const hasContract = contractOn && contractEnd && v('contractNumber');
  if (!hasContract && (status === 'active' || status === 'rectification' || status === 'contracted'))
    fail(v('contractOn') ? (v('contractEnd') ? 'contractNumber' : 'contractEnd') : 'contractOn', 'missingContract');
  if (contractOn && contractEnd && contractEnd < contractOn) fail('contractEnd', 'endBeforeStart');
  const hasPlaque = plaqueOn && v('plaqueNumber');
  if (!hasPlaque && (status === 'active' || status === 'rectification'))
    fail(v('plaqueOn') ? 'plaqueNumber' : 'plaqueOn', 'missingPlaque');

  if (errors.length > 0 || !unit || !status || leaderId === undefined || venueType === undefined) return { errors };
  return {
    clean: {
      row,
      name: v('name'),
      unitId: unit.id,
      venueType,
      venueAddress: v('venueAddress'),
      categoryIds,
      leaderId,
      memberIds,
      status,
      contract: hasContract ? { on: contractOn, end: contractEnd, number: v('contractNumber') } : null,
      plaque: hasPlaque ? { on: plaqueOn, number: v('plaqueNumber') } : null,
      commitments: v('commitments')
        .split(/[;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      openingHours: v('openingHours') || '—',
    },
  };
}
