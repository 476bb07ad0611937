import { idsOnPath } from '../../../domain/org-units/units.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Engine } from '../../../db/migrations/helpers.ts';
import {
  countDeltas,
  mergeCountDeltas,
  volunteerKey,
  type CountDelta,
  type CountFact,
} from '../../../domain/statistics/count-rollups.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';
import { DEFAULT_TIME_ZONE, businessDayOf, businessTimeZone } from '../../time.ts';
import * as repo from './count-rollups.repository.ts';
import { unitIdsOnPath } from './rollups.repository.ts';
import { rebuildSupervisionCounts } from './supervision-counts.commands.ts';

/** Set once the counts hold every rating and letter: written with the rebuild that made them. */
const BUILT = 'statistics.countsBuiltAt';
/** The business time zone the ratings' days are days in. */
const ZONE = 'statistics.countsTimeZone';

/** True when the counts were built, and built in the business zone in force. */
export async function countsBuiltInZone(db: Kysely<Database>): Promise<boolean> {
  if (!(await readSetting(db, BUILT))) return false;
  return ((await readSetting(db, ZONE)) ?? DEFAULT_TIME_ZONE) === businessTimeZone();
}

/**
 * Counts a new rating of a studio (on its business day, by score) in its unit and every unit
 * above it, in the caller's transaction: the rating and its counts commit together or not at all.
 */
export async function rollRating(
  trx: Kysely<Database>,
  rating: { studioId: number; createdAt: string; score: number },
): Promise<void> {
  const unit = await repo.findStudioUnit(trx, rating.studioId);
  if (!unit) return;
  const fact = { subject: 'rating' as const, day: businessDayOf(rating.createdAt), key: String(rating.score) };
  await repo.applyCountDeltas(trx, countDeltas(fact, await unitIdsOnPath(trx, unit.path), 1));
}

/** Counts a new letter (on its day received, by type) in its unit and every unit above it, in the caller's transaction. */
export async function rollLetter(
  trx: Kysely<Database>,
  letter: { unitId: number; receivedOn: string; type: string },
): Promise<void> {
  const path = await repo.findUnitPath(trx, letter.unitId);
  if (path === undefined) return;
  const fact = { subject: 'letter' as const, day: letter.receivedOn, key: letter.type };
  await repo.applyCountDeltas(trx, countDeltas(fact, await unitIdsOnPath(trx, path), 1));
}

/** A registry record as its counts see it. */
export interface VolunteerFact {
  unitId: number;
  createdAt: string;
  kind: string;
  screening: string;
}

const volunteerFact = (v: VolunteerFact): CountFact => ({
  subject: 'volunteer',
  day: businessDayOf(v.createdAt),
  key: volunteerKey(v.kind, v.screening),
});

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

/** Counts new registry records (on the day written, by kind and screening status), in the caller's transaction. */
export async function rollVolunteers(trx: Kysely<Database>, records: readonly VolunteerFact[]): Promise<void> {
  // Records alike (unit, moment written, kind, status) first counted together: an import's
  // batch is hundreds of records written at one instant into a few units.
  const alike = new Map<string, { fact: VolunteerFact; n: number }>();
  for (const r of records) {
    const key = `${r.unitId}\u0000${r.createdAt}\u0000${r.kind}\u0000${r.screening}`;
    const seen = alike.get(key);
    if (seen) seen.n += 1;
    else alike.set(key, { fact: r, n: 1 });
  }
  const above = unitsAbove(trx);
  const deltas: CountDelta[] = [];
  for (const { fact, n } of alike.values())
    for (const d of countDeltas(volunteerFact(fact), await above(fact.unitId), n)) deltas.push(d);
  await repo.applyCountDeltas(trx, mergeCountDeltas(deltas));
}

/**
 * Runs `change` on registry records and moves their counts from what they were to what they
 * became (a new unit, kind or screening status), in the caller's transaction. The records are
 * read under a write lock first, so two changes of one record at once count it once.
 */
export async function withVolunteerCounts<T>(
  trx: Kysely<Database>,
  ids: readonly number[],
  change: () => Promise<T>,
): Promise<T> {
  const factOf = (r: { unit_id: number; created_at: string; kind: string; screening_status: string }) => ({
    unitId: r.unit_id,
    createdAt: r.created_at,
    kind: r.kind,
    screening: r.screening_status,
  });
  const before = (await repo.lockVolunteerFacts(trx, ids)).map(factOf);
  const result = await change();
  const after = (await repo.lockVolunteerFacts(trx, ids)).map(factOf);
  const above = unitsAbove(trx);
  const deltas: CountDelta[] = [];
  for (const [sign, facts] of [
    [-1, before],
    [1, after],
  ] as const)
    for (const f of facts) for (const d of countDeltas(volunteerFact(f), await above(f.unitId), sign)) deltas.push(d);
  await repo.applyCountDeltas(trx, mergeCountDeltas(deltas));
  return result;
}

/**
 * Rebuilds the counts from the ratings, letters and registry records (and those of inspections and 三率),
 * in the caller's transaction (that of `rebuildRollups`), holding their writers off; marks them built in
 * the zone in force.
 */
export async function rebuildCounts(trx: Kysely<Database>, engine: Engine, at: string): Promise<void> {
  await repo.lockCountedForRebuild(trx, engine);
  await repo.clearCounts(trx);
  await repo.applyCountDeltas(trx, await countCells(trx));
  await markCountsBuilt(trx, at);
  await rebuildSupervisionCounts(trx, engine, at);
}

/**
 * The cells the ratings, letters and registry records of the units given (all when none are given) make, for
 * each unit on their paths: what the rebuild writes, and what a bulk build is checked against.
 */
export async function countCells(trx: Kysely<Database>, unitIds?: readonly number[]): Promise<CountDelta[]> {
  const units = await repo.listUnitPaths(trx);
  const idOf = new Map(units.map((u) => [u.path, u.id]));
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const upOf = new Map<number, number[]>();
  const up = (unitId: number) => {
    let ids = upOf.get(unitId);
    if (!ids) {
      ids = idsOnPath(pathOf.get(unitId) ?? '', idOf);
      upOf.set(unitId, ids);
    }
    return ids;
  };
  const deltas: CountDelta[] = [];
  // Ratings are read by UTC hour: each falls in one business day for a zone a whole number of hours from UTC.
  for (const h of await repo.listRatingHours(trx, unitIds)) {
    const fact = { subject: 'rating' as const, day: businessDayOf(`${h.hour}:00:00.000Z`), key: String(h.score) };
    for (const d of countDeltas(fact, up(h.unitId), h.n)) deltas.push(d);
  }
  for (const v of await repo.listVolunteerHours(trx, unitIds)) {
    const fact = volunteerFact({
      unitId: v.unitId,
      createdAt: `${v.hour}:00:00.000Z`,
      kind: v.kind,
      screening: v.screening,
    });
    for (const d of countDeltas(fact, up(v.unitId), v.n)) deltas.push(d);
  }
  for (const l of await repo.listLetterDays(trx, unitIds))
    for (const d of countDeltas({ subject: 'letter', day: l.day, key: l.type }, up(l.unitId), l.n)) deltas.push(d);
  return mergeCountDeltas(deltas);
}

/** Marks the counts built, in the zone in force: a server's start then leaves them be. */
export async function markCountsBuilt(trx: Kysely<Database>, at: string): Promise<void> {
  await writeSetting(trx, BUILT, at, at);
  await writeSetting(trx, ZONE, businessTimeZone(), at);
}
