import type { Migration } from 'kysely';
import type { Engine } from './helpers.ts';
import { foundation } from './2026-11-25-0001-foundation.ts';
import { studios } from './2026-11-25-0002-studios.ts';
import { registryNeedsSiting } from './2026-11-25-0003-registry-needs-siting.ts';
import { serviceDelivery } from './2026-11-25-0004-service-delivery.ts';
import { volunteerSearchTermsMigration } from './2026-11-30-0005-volunteer-search-terms.ts';
import { mailbox } from './2026-12-02-0006-mailbox.ts';
import { inspectionsMigration } from './2026-12-02-0007-inspections.ts';
import { loginThrottlesMigration } from './2026-12-03-0008-login-throttles.ts';
import { countersAndJobRuns } from './2026-12-03-0009-counters-job-runs.ts';
import { evaluationMigration } from './2026-12-03-0010-evaluation.ts';
import { statisticsMigration } from './2026-12-03-0011-statistics.ts';
import { smsCodesMigration } from './2026-12-03-0014-sms-codes.ts';
import { letterRatesIndexMigration } from './2026-12-03-0015-letter-rates-index.ts';
import { evaluationNoticesMigration } from './2026-12-03-0016-evaluation-notices.ts';
import { volunteerTermsByIdMigration } from './2026-12-03-0019-volunteer-terms-by-id.ts';
import { statisticsCoveringIndexesMigration } from './2026-12-03-0100-statistics-covering-indexes.ts';
import { countRollupsMigration } from './2026-12-03-0110-count-rollups.ts';
import { evaluationRunStatusMigration } from './2026-12-03-0120-evaluation-run-status.ts';
import { dropVolunteerNameIndexesMigration } from './2026-12-04-0130-drop-volunteer-name-indexes.ts';
import { letterQuarterRatesIndexMigration } from './2026-12-04-0140-letter-quarter-rates-index.ts';
import { volunteerTermsWithoutForeignKeyMigration } from './2026-12-04-0150-volunteer-terms-without-foreign-key.ts';
import { openLettersByUnitMigration } from './2026-12-04-0160-open-letters-by-unit.ts';

/**
 * Every migration, by a name that sorts in the order they run. Add new ones with
 * `npm run db:new-migration -- <name>`; never rename or edit one that has shipped.
 */
export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '2026-11-25-0001-foundation': foundation(engine),
    '2026-11-25-0002-studios': studios(engine),
    '2026-11-25-0003-registry-needs-siting': registryNeedsSiting(engine),
    '2026-11-25-0004-service-delivery': serviceDelivery(engine),
    '2026-11-30-0005-volunteer-search-terms': volunteerSearchTermsMigration(engine),
    '2026-12-02-0006-mailbox': mailbox(engine),
    '2026-12-02-0007-inspections': inspectionsMigration(engine),
    '2026-12-03-0008-login-throttles': loginThrottlesMigration(engine),
    '2026-12-03-0009-counters-job-runs': countersAndJobRuns(engine),
    '2026-12-03-0010-evaluation': evaluationMigration(engine),
    '2026-12-03-0011-statistics': statisticsMigration(engine),
    '2026-12-03-0014-sms-codes': smsCodesMigration(engine),
    '2026-12-03-0015-letter-rates-index': letterRatesIndexMigration(engine),
    '2026-12-03-0016-evaluation-notices': evaluationNoticesMigration(engine),
    '2026-12-03-0019-volunteer-terms-by-id': volunteerTermsByIdMigration(engine),
    '2026-12-03-0100-statistics-covering-indexes': statisticsCoveringIndexesMigration(engine),
    '2026-12-03-0110-count-rollups': countRollupsMigration(engine),
    '2026-12-03-0120-evaluation-run-status': evaluationRunStatusMigration(engine),
    '2026-12-04-0130-drop-volunteer-name-indexes': dropVolunteerNameIndexesMigration(engine),
    '2026-12-04-0140-letter-quarter-rates-index': letterQuarterRatesIndexMigration(engine),
    '2026-12-04-0150-volunteer-terms-without-foreign-key': volunteerTermsWithoutForeignKeyMigration(engine),
    '2026-12-04-0160-open-letters-by-unit': openLettersByUnitMigration(engine),
  };
}
