import { dateCell, listCell, type CellProblem } from '../imports/cells.ts';
import { servedGroups, serviceModes, type ServedGroup, type ServiceMode } from './delivery.ts';

// The rows of a paper record book (服务记录本) brought in as history: one service per row.

/** The template's columns, in order, with the Chinese header each carries. */
export const historyColumns = [
  { key: 'servedOn', header: '服务日期*', width: 12, example: '2011-03-05' },
  { key: 'studio', header: '工作室名称*', width: 24, example: '婉珍文艺专业服务室' },
  { key: 'member', header: '服务党员', width: 12, example: '张婉珍' },
  { key: 'category', header: '服务类别*', width: 12, example: '文化宣传' },
  { key: 'mode', header: '服务方式*', width: 12, example: '集体活动' },
  { key: 'personTimes', header: '服务人次*', width: 10, example: '30' },
  { key: 'groups', header: '服务群体（用顿号分隔）', width: 22, example: '青少年、老年人' },
  { key: 'content', header: '服务内容*', width: 40, example: '书法绘画培训' },
  { key: 'followUp', header: '跟踪反馈', width: 30, example: '学员作品参加社区展览' },
] as const;
export type HistoryColumn = (typeof historyColumns)[number]['key'];
export type HistoryRaw = Partial<Record<HistoryColumn, string>>;

/** A service from the book that passed every check. */
export interface HistoryRow {
  row: number;
  servedOn: string;
  studioId: number;
  memberName: string | null;
  categoryId: number;
  mode: ServiceMode;
  personTimes: number;
  groups: ServedGroup[];
  content: string;
  followUp: string | null;
}

/** What the check needs to know of the world, looked up by the caller. */
export interface HistoryContext {
  /** A studio by its name: its id, whether the importer may write for it, its members' names. */
  studio(name: string): { id: number; inScope: boolean; members: readonly string[] } | undefined;
  category(name: string): number | undefined;
  mode(label: string): ServiceMode | undefined;
  group(label: string): ServedGroup | undefined;
  /** The last day a service may be dated (today, China time). */
  today: string;
}

/** The most person-times one row of the book may hold. */
export const MAX_PERSON_TIMES = 10_000;

/** Checks one row of the book; answers the clean row or every problem of its cells. */
export function checkHistoryRow(
  row: number,
  raw: HistoryRaw,
  ctx: HistoryContext,
): { clean: HistoryRow } | { errors: Array<CellProblem<HistoryColumn>> } {
  const errors: Array<CellProblem<HistoryColumn>> = [];
  const fail = (column: HistoryColumn, problem: string) => errors.push({ row, column, problem });
  const v = (k: HistoryColumn) => (raw[k] ?? '').trim();

  const servedOn = dateCell(v('servedOn'));
  if (!v('servedOn')) fail('servedOn', 'required');
  else if (!servedOn) fail('servedOn', 'invalidDate');
  else if (servedOn > ctx.today) fail('servedOn', 'futureDate');

  const studio = v('studio') ? ctx.studio(v('studio')) : undefined;
  if (!v('studio')) fail('studio', 'required');
  else if (!studio) fail('studio', 'unknownStudio');
  else if (!studio.inScope) fail('studio', 'unitOutOfScope');
  const member = v('member') || null;
  if (member && studio && !studio.members.includes(member)) fail('member', 'notAMember');

  const categoryId = v('category') ? ctx.category(v('category')) : undefined;
  if (!v('category')) fail('category', 'required');
  else if (categoryId === undefined) fail('category', 'unknownCategory');

  const mode = v('mode') ? (ctx.mode(v('mode')) ?? serviceModes.find((m) => m === v('mode'))) : undefined;
  if (!v('mode')) fail('mode', 'required');
  else if (!mode) fail('mode', 'invalidMode');

  const personTimes = Number(v('personTimes'));
  if (!v('personTimes')) fail('personTimes', 'required');
  else if (!Number.isInteger(personTimes) || personTimes < 1 || personTimes > MAX_PERSON_TIMES)
    fail('personTimes', 'invalidPersonTimes');

  const groups: ServedGroup[] = [];
  for (const label of listCell(v('groups'))) {
    const g = ctx.group(label) ?? servedGroups.find((x) => x === label);
    if (!g) {
      fail('groups', 'unknownGroup');
      break;
    }
    if (!groups.includes(g)) groups.push(g);
  }

  if (!v('content')) fail('content', 'required');
  else if (v('content').length > 2000) fail('content', 'tooLong');
  if (v('followUp').length > 2000) fail('followUp', 'tooLong');

  if (errors.length > 0 || !servedOn || !studio || categoryId === undefined || !mode) return { errors };
  return {
    clean: {
      row,
      servedOn,
      studioId: studio.id,
      memberName: member,
      categoryId,
      mode,
      personTimes,
      groups,
      content: v('content'),
      followUp: v('followUp') || null,
    },
  };
}

/** What makes two rows the same service: a re-import of one book finds its rows by this. */
export function historyKey(
  r: Pick<HistoryRow, 'studioId' | 'servedOn' | 'categoryId' | 'mode' | 'personTimes' | 'content'>,
): string {
  return [r.studioId, r.servedOn, r.categoryId, r.mode, r.personTimes, r.content].join('\u0001');
}
