import { idsOnPath } from '../../../domain/org-units/units.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import {
  acknowledgementOf,
  inspectionKey,
  letterRateKeys,
  mergeCountDeltas,
  movedDeltas,
  type CountDelta,
  type LetterRateFact,
} from '../../../domain/statistics/count-rollups.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';
import { readCachedSetting } from '../../versioned-cache.ts';
import * as repo from './count-rollups.repository.ts';
import { unitIdsOnPath } from './rollups.repository.ts';

// The supervision figures of the dashboard kept on write in `count_rollups`: inspections by the
// day due and status (in their unit and every unit above), and the outcomes behind 三率 of
// letters by the day received (in their street and every unit above). Counting them per request
// read every inspection and letter of the province (~300 ms). Each writer of inspections and
// letters (their repositories) moves the counts in its own transaction.

/** Set once the supervision counts hold every inspection and letter. */
const BUILT = 'statistics.supervisionCountsBuiltAt';

/** The subjects kept here. */
export const SUPERVISION_SUBJECTS = ['inspection', 'letter-rate'] as const;

/** True when the supervision counts were built. */
export async function supervisionCountsBuilt(db: Kysely<Database>): Promise<boolean> {
  return (await readSetting(db, BUILT)) !== undefined;
}

/** As `supervisionCountsBuilt`, from the settings held in memory: for the dashboard's hot path. */
export async function supervisionCountsReady(db: Kysely<Database>): Promise<boolean> {
  return (await readCachedSetting(db, BUILT)) !== undefined;
}

/** The ids of the units on the path of each unit asked about, each read once. */
function unitsAbove(trx: Kysely<Database>) {
  const known = new Map<number, number[]>();
  return async (unitId: number) => {
    let ids = known.get(unitId);
    if (!ids) {
      const path = await repo.findUnitPath(trx, unitId);
      ids = path === undefined ? [] : await unitIdsOnPath(trx, path);
      known.set(unitId, ids);
    }
    return ids;
  };
}

/** An inspection as its counts see it. */
export interface InspectionFact {
  unitId: number;
  dueOn: string;
  status: string;
}

/**
 * Moves inspections' counts from what they were (undefined: new) to what they are (undefined:
 * gone), in the caller's transaction.
 */
export async function moveInspectionCounts(
  trx: Kysely<Database>,
  changes: ReadonlyArray<{ before?: InspectionFact | undefined; after?: InspectionFact | undefined }>,
): Promise<void> {
  const above = unitsAbove(trx);
  const side = async (f: InspectionFact | undefined) =>
    f ? { day: f.dueOn, keys: [inspectionKey(f.status)], unitIds: await above(f.unitId) } : undefined;
  const deltas: CountDelta[] = [];
  for (const c of changes)
    for (const d of movedDeltas('inspection', await side(c.before), await side(c.after))) deltas.push(d);
  await repo.applyCountDeltas(trx, mergeCountDeltas(deltas));
}

/** Runs `change` on inspections and moves their counts from what they were to what they became. */
export async function withInspectionCounts<T>(
  trx: Kysely<Database>,
  ids: readonly number[],
  change: () => Promise<T>,
): Promise<T> {
  const factOf = (r: { unit_id: number; due_on: string; status: string }) => ({
    unitId: r.unit_id,
    dueOn: r.due_on,
    status: r.status,
  });
  const before = new Map((await repo.lockInspectionFacts(trx, ids)).map((r) => [r.id, factOf(r)]));
  const result = await change();
  const after = new Map((await repo.lockInspectionFacts(trx, ids)).map((r) => [r.id, factOf(r)]));
  const changed = ids
    .map((id) => ({ before: before.get(id), after: after.get(id) }))
    .filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after));
  if (changed.length > 0) await moveInspectionCounts(trx, changed);
  return result;
}

type LetterRow = NonNullable<Awaited<ReturnType<typeof repo.lockLetterRateFact>>>;

const letterSide = async (above: (id: number) => Promise<number[]>, r: LetterRow | undefined) => {
  if (!r) return undefined;
  const fact: LetterRateFact = {
    type: r.type,
    ackDue: r.ack_due,
    acknowledged: acknowledgementOf(r.ack_due, r.acknowledged_on),
    verdict: r.verdict,
    finding: r.finding,
  };
  return { day: r.received_on, keys: letterRateKeys(fact), unitIds: await above(r.street_id) };
};

/**
 * Runs `change` on a letter (or writes it: `id` undefined, `change` answering the new id) and
 * moves its 三率 counts from what it was to what it became, in the caller's transaction.
 */
export async function withLetterRateCounts<T>(
  trx: Kysely<Database>,
  id: number | undefined,
  change: () => Promise<T>,
  idOf: (result: T) => number | undefined = () => id,
): Promise<T> {
  const before = id === undefined ? undefined : await repo.lockLetterRateFact(trx, id);
  const result = await change();
  const newId = idOf(result);
  const after = newId === undefined ? undefined : await repo.lockLetterRateFact(trx, newId);
  if (JSON.stringify(before) === JSON.stringify(after)) return result;
  const above = unitsAbove(trx);
  const deltas = movedDeltas('letter-rate', await letterSide(above, before), await letterSide(above, after));
  await repo.applyCountDeltas(trx, deltas);
  return result;
}

/** Rebuilds the supervision counts, in the caller's transaction, holding their writers off; marks them built. */
export async function rebuildSupervisionCounts(trx: Kysely<Database>, engine: Engine, at: string): Promise<void> {
  await repo.lockSupervisionForRebuild(trx, engine);
  await repo.clearCountsOf(trx, SUPERVISION_SUBJECTS);
  const units = await repo.listUnitPaths(trx);
  const idOf = new Map(units.map((u) => [u.path, u.id]));
  const up = units.flatMap((u) => idsOnPath(u.path, idOf).map((a) => [u.id, a] as const));
  await repo.insertSupervisionCells(trx, up);
  await writeSetting(trx, BUILT, at, at);
}
