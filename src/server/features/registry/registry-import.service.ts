import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Locale } from '../../../contract/common.ts';
import type { importStatus as importStatusSchema } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskIdNumber, maskPhone } from '../../../domain/registry/id-number.ts';
import type { CleanRow } from '../../../domain/registry/import-rows.ts';
import { searchKeysOf } from '../../../domain/text/search-keys.ts';
import type { Database } from '../../../db/schema.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { templateWorkbook } from './registry-excel.presenter.ts';
import { checkFile, type Checked } from './registry-import-check.service.ts';
import { presentImportStatus } from './registry.presenter.ts';
import * as imports from './registry-import.repository.ts';
import {
  existingMatches,
  insertCategoryLinks,
  insertVolunteers,
  lockRegistryWrites,
  setCategories,
  updateVolunteer,
} from './registry.repository.ts';
import { insertSearchTerms, setSearchTerms } from './volunteer-terms.repository.ts';

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
        report_json: JSON.stringify(reportOf(checked)),
        updated_at: new Date().toISOString(),
      });
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'INTERNAL';
      await deps.db.transaction().execute(async (trx) => {
        await imports.updateImport(trx, id, {
          status: 'failed',
          report_json: JSON.stringify({ code }),
          updated_at: new Date().toISOString(),
        });
        const failed = await imports.findImport(trx, id);
        if (failed) await imports.clearAttachmentContent(trx, failed.attachment_id);
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

/** What the dry run keeps to show: problems, kept masked cells, and each update's changed columns. */
function reportOf(checked: Checked) {
  return {
    problems: checked.problems,
    notices: checked.notices,
    updates: checked.updates.map((u) => ({
      row: u.clean.row,
      recordId: u.clean.recordId,
      name: u.clean.name,
      columns: u.columns,
    })),
    unchanged: checked.unchanged,
  };
}

/** The columns a row sets on the record it updates (its ID number left alone when the file held it masked). */
function changesOf(c: CleanRow, hash: string | null, keepIdNumber: boolean, at: string) {
  const { id_number_hash, id_number_masked, account_id, screening_status, created_at, ...cols } = recordOf(c, hash, at);
  void account_id;
  void screening_status;
  void created_at;
  return keepIdNumber ? cols : { ...cols, id_number_hash, id_number_masked };
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
    const hashes = checked.hashes;
    await deps.db.transaction().execute(async (trx) => {
      // Under the registry's lock, look once more: a record added, or another upload of the
      // same people committed, since the check above is a duplicate now.
      await lockRegistryWrites(trx);
      const rows = [...checked.clean, ...checked.updates.map((u) => u.clean)];
      const taken = await existingMatches(
        trx,
        rows.flatMap((c) => hashes.get(c.row) ?? []),
        rows.map((c) => c.phone),
      );
      const isFree = (c: CleanRow) => {
        const byPhone = taken.byPhone.get(c.phone);
        const byHash = hashes.has(c.row) ? taken.byHash.get(hashes.get(c.row) ?? '') : undefined;
        return (!byPhone || byPhone.id === c.recordId) && (!byHash || byHash.id === c.recordId);
      };
      const fresh = checked.clean.filter(isFree);
      const updates = checked.updates.filter((u) => isFree(u.clean));
      const skipped = badRows + rows.length - fresh.length - updates.length;
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
      for (const u of updates) {
        const recordId = u.clean.recordId ?? 0;
        const cols = changesOf(u.clean, hashes.get(u.clean.row) ?? null, u.keepIdNumber, ctx.at);
        await updateVolunteer(trx, recordId, cols);
        await setCategories(trx, recordId, u.clean.categoryIds);
        await setSearchTerms(trx, { id: recordId, ...cols });
      }
      const committed = fresh.length + updates.length;
      await imports.updateImport(trx, id, {
        status: 'committed',
        committed_rows: committed,
        updated_at: new Date().toISOString(),
      });
      // What the workbook held is now in the registry, hashed and masked; the file goes.
      await imports.clearAttachmentContent(trx, row.attachment_id);
      await recordAudit(trx, ctx, {
        entity: 'import',
        entityId: id,
        action: 'commit',
        unitId: row.unit_id,
        after: {
          mode,
          committed: fresh.length,
          updated: updates.map((u) => ({ id: u.clean.recordId, columns: u.columns })),
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
