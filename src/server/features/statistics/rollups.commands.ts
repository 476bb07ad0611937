import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import {
  correctionDeltas,
  mergeDeltas,
  rollupDeltas,
  type RollupDelta,
  type RollupFact,
} from '../../../domain/statistics/rollups.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';
import { DEFAULT_TIME_ZONE, businessDayOf, businessTimeZone } from '../../time.ts';
import * as repo from './rollups.repository.ts';
import { countsBuiltInZone, rebuildCounts } from './count-rollups.commands.ts';

/** Set once the rollups hold every record: written with the rebuild that made them. */
const BUILT = 'statistics.rollupsBuiltAt';
/** The business time zone the rollups' days are days in; rollups built before it was kept were China's. */
const ZONE = 'statistics.rollupsTimeZone';

/** True when the rollups were built, and built in the business zone in force. */
async function builtInZone(db: Kysely<Database>): Promise<boolean> {
  if (!(await readSetting(db, BUILT))) return false;
  return ((await readSetting(db, ZONE)) ?? DEFAULT_TIME_ZONE) === businessTimeZone();
}

/**
 * Counts a new record in the rollups of its unit and every unit above it, in the caller's
 * transaction: the record and its counts commit together or not at all.
 */
export async function rollRecord(trx: Kysely<Database>, unitPath: string, fact: RollupFact): Promise<void> {
  const units = await repo.unitIdsOnPath(trx, unitPath);
  await repo.applyRollupDeltas(trx, mergeDeltas(rollupDeltas(fact, units, 1, businessDayOf)));
}

/**
 * Counts several new records at once (a group commit's batch), in the caller's transaction: the
 * units on each distinct path are read once and the cells merged, so a burst of records from one
 * unit is one upsert of its cells.
 */
export async function rollRecords(
  trx: Kysely<Database>,
  records: ReadonlyArray<{ unitPath: string; fact: RollupFact }>,
): Promise<void> {
  const unitsOf = new Map<string, number[]>();
  const deltas: RollupDelta[] = [];
  for (const { unitPath, fact } of records) {
    let units = unitsOf.get(unitPath);
    if (!units) {
      units = await repo.unitIdsOnPath(trx, unitPath);
      unitsOf.set(unitPath, units);
    }
    for (const d of rollupDeltas(fact, units, 1, businessDayOf)) deltas.push(d);
  }
  await repo.applyRollupDeltas(trx, mergeDeltas(deltas));
}

/** Moves a corrected record's counts from its old version to its new one, in the caller's transaction. */
export async function rollCorrection(
  trx: Kysely<Database>,
  unitPath: string,
  before: RollupFact,
  after: RollupFact,
): Promise<void> {
  const units = await repo.unitIdsOnPath(trx, unitPath);
  await repo.applyRollupDeltas(trx, correctionDeltas(before, after, units, businessDayOf));
}

/**
 * Rebuilds every rollup from the record book, and the counts of ratings and letters (the
 * backfill, and the repair after the org tree was reshaped), in one transaction that holds
 * record, rating and letter writers off. With `onlyIfUnbuilt` it
 * does nothing where the rollups were built already (the start of each instance: the first
 * after the upgrade builds them, the others find them built; a start with another
 * HUIMIN_TIME_ZONE than they were built in rebuilds them, their days being that zone's).
 * Answers the records counted.
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  engine: Engine,
  at: string,
  o: { onlyIfUnbuilt?: boolean } = {},
): Promise<number> {
  const built = async (q: Kysely<Database>) => ({ services: await builtInZone(q), counts: await countsBuiltInZone(q) });
  if (o.onlyIfUnbuilt) {
    const b = await built(db);
    if (b.services && b.counts) return 0;
  }
  return db.transaction().execute(async (trx) => {
    await repo.lockRecordsForRebuild(trx, engine);
    const b = o.onlyIfUnbuilt ? await built(trx) : { services: false, counts: false };
    // The counts of ratings and letters came later than the service rollups: an upgrade builds them alone.
    if (!b.counts) await rebuildCounts(trx, engine, at);
    if (b.services) return 0;
    await repo.clearRollups(trx);
    let counted = 0;
    for (const unit of await repo.listUnitsWithRecords(trx)) {
      const ids = await repo.unitIdsOnPath(trx, unit.path);
      const deltas: RollupDelta[] = [];
      // Records are read by UTC hour: each falls in one business day for a zone a whole number of hours from UTC.
      for (const h of await repo.listRecordHours(trx, unit.id)) {
        const fact: RollupFact = {
          servedAt: `${h.hour}:00:00.000Z`,
          categoryId: h.category_id,
          mode: h.mode,
          groups: JSON.parse(h.groups_json) as string[],
          personTimes: h.person_times,
        };
        for (const d of rollupDeltas(fact, ids, 1, businessDayOf)) deltas.push({ ...d, records: h.records });
        counted += h.records;
      }
      await repo.applyRollupDeltas(trx, mergeDeltas(deltas));
    }
    await writeSetting(trx, BUILT, at, at);
    await writeSetting(trx, ZONE, businessTimeZone(), at);
    return counted;
  });
}
