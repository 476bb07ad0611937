import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../db/schema.ts';
import { subtreeRange } from '../domain/org-units/units.ts';

// The spreadsheet imports' own rows (the uploaded workbook, its progress and report) and the
// names a row may use for its unit, shared by every import (registry, studios, service
// records). What an import writes goes through its feature's repository.

/** An import with its unit's path (for the scope check). */
export type ImportRow = Selectable<Database['imports']> & { unit_path: string };

/** Stores an uploaded workbook as an attachment; answers its id. */
export async function insertAttachment(
  db: Kysely<Database>,
  values: Insertable<Database['attachments']>,
): Promise<number> {
  return (await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The bytes of a stored attachment. */
export async function readAttachmentContent(db: Kysely<Database>, id: number): Promise<Uint8Array> {
  return (await db.selectFrom('attachments').select('content').where('id', '=', id).executeTakeFirstOrThrow()).content;
}

/**
 * Empties a stored workbook: its rows hold full ID numbers and phones, which the registry keeps
 * only hashed and masked, so the file is not kept once its import is over.
 */
export async function clearAttachmentContent(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('attachments')
    .set({ content: new Uint8Array(0), size: 0 })
    .where('id', '=', id)
    .execute();
}

/** Imports still holding their workbook that were last touched before `before` and are not being committed. */
export async function listImportsHoldingFiles(db: Kysely<Database>, before: string) {
  return db
    .selectFrom('imports')
    .innerJoin('attachments', 'attachments.id', 'imports.attachment_id')
    .select(['imports.id', 'imports.attachment_id', 'imports.status'])
    .where('attachments.size', '>', 0)
    .where('imports.status', 'in', ['validated', 'failed', 'committed'])
    .where('imports.updated_at', '<', before)
    .execute();
}

/** Creates an import's row; answers its id. */
export async function insertImport(db: Kysely<Database>, values: Insertable<Database['imports']>): Promise<number> {
  return (await db.insertInto('imports').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** An import with its unit's path, or undefined. */
export async function findImport(db: Kysely<Database>, id: number): Promise<ImportRow | undefined> {
  return db
    .selectFrom('imports')
    .innerJoin('org_units', 'org_units.id', 'imports.unit_id')
    .selectAll('imports')
    .select('org_units.path as unit_path')
    .where('imports.id', '=', id)
    .executeTakeFirst();
}

/** Changes an import's status, counts or report. */
export async function updateImport(
  db: Kysely<Database>,
  id: number,
  set: Updateable<Database['imports']>,
): Promise<void> {
  await db.updateTable('imports').set(set).where('id', '=', id).execute();
}

/**
 * Moves an import from validated to committing only if it is still validated, so two commits
 * of one import cannot both run; answers whether this caller won.
 */
export async function claimImportForCommit(db: Kysely<Database>, id: number, at: string): Promise<boolean> {
  const claimed = await db
    .updateTable('imports')
    .set({ status: 'committing', updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Imports of a subtree checked and waiting for someone to commit them (the 工作台's to-do). */
export async function countImportsAwaitingCommit(db: Kysely<Database>, path: string): Promise<number> {
  const { from, to } = subtreeRange(path);
  const row = await db
    .selectFrom('imports')
    .innerJoin('org_units', 'org_units.id', 'imports.unit_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('imports.status', '=', 'validated')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Says an import is still being worked on: its `updated_at` is its heartbeat. */
export async function touchImport(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ updated_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['validating', 'committing'])
    .execute();
}

/**
 * Marks failed the imports left validating or committing by a process that died: no
 * heartbeat since `staleBefore`, and not one of `running` (this process's own). What a commit
 * in batches wrote before it stopped stays counted in `committed_rows`; answers how many.
 */
export async function failStaleImports(
  db: Kysely<Database>,
  staleBefore: string,
  running: number[],
  at: string,
): Promise<number> {
  let q = db
    .updateTable('imports')
    .set({ status: 'failed', report_json: JSON.stringify({ code: 'IMPORT_INTERRUPTED' }), updated_at: at })
    .where('status', 'in', ['validating', 'committing'])
    .where('updated_at', '<', staleBefore);
  if (running.length > 0) q = q.where('id', 'not in', running);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
