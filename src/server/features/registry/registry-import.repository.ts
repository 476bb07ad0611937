import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// The import's own rows (the uploaded workbook and its progress) and the names a row may use
// for its unit. Records themselves are written through registry.repository.ts.

/** An import with its unit's path (for the scope check). */
export type ImportRow = Selectable<Database['imports']> & { unit_path: string };

/** Every unit's code, names and path: the references an import row may name its unit by. */
export async function listUnitRefs(db: Kysely<Database>) {
  return db.selectFrom('org_units').select(['id', 'code', 'name', 'short_name', 'path']).execute();
}

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
 * heartbeat since `staleBefore`, and not one of `running` (this process's own). A commit
 * writes in one transaction, so nothing of theirs was written; answers how many.
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
