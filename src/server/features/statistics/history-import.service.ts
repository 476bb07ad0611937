import type { Kysely } from 'kysely';
import type { Locale } from '../../../contract/common.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { labelOf, zhLabels } from '../../../domain/statistics/labels.ts';
import { repeatsInFile, type CellProblem } from '../../../domain/imports/cells.ts';
import { servedGroups, serviceModes, type ServedGroup, type ServiceMode } from '../../../domain/delivery/delivery.ts';
import { checkHistoryRow, historyColumns, historyKey, type HistoryRow } from '../../../domain/delivery/history-rows.ts';
import type { Database } from '../../../db/schema.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { serialize } from '../../counters.repository.ts';
import * as runner from '../../import-runner.ts';
import { PROGRESS_EVERY, type Importer } from '../../import-runner.ts';
import { presentImportStatus } from '../../imports.presenter.ts';
import { readSheetRows, templateWorkbook } from '../../import-sheets.ts';
import { authorize } from '../../scope.ts';
import { businessDayOf, businessNoon, chinaDate } from '../../time.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { insertFeedback, insertRecord } from '../delivery/records.repository.ts';
import { listRecordsAt, listStudioRefs } from './history-import.repository.ts';
import { rollRecord } from './rollups.commands.ts';

// The paper record books (服务记录本) brought in as history: each row one service, written as
// a record marked with its import (not routed as a request, no rating asked), counted in
// the rollups in the same transaction, so the dashboards and the bulletin report it exactly.

/** Category names in every language and code, to the id. */
async function categoryNames(db: Kysely<Database>): Promise<(name: string) => number | undefined> {
  const byName = new Map<string, number>();
  for (const c of (await listCategories(db)).filter((x) => x.enabled))
    for (const n of [c.name['zh-CN'], c.name['zh-TW'], c.name.en.toLowerCase(), c.code]) byName.set(n, c.id);
  return (name) => byName.get(name) ?? byName.get(name.toLowerCase());
}

const invert = <K extends string>(keys: readonly K[], labels: Record<string, string>) => {
  const m = new Map<string, K>(keys.map((k) => [labelOf(labels, k), k]));
  return (label: string) => m.get(label);
};

interface Clean extends HistoryRow {
  unitId: number;
  unitPath: string;
}

/** Reads and checks a book: cells, repeats within the file, and services already in Huimin. */
async function checkBook(
  db: Kysely<Database>,
  actor: Actor,
  file: Buffer,
  at: string,
  onProgress: (n: number) => Promise<void>,
): Promise<runner.Checked<Clean>> {
  const refs = await listStudioRefs(db);
  const membersOf = new Map<number, string[]>();
  for (const m of refs.members) membersOf.set(m.studio_id, [...(membersOf.get(m.studio_id) ?? []), m.name]);
  const byName = new Map<string, (typeof refs.studios)[number] | null>();
  for (const s of refs.studios) {
    const inScope = s.path.startsWith(actor.unitPath);
    const seen = byName.get(s.name);
    // A name two studios share is usable only when one of them is in the importer's scope.
    if (seen === undefined || (!seen?.path.startsWith(actor.unitPath) && inScope)) byName.set(s.name, s);
    else if (seen && seen.path.startsWith(actor.unitPath) === inScope) byName.set(s.name, null);
  }
  const category = await categoryNames(db);
  const mode = invert<ServiceMode>(serviceModes, zhLabels.mode);
  const group = invert<ServedGroup>(servedGroups, zhLabels.group);
  const ctx = {
    studio: (name: string) => {
      const s = byName.get(name);
      if (!s) return undefined;
      const members = [...(membersOf.get(s.id) ?? []), ...(s.leader_name ? [s.leader_name] : [])];
      return { id: s.id, inScope: can(actor, 'create', 'networkImport', { unitPath: s.path }), members };
    },
    category,
    mode,
    group,
    today: chinaDate(new Date(at)),
  };
  const studioOf = new Map(refs.studios.map((s) => [s.id, s]));
  const clean: Clean[] = [];
  const problems: CellProblem[] = [];
  let total = 0;
  try {
    for await (const { row, raw } of readSheetRows(file, historyColumns)) {
      total += 1;
      const r = checkHistoryRow(row, raw, ctx);
      if ('clean' in r) {
        const s = studioOf.get(r.clean.studioId);
        clean.push({ ...r.clean, unitId: s?.unit_id ?? 0, unitPath: s?.path ?? '' });
      } else problems.push(...r.errors);
      if (total % PROGRESS_EVERY === 0) await onProgress(total);
    }
  } catch {
    throw new DomainError('INVALID_WORKBOOK');
  }
  const inFile = repeatsInFile(
    clean.map((c) => ({ row: c.row, key: historyKey(c) })),
    'content',
  );
  const inDb = await alreadyInBook(db, clean);
  const repeated = new Set([...inFile, ...inDb].map((p) => p.row));
  return {
    clean: clean.filter((c) => !repeated.has(c.row)),
    problems: [...problems, ...inFile, ...inDb].sort((a, b) => a.row - b.row),
    total,
  };
}

/** The rows whose service is in the book already (an earlier import of the same book, or typed in). */
async function alreadyInBook(db: Kysely<Database>, rows: readonly Clean[]): Promise<CellProblem[]> {
  const existing = await listRecordsAt(
    db,
    [...new Set(rows.map((r) => r.studioId))],
    [...new Set(rows.map((r) => businessNoon(r.servedOn)))],
  );
  const byKey = new Map(
    existing.map((e) => [
      historyKey({
        studioId: e.studio_id,
        servedOn: businessDayOf(e.served_at),
        categoryId: e.category_id,
        mode: e.mode as ServiceMode,
        personTimes: e.person_times,
        content: e.content,
      }),
      e.id,
    ]),
  );
  return rows.flatMap((r) => {
    const id = byKey.get(historyKey(r));
    return id === undefined ? [] : [{ row: r.row, column: 'content', problem: 'duplicateRecord', other: id }];
  });
}

const historyImporter: Importer<Clean> = {
  kind: 'service-records',
  authorize: (actor, unitPath) => authorize(actor, 'create', 'networkImport', { unitPath }),
  check: checkBook,
  async write(trx, ctx, actor, { clean, importId, badRows, mode }) {
    // One book at a time: a second upload of the same book committed meanwhile is a duplicate now.
    await serialize(trx, 'history_imports');
    const taken = new Set((await alreadyInBook(trx, clean)).map((p) => p.row));
    const fresh = clean.filter((c) => !taken.has(c.row));
    const skipped = badRows + taken.size;
    if (mode === 'all' && skipped > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: skipped });
    for (const c of fresh) {
      const servedAt = businessNoon(c.servedOn);
      const id = await insertRecord(trx, {
        studio_id: c.studioId,
        unit_id: c.unitId,
        author_id: actor.accountId,
        request_id: null,
        idempotency_key: `import-${importId}-${c.row}`,
        rating_code: newCode(),
        served_at: servedAt,
        duration_minutes: 0,
        recipient_name: c.memberName ? `服务党员：${c.memberName}` : null,
        groups_json: JSON.stringify(c.groups),
        category_id: c.categoryId,
        mode: c.mode,
        content: c.content,
        person_times: c.personTimes,
        import_id: importId,
        created_at: ctx.at,
        updated_at: ctx.at,
      });
      if (c.followUp)
        await insertFeedback(trx, {
          record_id: id,
          on_date: c.servedOn,
          result: c.followUp,
          author_id: actor.accountId,
          created_at: ctx.at,
        });
      await rollRecord(trx, c.unitPath, {
        servedAt,
        categoryId: c.categoryId,
        mode: c.mode,
        groups: c.groups,
        personTimes: c.personTimes,
      });
    }
    const personTimes = fresh.reduce((s, c) => s + c.personTimes, 0);
    return { committed: fresh.length, skipped, sample: { personTimes } };
  },
};

/** The record book's template: the columns, an example row, and what each column takes. */
export async function historyTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  authorize(actor, 'create', 'networkImport', { unitPath: actor.unitPath });
  const names = (await listCategories(deps.db)).filter((c) => c.enabled).map((c) => c.name['zh-CN']);
  return templateWorkbook('服务记录', historyColumns, [
    ['带 * 的列', '必须填写'],
    ['服务日期', '如 2011-03-05；不能晚于今天'],
    ['工作室名称', '系统中已有的工作室的准确名称，须在本账号管辖范围内'],
    ['服务党员', '可不填；填写时须为该工作室的领办人或成员'],
    ['服务类别', `可选：${names.join('、')}`],
    ['服务方式', serviceModes.map((m) => labelOf(zhLabels.mode, m)).join('、')],
    ['服务人次', `1 至 10000 的整数`],
    ['服务群体', `${servedGroups.map((g) => labelOf(zhLabels.group, g)).join('、')}；多个用顿号分隔`],
    ['重复', '同一工作室、同一日期、类别、方式、人次和内容相同的记录视为重复，不会再次导入'],
    ['示例行', '第 2 行为示例，导入前请删除或覆盖'],
  ]);
}

/** Stores an uploaded record book and starts its dry run. */
export async function startHistoryImport(deps: Deps, ctx: AuditContext, actor: Actor, filename: string, file: Buffer) {
  return runner.startImport(deps, ctx, actor, historyImporter, { filename, file });
}

/** A record book import's progress and report. */
export async function historyImportStatus(deps: Deps, actor: Actor, id: number, locale: Locale) {
  return presentImportStatus(await runner.loadImport(deps, actor, historyImporter, id), locale, historyColumns);
}

/** Writes the good rows of a checked record book as history. */
export async function commitHistoryImport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  mode: 'all' | 'valid',
) {
  const row = await runner.commitImport(deps, ctx, actor, historyImporter, id, mode);
  return presentImportStatus(row, 'zh-CN', historyColumns);
}
