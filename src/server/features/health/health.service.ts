import type { Health } from '../../../contract/health.ts';
import type { Deps } from '../../context.ts';
import { RUNS_FROM } from '../../build-info.ts';
import { probeDatabase } from './health.repository.ts';
import { presentHealth } from './health.presenter.ts';

/** Whether the database is reachable, with the schema and app versions; never throws. */
export async function checkHealth(deps: Deps): Promise<Health> {
  let probe: { reachable: boolean; schemaVersion: string | null };
  try {
    probe = { reachable: true, ...(await probeDatabase(deps.db)) };
  } catch {
    probe = { reachable: false, schemaVersion: null };
  }
  return presentHealth(
    probe,
    deps.engine,
    deps.appVersion,
    deps.config.HUIMIN_DEMO,
    deps.config.HUIMIN_TIME_ZONE,
    RUNS_FROM,
  );
}
