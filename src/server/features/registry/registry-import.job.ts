import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import * as imports from '../../imports.repository.ts';
import { failInterruptedImports } from '../../import-runner.ts';

/**
 * Frees the imports a crashed process left validating or committing: marked failed once
 * their heartbeat has stopped, so they can be uploaded and run again. Safe on several
 * instances: an import another instance is still working on keeps its heartbeat fresh.
 */
export async function recoverInterruptedImports(db: Kysely<Database>, now: Date): Promise<{ failed: number }> {
  return { failed: await failInterruptedImports(db, now) };
}

/**
 * Empties the workbooks of imports abandoned for longer than the retention (validated but never
 * committed, or failed): an uploaded file holds full ID numbers and phones, which the registry
 * itself keeps only hashed and masked. An abandoned import is marked failed, so it can be
 * uploaded again. Idempotent and safe on several instances.
 */
export async function purgeImportFiles(db: Kysely<Database>, now: Date, retentionHours: number): Promise<number> {
  const before = new Date(now.getTime() - retentionHours * 3_600_000).toISOString();
  const stale = await imports.listImportsHoldingFiles(db, before);
  for (const row of stale) {
    await db.transaction().execute(async (trx) => {
      if (row.status === 'validated') {
        await imports.updateImport(trx, row.id, {
          status: 'failed',
          report_json: JSON.stringify({ code: 'IMPORT_NOT_READY' }),
          updated_at: now.toISOString(),
        });
      }
      await imports.clearAttachmentContent(trx, row.attachment_id);
    });
  }
  return stale.length;
}
