import type { Kysely } from 'kysely';
import { servedDuring, type StatusSpan } from '../../../domain/inspections/plan.ts';
import {
  firstDayOf,
  lastDayOf,
  previousQuarter,
  quarterInstants,
  type Quarter,
} from '../../../domain/inspections/quarters.ts';
import { threeRates, emptyTally } from '../../../domain/mailbox/rates.ts';
import { mentionsFee } from '../../../domain/studios/unpaid.ts';
import type { StudioFigures } from '../../../domain/evaluation/scoring.ts';
import type { Database } from '../../../db/schema.ts';
import { studioTransitions, type candidateStudios } from '../inspections/inspections.repository.ts';
import { countRates } from '../mailbox/mailbox.repository.ts';
import { readMailboxSettings } from '../mailbox/mailbox-settings.repository.ts';
import * as repo from './figures.repository.ts';

// The quarter's figures of every studio of a subtree, gathered for scoring from the other areas.

/** A studio that may be scored in a quarter (one that was serving at some time in it). */
export type Candidate = Awaited<ReturnType<typeof candidateStudios>>[number];

/** The studios among the candidates that served (active or in rectification) at any time in the quarter. */
export async function servedInQuarter(db: Kysely<Database>, candidates: Candidate[], quarter: Quarter) {
  const { start, end } = quarterInstants(quarter);
  const changed = candidates.filter((c) => c.status_changed_at >= start);
  const transitions = await studioTransitions(
    db,
    changed.map((c) => c.id),
  );
  return candidates.filter((c) => {
    if (c.status_changed_at < start) return c.status === 'active' || c.status === 'rectification';
    const own = transitions.filter((t) => t.studio_id === c.id);
    const history: StatusSpan[] =
      own.length > 0
        ? [
            { status: own[0]?.from_status ?? 'draft', since: '' },
            ...own.map((t) => ({ status: t.to_status, since: t.at })),
          ]
        : [
            ...(['revoked', 'closed'].includes(c.status) ? [{ status: 'active', since: '' }] : []),
            { status: c.status, since: c.status_changed_at },
          ];
    return servedDuring(history, start, end);
  });
}

/** The months (YYYY-MM) of a quarter, as commitment checks name their periods. */
function monthsOf(q: Quarter): string[] {
  const first = firstDayOf(q);
  const year = first.slice(0, 4);
  const m = Number(first.slice(5, 7));
  return [m, m + 1, m + 2].map((n) => `${year}-${String(n).padStart(2, '0')}`);
}

export function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How many ids of one kind a breakdown links to per item (the figures count them all). */
const EVIDENCE_LIMIT = 200;
const ids = (list: number[] | undefined) => (list ?? []).slice(0, EVIDENCE_LIMIT);

/** The figures of every served studio of a subtree in a quarter, read from the tables of the other areas. */
export async function gatherFigures(
  db: Kysely<Database>,
  path: string,
  quarter: Quarter,
  studioIds: number[],
  windowQuarters: number,
  today: string,
): Promise<{ figures: Map<number, StudioFigures>; complaintsInWindow: Map<number, number> }> {
  const { start, end } = quarterInstants(quarter);
  let windowStart: Quarter = quarter;
  for (let i = 1; i < windowQuarters; i++) windowStart = previousQuarter(windowStart);
  const [members, records, ratings, inspections, checks, letters, rectifications, rates, settings] = await Promise.all([
    repo.memberCounts(db, path),
    repo.quarterRecords(db, path, start, end),
    repo.quarterRatings(db, path, start, end),
    repo.quarterInspectionTotals(db, path, quarter),
    repo.commitmentChecks(db, path, monthsOf(quarter)),
    repo.studioLetters(db, path, firstDayOf(windowStart), lastDayOf(quarter)),
    repo.feeTakingRectifications(db, path, start, end),
    countRates(db, { path, from: firstDayOf(quarter), to: lastDayOf(quarter), today, by: 'studio' }),
    readMailboxSettings(db),
  ]);
  const memberOf = new Map(members.map((m) => [m.studio_id, Number(m.n)]));
  const recordIds = new Map<number, number[]>();
  const personTimes = new Map<number, number>();
  for (const r of records) {
    push(recordIds, r.studio_id, r.id);
    personTimes.set(r.studio_id, (personTimes.get(r.studio_id) ?? 0) + r.person_times);
  }
  const ratingIds = new Map<number, number[]>();
  const ratingSum = new Map<number, number>();
  for (const r of ratings) {
    push(ratingIds, r.studio_id, r.id);
    ratingSum.set(r.studio_id, (ratingSum.get(r.studio_id) ?? 0) + r.score);
  }
  const inspectionIds = new Map<number, number[]>();
  const inspectionTotals = new Map<number, number[]>();
  for (const i of inspections) {
    push(inspectionIds, i.studio_id, i.id);
    push(inspectionTotals, i.studio_id, i.total ?? 0);
  }
  const checkIds = new Map<number, number[]>();
  const kept = new Map<number, number>();
  for (const c of checks) {
    push(checkIds, c.studio_id, c.id);
    if (c.kept) kept.set(c.studio_id, (kept.get(c.studio_id) ?? 0) + 1);
  }
  const qFrom = firstDayOf(quarter);
  const praise = new Map<number, number[]>();
  const complaints = new Map<number, number[]>();
  const fees = new Map<number, number[]>();
  const quarterLetters = new Map<number, number[]>();
  const complaintsInWindow = new Map<number, number>();
  for (const l of letters) {
    if (l.studio_id === null) continue;
    const substantiated = l.type === 'complaint' && l.finding === 'substantiated';
    if (substantiated) complaintsInWindow.set(l.studio_id, (complaintsInWindow.get(l.studio_id) ?? 0) + 1);
    if (l.received_on < qFrom) continue;
    push(quarterLetters, l.studio_id, l.id);
    if (l.type === 'praise') push(praise, l.studio_id, l.id);
    if (substantiated) push(complaints, l.studio_id, l.id);
    if (substantiated && mentionsFee(l.text)) push(fees, l.studio_id, l.id);
  }
  const feeRectifications = new Map<number, number[]>();
  for (const r of rectifications) push(feeRectifications, r.studio_id, r.id);
  const rateOf = new Map(rates.map((r) => [r.group_id, r]));

  const figures = new Map<number, StudioFigures>();
  for (const id of studioIds) {
    const counts = rateOf.get(id);
    const tally = counts
      ? {
          ...emptyTally(),
          letters: Number(counts.letters),
          due: Number(counts.due),
          acknowledgedOnTime: Number(counts.acknowledged_on_time),
          rated: Number(counts.rated),
          resolved: Number(counts.resolved),
          satisfied: Number(counts.satisfied),
          basic: Number(counts.basic),
          unsatisfied: Number(counts.unsatisfied),
        }
      : null;
    const checksOf = checkIds.get(id) ?? [];
    figures.set(id, {
      studioId: id,
      members: Math.max(1, memberOf.get(id) ?? 1),
      personTimes: personTimes.get(id) ?? 0,
      ratingCount: ratingIds.get(id)?.length ?? 0,
      ratingSum: ratingSum.get(id) ?? 0,
      inspectionTotals: inspectionTotals.get(id) ?? [],
      commitmentChecks: checksOf.length,
      commitmentsKept: kept.get(id) ?? 0,
      praise: praise.get(id)?.length ?? 0,
      substantiatedComplaints: complaints.get(id)?.length ?? 0,
      threeRates: tally ? threeRates(tally, settings).composite : null,
      feeTakingFindings: (fees.get(id)?.length ?? 0) + (feeRectifications.get(id)?.length ?? 0),
      evidence: {
        serviceVolume: { records: ids(recordIds.get(id)) },
        ratings: { ratings: ids(ratingIds.get(id)) },
        inspections: { inspections: ids(inspectionIds.get(id)) },
        commitments: { commitmentChecks: ids(checksOf) },
        praise: { letters: ids(praise.get(id)) },
        complaints: { letters: ids(complaints.get(id)) },
        threeRates: { letters: ids(quarterLetters.get(id)) },
        feeTaking: { letters: ids(fees.get(id)), rectifications: ids(feeRectifications.get(id)) },
      },
    });
  }
  return { figures, complaintsInWindow };
}
