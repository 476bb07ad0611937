import type { Health } from '../../../contract/health.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';

/** The health report: ok while the database answers, degraded when it does not. */
export function presentHealth(
  probe: { reachable: boolean; schemaVersion: string | null },
  engine: Engine,
  appVersion: string,
  demo: boolean,
  timeZone: string,
  runsFrom: Health['runsFrom'],
): Health {
  return {
    status: probe.reachable ? 'ok' : 'degraded',
    database: { engine, reachable: probe.reachable, schemaVersion: probe.schemaVersion },
    appVersion,
    demo,
    timeZone,
    runsFrom,
  };
}
