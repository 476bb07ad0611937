import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { importStatus as importStatusSchema } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskIdNumber, maskPhone } from '../../../domain/registry/id-number.ts';
import {
  duplicatesInFile,
  validateRow,
  type CellError,
  type CleanRow,
  type RowContext,
} from '../../../domain/registry/import-rows.ts';
import { searchKeysOf } from '../../../domain/text/search-keys.ts';
import type { Database } from '../../../db/schema.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { idNumberHash, installSecret } from '../../secrets.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { templateWorkbook } from './registry-excel.presenter.ts';
import { readRegistryRows } from './registry-excel.service.ts';
import { presentImportStatus } from './registry.presenter.ts';
import * as imports from './registry-import.repository.ts';
import { existingMatches, insertCategoryLinks, insertVolunteers, lockRegistryWrites } from './registry.repository.ts';
import { insertSearchTerms } from './volunteer-terms.repository.ts';

/** Rows validated between two progress updates. */
const PROGRESS_EVERY = 500;
/** How often a running dry run or commit says it is alive. */
const HEARTBEAT_MS = 2_000;
/** An import silent this long was left by a process that died (several heartbeats missed). */
export const STALE_IMPORT_MS = 10_000;

/** Imports this process is working on; another instance sees them by their heartbeat. */
const inProgress = new Set<number>();

/** Runs an import's dry run or commit with a heartbeat, so no instance takes it for abandoned. */
async function whileWorking<T>(db: Kysely<Database>, id: number, work: () => Promise<T>): Promise<T> {
  inProgress.add(id);
  const timer = setInterval(() => {
    imports.touchImport(db, id, new Date().toISOString()).catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    inProgress.delete(id);
  }
}

/**
 * Marks failed the imports a crashed process left validating or committing (run at start
 * and by the jobs), so they stop answering IMPORT_NOT_READY for ever; the file can be
 * uploaded again. Nothing partial was written: a commit is one transaction.
 */
export async function failInterruptedImports(db: Kysely<Database>, now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_IMPORT_MS).toISOString();
  return imports.failStaleImports(db, staleBefore, [...inProgress], now.toISOString());
}

/** Everything needed to check rows of one importer: the units and categories it may name. */
async function rowContext(db: Kysely<Database>, actor: Actor, year: number): Promise<RowContext> {
  const units = await imports.listUnitRefs(db);
  const byRef = new Map<string, { id: number; inScope: boolean }>();
  const ambiguous = new Set<string>();
  for (const u of units) {
    const entry = { id: u.id, inScope: can(actor, 'create', 'volunteer', { unitPath: u.path }) };
    byRef.set(u.code, entry);
    for (const name of new Set([u.name, u.short_name])) {
      // A name shared by two units is only usable inside the importer's scope, where it is usually unique.
      const seen = byRef.get(name);
      if (seen && seen.id !== u.id) {
        if (entry.inScope && !seen.inScope) byRef.set(name, entry);
        else if (entry.inScope === seen.inScope) ambiguous.add(name);
      } else byRef.set(name, entry);
    }
  }
  for (const name of ambiguous) byRef.delete(name);
  const categories = (await listCategories(db)).filter((c) => c.enabled).sort((a, b) => a.id - b.id);
  const byName = new Map<string, number>();
  for (const c of categories)
    for (const n of [c.name['zh-CN'], c.name['zh-TW'], c.name.en.toLowerCase(), c.code]) byName.set(n, c.id);
  return {
    unit: (ref) => byRef.get(ref),
    category: (name) => byName.get(name) ?? byName.get(name.toLowerCase()),
    currentYear: year,
  };
}

interface Checked {
  clean: CleanRow[];
  problems: CellError[];
  total: number;
}

/** Reads and checks every row: cell problems, duplicates within the file, and duplicates of existing records. */
async function checkFile(
  db: Kysely<Database>,
  actor: Actor,
  file: Buffer,
  year: number,
  onProgress: (n: number) => Promise<void>,
): Promise<Checked> {
  const ctx = await rowContext(db, actor, year);
  await installSecret(db, 'id_number_pepper');
  const clean: CleanRow[] = [];
  const problems: CellError[] = [];
  let total = 0;
  try {
    for await (const { row, raw } of readRegistryRows(file)) {
      total += 1;
      const r = validateRow(row, raw, ctx);
      if ('clean' in r) clean.push(r.clean);
      else problems.push(...r.errors);
      if (total % PROGRESS_EVERY === 0) await onProgress(total);
    }
  } catch {
    throw new DomainError('INVALID_WORKBOOK');
  }
  const inFile = duplicatesInFile(clean);
  const hashes = new Map<number, string>();
  for (const c of clean) if (c.idNumber) hashes.set(c.row, await idNumberHash(db, c.idNumber));
  const existing = await existingMatches(
    db,
    [...hashes.values()],
    clean.map((c) => c.phone),
  );
  const inDb: CellError[] = [];
  for (const c of clean) {
    const byId = hashes.has(c.row) ? existing.byHash.get(hashes.get(c.row) ?? '') : undefined;
    const byPhone = existing.byPhone.get(c.phone);
    if (byId !== undefined) inDb.push({ row: c.row, column: 'idNumber', problem: 'duplicateExisting', other: byId });
    else if (byPhone !== undefined)
      inDb.push({ row: c.row, column: 'phone', problem: 'duplicateExisting', other: byPhone });
  }
  const duplicates = [...inFile, ...inDb];
  const duplicateRows = new Set(duplicates.map((d) => d.row));
  return {
    clean: clean.filter((c) => !duplicateRows.has(c.row)),
    problems: [...problems, ...duplicates].sort((a, b) => a.row - b.row),
    total,
  };
}

/** The Excel template staff download, fill in and upload, listing the enabled categories. */
export async function importTemplate(deps: Deps, actor: Actor): Promise<Buffer> {
  authorize(actor, 'create', 'volunteer', { unitPath: actor.unitPath });
  const names = (await listCategories(deps.db)).filter((c) => c.enabled).map((c) => c.name['zh-CN']);
  return templateWorkbook(names);
}

/** Stores the upload and starts the dry run in the background; the caller polls the import's status. */
export async function startImport(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  filename: string,
  file: Buffer,
): Promise<number> {
  authorize(actor, 'create', 'volunteer', { unitPath: actor.unitPath });
  const id = await deps.db.transaction().execute(async (trx) => {
    const attachmentId = await imports.insertAttachment(trx, {
      filename,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      content: file,
      unit_id: actor.unitId,
      created_by: actor.accountId,
      created_at: ctx.at,
    });
    const importId = await imports.insertImport(trx, {
      kind: 'registry',
      unit_id: actor.unitId,
      created_by: actor.accountId,
      filename,
      attachment_id: attachmentId,
      status: 'validating',
      total_rows: 0,
      processed_rows: 0,
      error_rows: 0,
      duplicate_rows: 0,
      committed_rows: 0,
      report_json: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'import',
      entityId: importId,
      action: 'upload',
      unitId: actor.unitId,
      after: { filename, size: file.length },
    });
    return importId;
  });
  const year = Number(ctx.at.slice(0, 4));
  void whileWorking(deps.db, id, async () => {
    try {
      const checked = await checkFile(deps.db, actor, file, year, (n) =>
        imports.updateImport(deps.db, id, { processed_rows: n, updated_at: new Date().toISOString() }),
      );
      const errorRows = new Set(checked.problems.filter((p) => !p.problem.startsWith('duplicate')).map((p) => p.row))
        .size;
      const duplicateRows = new Set(checked.problems.filter((p) => p.problem.startsWith('duplicate')).map((p) => p.row))
        .size;
      await imports.updateImport(deps.db, id, {
        status: 'validated',
        total_rows: checked.total,
        processed_rows: checked.total,
        error_rows: errorRows,
        duplicate_rows: duplicateRows,
        report_json: JSON.stringify(checked.problems),
        updated_at: new Date().toISOString(),
      });
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'INTERNAL';
      await imports.updateImport(deps.db, id, {
        status: 'failed',
        report_json: JSON.stringify({ code }),
        updated_at: new Date().toISOString(),
      });
    }
  }).catch(() => undefined);
  return id;
}

async function loadImport(deps: Deps, actor: Actor, id: number): Promise<imports.ImportRow> {
  const row = await imports.findImport(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'create', 'volunteer', { unitPath: row.unit_path });
  return row;
}

/** An import's progress and, once validated, every problem with its row, column and reason in the reader's language. */
export async function importStatus(
  deps: Deps,
  actor: Actor,
  id: number,
  locale: Locale,
): Promise<z.infer<typeof importStatusSchema>> {
  return presentImportStatus(await loadImport(deps, actor, id), locale);
}

/** The columns of a new record from a checked row. */
function recordOf(c: CleanRow, hash: string | null, at: string) {
  const keys = searchKeysOf(c.name);
  return {
    kind: c.kind,
    name: c.name,
    gender: c.gender,
    birth_year: c.birthYear,
    phone: c.phone,
    unit_id: c.unitId,
    account_id: null,
    party_branch: c.partyBranch,
    profession: c.profession,
    qualifications: c.qualifications,
    availability: c.availability,
    contact_name: c.contactName,
    notes: c.notes,
    id_number_hash: hash,
    id_number_masked: c.idNumber ? maskIdNumber(c.idNumber) : null,
    pinyin: keys.pinyin,
    initials: keys.initials,
    screening_status: 'candidate',
    created_at: at,
    updated_at: at,
  };
}

/**
 * Writes the checked rows in one transaction: `all` only when every row is good, `valid`
 * skipping the rows with problems. The file is checked again, so records added since the
 * dry run are still caught as duplicates.
 */
export async function commitImport(deps: Deps, ctx: AuditContext, actor: Actor, id: number, mode: 'all' | 'valid') {
  const row = await loadImport(deps, actor, id);
  if (row.status !== 'validated') throw new DomainError('IMPORT_NOT_READY');
  if (!(await imports.claimImportForCommit(deps.db, id, ctx.at))) throw new DomainError('IMPORT_NOT_READY');
  return whileWorking(deps.db, id, () => writeImport(deps, ctx, actor, row, mode));
}

/** The commit itself, once claimed: check the file again and write the good rows in one transaction. */
async function writeImport(deps: Deps, ctx: AuditContext, actor: Actor, row: imports.ImportRow, mode: 'all' | 'valid') {
  const id = row.id;
  try {
    const file = await imports.readAttachmentContent(deps.db, row.attachment_id);
    const checked = await checkFile(deps.db, actor, Buffer.from(file), Number(ctx.at.slice(0, 4)), async () => {});
    const badRows = new Set(checked.problems.map((p) => p.row)).size;
    if (mode === 'all' && badRows > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: badRows });
    const hashes = new Map<number, string>();
    for (const c of checked.clean) if (c.idNumber) hashes.set(c.row, await idNumberHash(deps.db, c.idNumber));
    await deps.db.transaction().execute(async (trx) => {
      // Under the registry's lock, look once more: a record added, or another upload of the
      // same people committed, since the check above is a duplicate now.
      await lockRegistryWrites(trx);
      const taken = await existingMatches(
        trx,
        [...hashes.values()],
        checked.clean.map((c) => c.phone),
      );
      const fresh = checked.clean.filter(
        (c) => !taken.byPhone.has(c.phone) && !(hashes.has(c.row) && taken.byHash.has(hashes.get(c.row) ?? '')),
      );
      const skipped = badRows + checked.clean.length - fresh.length;
      if (mode === 'all' && skipped > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: skipped });
      for (let i = 0; i < fresh.length; i += 200) {
        const batch = fresh.slice(i, i + 200);
        const values = batch.map((c) => recordOf(c, hashes.get(c.row) ?? null, ctx.at));
        const ids = await insertVolunteers(trx, values);
        const idOf = (n: number) => ids[n] ?? 0;
        await insertCategoryLinks(
          trx,
          batch.flatMap((c, n) => c.categoryIds.map((category_id) => ({ volunteer_id: idOf(n), category_id }))),
        );
        await insertSearchTerms(
          trx,
          values.map((v, n) => ({ ...v, id: idOf(n) })),
        );
      }
      await imports.updateImport(trx, id, {
        status: 'committed',
        committed_rows: fresh.length,
        updated_at: new Date().toISOString(),
      });
      await recordAudit(trx, ctx, {
        entity: 'import',
        entityId: id,
        action: 'commit',
        unitId: row.unit_id,
        after: {
          mode,
          committed: fresh.length,
          skipped,
          sample: fresh.slice(0, 3).map((c) => ({ name: c.name, phone: maskPhone(c.phone) })),
        },
      });
    });
    return importStatus(deps, actor, id, 'zh-CN');
  } catch (err) {
    await imports.updateImport(deps.db, id, { status: 'validated', updated_at: new Date().toISOString() });
    throw err;
  }
}
