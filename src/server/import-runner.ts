import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/roles.ts';
import { DomainError } from '../domain/errors.ts';
import type { Database } from '../db/schema.ts';
import type { AuditContext, Deps } from './context.ts';
import { recordAudit } from './features/audit/audit.repository.ts';
import * as imports from './imports.repository.ts';

// The flow every spreadsheet import shares: upload → dry run in the background (heartbeat,
// progress) → a row-level report → commit (all rows, or only the good ones) in one
// transaction, claimed so it runs once. What a row means and how it is written is the
// importer's; registry, studio and service-record imports each declare one.

/** A cell refused by a dry run: row of the sheet, column key, problem code, and the other row or record. */
export interface ImportProblem {
  row: number;
  column: string;
  problem: string;
  other?: number;
  /** The cell as written (masked when it is a phone or an ID number), quoted in the message. */
  value?: string;
  /** For a duplicate of a stored record: who it is, as the importer may see them. */
  existing?: { name: string; unit: string };
}

/** A checked file: the good rows, the problems of the others, and how many rows it had. */
export interface Checked<Clean> {
  clean: Clean[];
  problems: ImportProblem[];
  total: number;
}

/**
 * One kind of import: who may run it, how a file is checked and how its good rows are written.
 * `C` is what its check finds: at least the good rows and problems, and whatever more the
 * importer needs to show (`report`) and to write (the registry's updates of records).
 */
export interface Importer<Clean, C extends Checked<Clean> = Checked<Clean>> {
  kind: string;
  /** Throws 403/404 unless the actor may import into a unit at this path. */
  authorize(actor: Actor, unitPath: string): void;
  /** Reads and checks every row of the file as of `at` (the upload's or the commit's time). */
  check(
    db: Kysely<Database>,
    actor: Actor,
    file: Buffer,
    at: string,
    onProgress: (n: number) => Promise<void>,
  ): Promise<C>;
  /** What the dry run keeps beside its problems for the report (notices, updates, unchanged rows). */
  report?(checked: C): Record<string, unknown>;
  /**
   * Writes the good rows in the commit's transaction and answers how many were written and
   * skipped (found taken since the check); throws IMPORT_HAS_ERRORS in mode `all` if any are.
   * `audit` adds to (or refines) what the commit's audit row records.
   */
  write(
    trx: Kysely<Database>,
    ctx: AuditContext,
    actor: Actor,
    c: { clean: Clean[]; checked: C; importId: number; badRows: number; mode: 'all' | 'valid' },
  ): Promise<{ committed: number; skipped: number; sample: unknown; audit?: Record<string, unknown> }>;
}

/**
 * Resolves what a row names its unit by (12-digit code, name or short name) to the unit and
 * whether it lies where the importer may write. A name shared by two units is only usable
 * inside the importer's scope, where it is usually unique.
 */
export async function unitResolver(
  db: Kysely<Database>,
  inScope: (path: string) => boolean,
): Promise<(ref: string) => { id: number; inScope: boolean; path: string } | undefined> {
  const units = await imports.listUnitRefs(db);
  const byRef = new Map<string, { id: number; inScope: boolean; path: string }>();
  const ambiguous = new Set<string>();
  for (const u of units) {
    const entry = { id: u.id, inScope: inScope(u.path), path: u.path };
    byRef.set(u.code, entry);
    for (const name of new Set([u.name, u.short_name])) {
      const seen = byRef.get(name);
      if (seen && seen.id !== u.id) {
        if (entry.inScope && !seen.inScope) byRef.set(name, entry);
        else if (entry.inScope === seen.inScope) ambiguous.add(name);
      } else byRef.set(name, entry);
    }
  }
  for (const name of ambiguous) byRef.delete(name);
  return (ref) => byRef.get(ref);
}

/** Rows validated between two progress updates. */
export const PROGRESS_EVERY = 500;
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

/** Stores the upload and starts the dry run in the background; the caller polls the import's status. */
export async function startImport<Clean, C extends Checked<Clean>>(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  importer: Importer<Clean, C>,
  upload: { filename: string; file: Buffer },
): Promise<number> {
  importer.authorize(actor, actor.unitPath);
  const { filename, file } = upload;
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
      kind: importer.kind,
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
      after: { kind: importer.kind, filename, size: file.length },
    });
    return importId;
  });
  void whileWorking(deps.db, id, async () => {
    try {
      const checked = await importer.check(deps.db, actor, file, ctx.at, (n) =>
        imports.updateImport(deps.db, id, { processed_rows: n, updated_at: new Date().toISOString() }),
      );
      const rowsWith = (duplicate: boolean) =>
        new Set(checked.problems.filter((p) => p.problem.startsWith('duplicate') === duplicate).map((p) => p.row)).size;
      await imports.updateImport(deps.db, id, {
        status: 'validated',
        total_rows: checked.total,
        processed_rows: checked.total,
        error_rows: rowsWith(false),
        duplicate_rows: rowsWith(true),
        report_json: JSON.stringify({ problems: checked.problems, ...importer.report?.(checked) }),
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

/** An import of this kind the actor may see (404 for another kind's id or one outside the scope). */
export async function loadImport<Clean, C extends Checked<Clean>>(
  deps: Deps,
  actor: Actor,
  importer: Importer<Clean, C>,
  id: number,
): Promise<imports.ImportRow> {
  const row = await imports.findImport(deps.db, id);
  if (!row || row.kind !== importer.kind) throw new DomainError('NOT_FOUND');
  importer.authorize(actor, row.unit_path);
  return row;
}

/**
 * Writes the checked rows in one transaction: `all` only when every row is good, `valid`
 * skipping the rows with problems. The file is checked again, so records added since the
 * dry run are still caught as duplicates. Answers the import's row once committed.
 */
export async function commitImport<Clean, C extends Checked<Clean>>(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  importer: Importer<Clean, C>,
  id: number,
  mode: 'all' | 'valid',
): Promise<imports.ImportRow> {
  const row = await loadImport(deps, actor, importer, id);
  if (row.status !== 'validated') throw new DomainError('IMPORT_NOT_READY');
  if (!(await imports.claimImportForCommit(deps.db, id, ctx.at))) throw new DomainError('IMPORT_NOT_READY');
  return whileWorking(deps.db, id, async () => {
    try {
      const file = await imports.readAttachmentContent(deps.db, row.attachment_id);
      const checked = await importer.check(deps.db, actor, Buffer.from(file), ctx.at, async () => {});
      const badRows = new Set(checked.problems.map((p) => p.row)).size;
      if (mode === 'all' && badRows > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: badRows });
      await deps.db.transaction().execute(async (trx) => {
        const done = await importer.write(trx, ctx, actor, {
          clean: checked.clean,
          checked,
          importId: id,
          badRows,
          mode,
        });
        await imports.updateImport(trx, id, {
          status: 'committed',
          committed_rows: done.committed,
          updated_at: new Date().toISOString(),
        });
        // What the workbook held is now in the database; the file goes.
        await imports.clearAttachmentContent(trx, row.attachment_id);
        await recordAudit(trx, ctx, {
          entity: 'import',
          entityId: id,
          action: 'commit',
          unitId: row.unit_id,
          after: {
            kind: importer.kind,
            mode,
            committed: done.committed,
            skipped: done.skipped,
            sample: done.sample,
            ...done.audit,
          },
        });
      });
      return await loadImport(deps, actor, importer, id);
    } catch (err) {
      await imports.updateImport(deps.db, id, { status: 'validated', updated_at: new Date().toISOString() });
      throw err;
    }
  });
}
