import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { failInterruptedImports } from './registry-import.service.ts';

/**
 * Frees the imports a crashed process left validating or committing: marked failed once
 * their heartbeat has stopped, so they can be uploaded and run again. Safe on several
 * instances: an import another instance is still working on keeps its heartbeat fresh.
 */
export async function recoverInterruptedImports(db: Kysely<Database>, now: Date): Promise<{ failed: number }> {
  return { failed: await failInterruptedImports(db, now) };
}
