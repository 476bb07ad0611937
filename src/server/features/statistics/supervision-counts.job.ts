import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { rebuildSupervisionCounts, supervisionCountsBuilt } from './supervision-counts.commands.ts';

/**
 * Builds the counts of inspections and 三率 once, after the upgrade that brought them (a
 * province's 200,000 letters take some seconds): in the background, so the server answers at
 * once; until they are built the dashboard counts those figures from the rows. A fresh database
 * gets them with the other counts at its first start (`rebuildRollups`).
 */
export async function buildSupervisionCountsOnce(db: Kysely<Database>, now: Date): Promise<boolean> {
  if (await supervisionCountsBuilt(db)) return false;
  const engine = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  return db.transaction().execute(async (trx) => {
    // Another instance may have built them meanwhile.
    if (await supervisionCountsBuilt(trx)) return false;
    await rebuildSupervisionCounts(trx, engine, now.toISOString());
    return true;
  });
}
