import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/roles.ts';
import { DomainError } from '../domain/errors.ts';
import type { Database } from '../db/schema.ts';
import type { AuditContext, Deps } from './context.ts';
import { withCheckpointsOffThread } from '../db/wal-checkpointer.ts';
import { inTransaction } from '../db/unflushed-commit.ts';
import { recordAudit } from './features/audit/audit.repository.ts';
import { orgTreeOf } from './features/org-units/org-tree.repository.ts';
import * as imports from './imports.repository.ts';
import { keepCheck, takeCheck } from './kept-checks.ts';

// The flow every spreadsheet import shares: upload → dry run in the background (heartbeat,
// progress) → a row-level report → commit (all rows in one transaction, or only the good
// ones in batches), claimed so it runs once. What a row means and how it is written is the
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
  /**
   * A fingerprint of everything `check` reads besides the file (version rows, the actor's
   * scope, the year of `at`): while it is unchanged, the commit uses the dry run's result
   * instead of checking the file again (see kept-checks.ts). Without it the commit always checks.
   */
  inputs?(db: Kysely<Database>, actor: Actor, at: string): Promise<string>;
  /** What the dry run keeps beside its problems for the report (notices, updates, unchanged rows). */
  report?(checked: C): Record<string, unknown>;
  /**
   * Writes good rows in a transaction of the commit and answers how many were written and
   * skipped (found taken since the check; `badRows` are counted in by the first batch);
   * throws IMPORT_HAS_ERRORS in mode `all` if any are. In mode `valid` it is called once per
   * batch of `clean` (see `commitImport`), `first` for the first one. `audit` adds to (or
   * refines) what the batch's audit row records.
   */
  write(
    trx: Kysely<Database>,
    ctx: AuditContext,
    actor: Actor,
    c: { clean: Clean[]; checked: C; importId: number; badRows: number; mode: 'all' | 'valid'; first: boolean },
  ): Promise<{ committed: number; skipped: number; sample: unknown; audit?: Record<string, unknown> }>;
  /** Told after each batch's commit (caches of what was written look again). */
  committed?(): void;
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
  // From the tree held in memory: reading 18,000 units for each dry run and commit kept the
  // event loop busy some 50 ms in one stretch.
  const units = (await orgTreeOf(db)).ordered;
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
 * uploaded again. A commit in mode `valid` may have written some batches: its
 * `committed_rows` says how many, and the upload again finds them as duplicates.
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
      // Read before the check: a change made while it runs moves them, so the commit checks again.
      const inputs = await importer.inputs?.(deps.db, actor, ctx.at);
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
      if (inputs !== undefined) keepCheck(id, inputs, checked);
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
 * Rows written per transaction of a commit in mode `valid`. On SQLite writes are serialised
 * (one connection): a single transaction of 100,000 rows kept every other request that writes
 * (sessions, records) waiting for the whole commit; between batches they get their turn. 500
 * registry rows (with some 7,000 search terms) take a few tens of milliseconds.
 */
export const COMMIT_BATCH = 500;

/**
 * Writes the checked rows: `all` only when every row is good, `valid` skipping the rows with
 * problems. The file is checked again when anything the check read has changed since the dry
 * run (records added since are caught as duplicates); otherwise the dry run's result, kept in
 * this process, is used (kept-checks.ts). Answers the import's row once committed.
 *
 * Mode `all` is all or nothing: one transaction. Mode `valid` writes in batches of
 * COMMIT_BATCH rows, each its own transaction with its audit entry and the import's
 * `committed_rows` so far, so what is written and what the import says it wrote never differ.
 * The importer re-checks each batch under its lock, so rows another commit wrote meanwhile
 * are skipped, not doubled. If the process dies half-way, the import is marked failed
 * (IMPORT_INTERRUPTED, see `failInterruptedImports`) with the rows already written counted;
 * uploading the same file again reports those rows as duplicates of stored records and
 * commits the rest, so the end state is the same as one uninterrupted commit. Batches before
 * the last commit without waiting for the disk (unflushed-commit.ts): a power loss undoes whole
 * batches with their count, and the last batch's flush takes every earlier one with it before
 * the import says it is committed.
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
    let written = 0;
    try {
      const inputs = await importer.inputs?.(deps.db, actor, ctx.at);
      const checked =
        (inputs !== undefined ? takeCheck<C>(id, inputs) : undefined) ??
        (await importer.check(
          deps.db,
          actor,
          Buffer.from(await imports.readAttachmentContent(deps.db, row.attachment_id)),
          ctx.at,
          async () => {},
        ));
      const badRows = new Set(checked.problems.map((p) => p.row)).size;
      if (mode === 'all' && badRows > 0) throw new DomainError('IMPORT_HAS_ERRORS', { count: badRows });
      const batch = mode === 'all' ? Math.max(1, checked.clean.length) : COMMIT_BATCH;
      const batches = Math.max(1, Math.ceil(checked.clean.length / batch));
      const total = { committed: 0, skipped: badRows, sample: undefined as unknown };
      // Batches commit thousands of pages each: their checkpoints are a worker's (see wal-checkpointer.ts).
      await withCheckpointsOffThread(deps.db, deps.engine, async (checkpoint) => {
        for (let n = 0; n < batches; n++) {
          const last = n === batches - 1;
          // Only the last batch waits for the disk: its flush takes every earlier one with it.
          await inTransaction(deps.db, deps.engine, { unflushed: !last }, async (trx) => {
            const done = await importer.write(trx, ctx, actor, {
              clean: checked.clean.slice(n * batch, (n + 1) * batch),
              checked,
              importId: id,
              badRows: n === 0 ? badRows : 0,
              mode,
              first: n === 0,
            });
            total.committed += done.committed;
            total.skipped += done.skipped - (n === 0 ? badRows : 0);
            if (n === 0) total.sample = done.sample;
            await imports.updateImport(trx, id, {
              committed_rows: total.committed,
              updated_at: new Date().toISOString(),
              ...(last ? { status: 'committed' as const } : {}),
            });
            // What the workbook held is now in the database; the file goes.
            if (last) await imports.clearAttachmentContent(trx, row.attachment_id);
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
                ...(batches > 1 ? { batch: n + 1, of: batches } : {}),
                // The last batch's entry also sums up the whole commit.
                ...(last && batches > 1 ? { total: { committed: total.committed, skipped: total.skipped } } : {}),
              },
            });
          });
          written = total.committed;
          importer.committed?.();
          // Let waiting requests (and other writers) in before the next batch, while the
          // batch's pages are copied from the WAL into the database off the main thread.
          if (!last) await checkpoint();
        }
      });
      return await loadImport(deps, actor, importer, id);
    } catch (err) {
      // Nothing written yet: the import can be committed again. Some batches written: it
      // cannot be undone here, so it ends failed with what was written counted.
      await imports.updateImport(deps.db, id, {
        status: written === 0 ? 'validated' : 'failed',
        ...(written === 0 ? {} : { report_json: JSON.stringify({ code: 'IMPORT_INTERRUPTED' }) }),
        updated_at: new Date().toISOString(),
      });
      throw err;
    }
  });
}
