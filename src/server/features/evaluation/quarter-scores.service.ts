import type { Kysely } from 'kysely';
import { DomainError } from '../../../domain/errors.ts';
import { firstDayOf, quarterInstants, type Quarter } from '../../../domain/inspections/quarters.ts';
import { versionInForce, type SchemeConfig } from '../../../domain/evaluation/scheme.ts';
import { median, perMember, scoreStudio, type Breakdown } from '../../../domain/evaluation/scoring.ts';
import { rankStudios, selectProposals, type ReviewReason } from '../../../domain/evaluation/ranking.ts';
import type { Database } from '../../../db/schema.ts';
import { candidateStudios } from '../inspections/inspections.repository.ts';
import * as repo from './evaluation.repository.ts';
import { childPaths, unitPaths } from './figures.repository.ts';
import type { RunTimings } from '../../jobs/run-timings.ts';
import { gatherFigures, push, servedInQuarter, type Candidate } from './figures.service.ts';

// Scoring a quarter over a subtree one street at a time: each street's figures are read, scored
// and handed on (to be written, or kept by the preview), so a province-wide run holds one
// street's figures and breakdowns at a time, never the province's.

/** The scheme version in force during a quarter (on its first day). */
export async function schemeForQuarter(
  db: Kysely<Database>,
  quarter: Quarter,
): Promise<{ version: number; config: SchemeConfig }> {
  const versions = (await repo.listSchemes(db)).map((s) => ({ ...s, effectiveFrom: s.effective_from }));
  const found = versionInForce(versions, firstDayOf(quarter));
  if (!found) throw new DomainError('NO_SCHEME_IN_FORCE', { quarter });
  return { version: found.version, config: JSON.parse(found.config_json) as SchemeConfig };
}

/** A studio of a street, scored: its breakdown lives only as long as the street is handled. */
export type StreetScore = Candidate & {
  breakdown: Breakdown;
  perMember: number;
  complaintsInQuarter: number;
  complaintsInWindow: number;
};

/** What ranking and proposals need of a scored studio, kept for the whole subtree. */
export interface ScoreSummary {
  id: number;
  name: string;
  street_name: string;
  unit_id: number;
  street_id: number;
  total: number;
  deducted: number;
  perMember: number;
  vetoed: boolean;
  complaintsInQuarter: number;
  complaintsInWindow: number;
  complaintLetters: number[];
}

/** The summary kept of a street's score once its breakdown is handled. */
export function summaryOf(s: StreetScore): ScoreSummary {
  const complaints = s.breakdown.items.find((i) => i.source === 'complaints');
  return {
    id: s.id,
    name: s.name,
    street_name: s.street_name,
    unit_id: s.unit_id,
    street_id: s.street_id,
    total: s.breakdown.total,
    deducted: s.breakdown.deducted,
    perMember: s.perMember,
    vetoed: s.breakdown.vetoed,
    complaintsInQuarter: s.complaintsInQuarter,
    complaintsInWindow: s.complaintsInWindow,
    complaintLetters: complaints?.evidence.letters ?? [],
  };
}

/** Lets timers and other requests run: node:sqlite answers synchronously, so a long run must step aside. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Scores every studio of a subtree that served in the quarter, one street at a time, handing
 * each street's scores to `onStreet` (after a pause, so other requests run between streets).
 */
export async function scoreByStreet(
  db: Kysely<Database>,
  root: { path: string },
  quarter: Quarter,
  today: string,
  config: SchemeConfig,
  onStreet: (scores: StreetScore[]) => Promise<void>,
  timings?: RunTimings,
): Promise<void> {
  let started = performance.now();
  const candidates = await candidatesIn(db, root.path, quarterInstants(quarter).start);
  timings?.step('candidates', performance.now() - started);
  started = performance.now();
  const served = await servedInQuarter(db, candidates, quarter);
  timings?.step('served', performance.now() - started);
  const byStreet = new Map<number, Candidate[]>();
  for (const s of served) push(byStreet, s.street_id, s);
  for (const street of await unitPaths(db, [...byStreet.keys()])) {
    await yieldToEventLoop();
    const studios = byStreet.get(street.id) ?? [];
    const { figures, complaintsInWindow } = await gatherFigures(
      db,
      street.path,
      quarter,
      studios.map((s) => s.id),
      config.proposals.windowQuarters,
      today,
    );
    const streetMedian = median(studios.flatMap((s) => figures.get(s.id) ?? []).map(perMember));
    const scores = studios.flatMap((s) => {
      const f = figures.get(s.id);
      if (!f) return [];
      const breakdown = scoreStudio(config, f, { streetMedianPerMember: streetMedian });
      return [
        {
          ...s,
          breakdown,
          perMember: perMember(f),
          complaintsInQuarter: f.substantiatedComplaints,
          complaintsInWindow: complaintsInWindow.get(s.id) ?? 0,
        },
      ];
    });
    await onStreet(scores);
  }
}

/**
 * The candidate studios of a subtree by id, read one child subtree at a time (a candidate's unit
 * has a street above it, so it is never the root itself): over a province one query held the
 * connection, and with node:sqlite the event loop, for about 100 ms.
 */
async function candidatesIn(db: Kysely<Database>, path: string, start: string): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  for (const child of await childPaths(db, path)) {
    await yieldToEventLoop();
    for (const c of await candidateStudios(db, child.path, start)) candidates.push(c);
  }
  return candidates.sort((a, b) => a.id - b.id);
}

/** The places of the scored studios and the proposals the scheme's rules make. */
export function rankAndPropose(
  scored: readonly ScoreSummary[],
  config: SchemeConfig,
): {
  places: Map<number, { district: number; street: number }>;
  commend: number[];
  review: Map<number, ReviewReason[]>;
} {
  const entries = scored.map((s) => ({
    studioId: s.id,
    streetId: s.street_id,
    total: s.total,
    deducted: s.deducted,
    perMember: s.perMember,
    vetoed: s.vetoed,
    complaintsInQuarter: s.complaintsInQuarter,
    complaintsInWindow: s.complaintsInWindow,
  }));
  const places = rankStudios(entries);
  const { commend, review } = selectProposals(entries, config.proposals);
  return { places, commend, review };
}

/** What scoring a quarter under a draft scheme gives (the editor's preview), best first. Writes nothing. */
export async function previewQuarter(
  db: Kysely<Database>,
  root: { path: string },
  quarter: Quarter,
  today: string,
  draft: SchemeConfig,
) {
  const studios: Array<ScoreSummary & { items: Breakdown['items'] }> = [];
  await scoreByStreet(db, root, quarter, today, draft, async (scores) => {
    for (const s of scores) studios.push({ ...summaryOf(s), items: s.breakdown.items });
  });
  const { places, commend, review } = rankAndPropose(studios, draft);
  const ranked = studios
    .map((s) => ({ ...s, districtRank: places.get(s.id)?.district ?? 0 }))
    .sort((a, b) => a.districtRank - b.districtRank);
  return { studios: ranked, commend, review };
}
