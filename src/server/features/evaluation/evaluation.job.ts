import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { previousQuarter, quarterOfDay } from '../../../domain/inspections/quarters.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './evaluation.repository.ts';
import { schemeForQuarter } from './quarter-scores.service.ts';
import { runQuarterOnce } from './run.service.ts';

/**
 * After a quarter ends, scores it once for every root of the org tree (the district). Runs
 * hourly and does nothing once the quarter has a run under the scheme in force (several
 * instances claim the period in `job_runs`, so one writes it); a later
 * correction is taken in by the district's run on demand, which keeps the earlier result as history.
 */
export async function evaluateLastQuarter(db: Kysely<Database>, now: Date): Promise<{ runs: number }> {
  const quarter = previousQuarter(quarterOfDay(chinaDate(now)));
  const { version } = await schemeForQuarter(db, quarter);
  if (await repo.hasRun(db, quarter, version)) return { runs: 0 };
  const ctx = { actor: null, ip: '', requestId: 'job:evaluation', at: now.toISOString() };
  let runs = 0;
  for (const root of await repo.rootUnits(db)) {
    if (await runQuarterOnce(db, ctx, root, quarter)) runs += 1;
  }
  return { runs };
}
