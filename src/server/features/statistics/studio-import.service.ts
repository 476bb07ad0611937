import type { Kysely } from 'kysely';
import type { Locale } from '../../../contract/common.ts';
import { businessNoon } from '../../time.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { repeatsInFile, type CellProblem } from '../../../domain/imports/cells.ts';
import {
  checkStudioRow,
  importableStatuses,
  studioColumns,
  type StudioRow,
} from '../../../domain/studios/import-rows.ts';
import type { Database } from '../../../db/schema.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { serialize } from '../../counters.repository.ts';
import * as runner from '../../import-runner.ts';
import { PROGRESS_EVERY, unitResolver, type Importer } from '../../import-runner.ts';
import { presentImportStatus } from '../../imports.presenter.ts';
import { readSheetRows, templateWorkbook } from '../../import-sheets.ts';
import { authorize } from '../../scope.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { insertContract, insertPlaque } from '../studios/studio-transitions.repository.ts';
import { insertHistory } from '../studios/studios.repository.ts';
import * as repo from './history-import.repository.ts';

// The network as it stands brought in: each row a studio at its status (已授牌, 整改中, 已撤销,
// 已签约待授牌), its leader and members found in the registry by mobile number, its contract,
// plaque and published commitments. Its history says it was imported, by whom and when.

const UNPAID = '领岗服务的党员不领取报酬，不向服务对象收取任何费用。';
// A date of the workbook stands for noon of that business day (HUIMIN_TIME_ZONE).
const at12 = businessNoon;

/** Rows that repeat a studio already in Huimin (same name in the same unit) or a number already given. */
async function takenInDb(db: Kysely<Database>, rows: readonly StudioRow[]): Promise<CellProblem[]> {
  const named = await repo.listStudiosNamed(db, [...new Set(rows.map((r) => r.name))]);
  const numbers = await repo.listNumbersTaken(db, [
    ...rows.flatMap((r) => [r.contract?.number, r.plaque?.number]).filter((n): n is string => !!n),
  ]);
  const byNumber = new Map(numbers.map((n) => [n.number, n.studio_id]));
  return rows.flatMap((r): CellProblem[] => {
    const same = named.find((s) => s.name === r.name && s.unit_id === r.unitId);
    if (same) return [{ row: r.row, column: 'name', problem: 'duplicateStudio', other: same.id }];
    const c = r.contract && byNumber.get(r.contract.number);
    if (c) return [{ row: r.row, column: 'contractNumber', problem: 'numberTaken', other: c }];
    const p = r.plaque && byNumber.get(r.plaque.number);
    if (p) return [{ row: r.row, column: 'plaqueNumber', problem: 'numberTaken', other: p }];
    return [];
  });
}

async function checkStudios(
  db: Kysely<Database>,
  actor: Actor,
  file: Buffer,
  _at: string,
  onProgress: (n: number) => Promise<void>,
): Promise<runner.Checked<StudioRow>> {
  const unit = await unitResolver(db, (path) => can(actor, 'create', 'networkImport', { unitPath: path }));
  const byName = new Map<string, number>();
  for (const c of (await listCategories(db)).filter((x) => x.enabled))
    for (const n of [c.name['zh-CN'], c.name['zh-TW'], c.name.en.toLowerCase(), c.code]) byName.set(n, c.id);
  const rows: Array<{ row: number; raw: Parameters<typeof checkStudioRow>[1] }> = [];
  try {
    for await (const r of readSheetRows(file, studioColumns)) rows.push(r);
  } catch {
    throw new DomainError('INVALID_WORKBOOK');
  }
  const phones = rows.flatMap((r) =>
    [r.raw.leaderPhone ?? '', ...(r.raw.memberPhones ?? '').split(/[、,，;；\s]+/)].map((p) => p.replace(/[\s-]/g, '')),
  );
  const people = new Map(
    (await repo.listPeopleByPhone(db, [...new Set(phones.filter(Boolean))])).map((p) => [p.phone, p.id]),
  );
  const ctx = {
    unit,
    category: (name: string) => byName.get(name) ?? byName.get(name.toLowerCase()),
    person: (phone: string) => people.get(phone),
  };
  const clean: StudioRow[] = [];
  const problems: CellProblem[] = [];
  let n = 0;
  for (const { row, raw } of rows) {
    const r = checkStudioRow(row, raw, ctx);
    if ('clean' in r) clean.push(r.clean);
    else problems.push(...r.errors);
    if (++n % PROGRESS_EVERY === 0) await onProgress(n);
  }
  const inFile = [
    ...repeatsInFile(
      clean.map((c) => ({ row: c.row, key: `${c.unitId}\u0001${c.name}` })),
      'name',
    ),
    ...repeatsInFile(
      clean.flatMap((c) =>
        [c.contract?.number, c.plaque?.number].filter(Boolean).map((k) => ({ row: c.row, key: k! })),
      ),
      'contractNumber',
    ).map((p) => ({ ...p, problem: 'numberTaken' })),
  ];
  const inDb = await takenInDb(db, clean);
  const bad = new Set([...inFile, ...inDb].map((p) => p.row));
  return {
    clean: clean.filter((c) => !bad.has(c.row)),
    problems: [...problems, ...inFile, ...inDb].sort((a, b) => a.row - b.row),
    total: rows.length,
  };
}

const studioImporter: Importer<StudioRow> = {
  kind: 'studios',
  authorize: (actor, unitPath) => authorize(actor, 'create', 'networkImport', { unitPath }),
  check: checkStudios,
  async write(trx, ctx, actor, { clean, badRows, mode }) {
    // The plaque and contract numbers' lock: numbers stay unique against a studio approved meanwhile.
    await serialize(trx, 'studio_numbers');
    const taken = new Set((await takenInDb(trx, clean)).map((p) => p.row));
    const fresh = clean.filter((c) => !taken.has(c.row));
    const skipped = badRows + taken.size;
    if (mode === 'all' && skipped > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: skipped });
    for (const s of fresh) {
      const statusOn = s.plaque?.on ?? s.contract?.on ?? ctx.at.slice(0, 10);
      const id = await repo.insertImportedStudio(trx, {
        ...s,
        applicantAccountId: actor.accountId,
        statusAt: at12(statusOn),
        at: ctx.at,
      });
      if (s.contract)
        await insertContract(trx, {
          studioId: id,
          number: s.contract.number,
          termStart: s.contract.on,
          termEnd: s.contract.end,
          signatories: [],
          unpaidClause: UNPAID,
          renewal: false,
          signedBy: actor.accountId,
          at: at12(s.contract.on),
        });
      if (s.plaque)
        await insertPlaque(trx, {
          studioId: id,
          number: s.plaque.number,
          awardedOn: s.plaque.on,
          awardedBy: actor.accountId,
        });
      await repo.insertPublishedCommitments(
        trx,
        id,
        s.commitments,
        at12(s.plaque?.on ?? s.contract?.on ?? ctx.at.slice(0, 10)),
        ctx.at,
      );
      await insertHistory(trx, {
        studioId: id,
        action: 'import',
        from: null,
        to: s.status,
        actorId: actor.accountId,
        actorName: actor.username,
        note: '由 Excel 导入（原有网络）',
        at: at12(statusOn),
      });
    }
    return { committed: fresh.length, skipped, sample: fresh.slice(0, 3).map((s) => s.name) };
  },
};

/** The studios' template: the columns, an example row, and what each column takes. */
export async function studioTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  authorize(actor, 'create', 'networkImport', { unitPath: actor.unitPath });
  const names = (await listCategories(deps.db)).filter((c) => c.enabled).map((c) => c.name['zh-CN']);
  return templateWorkbook('工作室', studioColumns, [
    ['带 * 的列', '必须填写'],
    ['所在单位', '填写 12 位区划代码或单位名称（如“西兴社区”），须在本账号管辖范围内'],
    ['场所类型', '社区、企业、大型市场、住宅小区、商务楼宇'],
    ['服务类别', `可选：${names.join('、')}；多个用顿号分隔`],
    ['领办党员、成员', '填写手机号；须已在志愿者信息库中登记'],
    ['状态', Object.keys(importableStatuses).join('、')],
    ['合同', '已授牌、整改中、已签约待授牌的工作室须填写签约日期、合同期满和合同编号'],
    ['牌匾', '已授牌、整改中的工作室须填写授牌日期和牌匾编号；编号不能与已有的重复'],
    ['公开承诺', '多项用分号分隔，导入后即为已公开'],
    ['重复', '同一单位已有同名工作室的行不会再次导入'],
    ['示例行', '第 2 行为示例，导入前请删除或覆盖'],
  ]);
}

/** Stores an uploaded studios workbook and starts its dry run. */
export async function startStudioImport(deps: Deps, ctx: AuditContext, actor: Actor, filename: string, file: Buffer) {
  return runner.startImport(deps, ctx, actor, studioImporter, { filename, file });
}

/** A studios import's progress and report. */
export async function studioImportStatus(deps: Deps, actor: Actor, id: number, locale: Locale) {
  return presentImportStatus(await runner.loadImport(deps, actor, studioImporter, id), locale, studioColumns);
}

/** Writes the good rows of a checked studios workbook. */
export async function commitStudioImport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  mode: 'all' | 'valid',
) {
  return presentImportStatus(
    await runner.commitImport(deps, ctx, actor, studioImporter, id, mode),
    'zh-CN',
    studioColumns,
  );
}
