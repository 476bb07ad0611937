import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * Claims a periodic job's period for this instance, in the caller's transaction: true for
 * the first claimant, false when another instance has (or is about to, on PostgreSQL the
 * insert waits for its transaction). If the claimant's transaction rolls back, the period
 * is free again, so a failed run is retried by whoever ticks next.
 */
export async function claimJobPeriod(trx: Kysely<Database>, job: string, period: string, at: string): Promise<boolean> {
  const r = await trx
    .insertInto('job_runs')
    .values({ job, period, ran_at: at })
    .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}
