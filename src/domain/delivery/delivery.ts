import { DomainError } from '../errors.ts';
import { refuseFees } from '../studios/unpaid.ts';

/** Groups served, as the bulletin counts them (进城务工人员、青少年、台胞侨眷 …). */
export const servedGroups = [
  'migrant_workers',
  'youth',
  'taiwan_overseas',
  'elderly',
  'disabled',
  'hardship',
  'women_children',
  'veterans',
  'general',
] as const;
export type ServedGroup = (typeof servedGroups)[number];

/** How a service was given. */
export const serviceModes = ['studio', 'home', 'phone', 'online', 'activity'] as const;
export type ServiceMode = (typeof serviceModes)[number];

/** A studio that could take a request: how far it is and how busy it already is. */
export interface Candidate {
  studioId: number;
  distanceM: number;
  openRequests: number;
}

/** Each open request a studio already holds weighs like this many metres of extra walk. */
export const LOAD_PENALTY_M = 500;
/** Studios farther than this are not offered a request. */
export const MAX_ROUTING_DISTANCE_M = 15_000;

/**
 * The best studio for a request: nearest, with each open request it holds counting as extra
 * distance so that work spreads; studios that declined it are skipped. Ties go to the lower
 * id so the choice is repeatable.
 */
export function pickStudio(candidates: readonly Candidate[], declined: ReadonlySet<number>): Candidate | undefined {
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates) {
    if (declined.has(c.studioId) || c.distanceM > MAX_ROUTING_DISTANCE_M) continue;
    const score = c.distanceM + c.openRequests * LOAD_PENALTY_M;
    if (!best || score < best.score || (score === best.score && c.studioId < best.c.studioId)) best = { c, score };
  }
  return best?.c;
}

/** A service record as the member writes it. */
export interface RecordInput {
  servedAt: string;
  durationMinutes: number;
  personTimes: number;
  groups: readonly ServedGroup[];
  content: string;
  recipientName?: string | null | undefined;
}

/** Checks a record: a real time, a sane duration, at least one person served (a class of 30 counts 30), and no fee. */
export function checkRecord(r: RecordInput, now: Date): void {
  const at = Date.parse(r.servedAt);
  if (Number.isNaN(at) || at > now.getTime() + 10 * 60_000)
    throw new DomainError('VALIDATION_FAILED', { field: 'servedAt' });
  if (r.personTimes < 1) throw new DomainError('VALIDATION_FAILED', { field: 'personTimes' });
  if (r.groups.length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'groups' });
  refuseFees({ content: r.content });
}

/** Records may be corrected for this long after they were written (configurable in settings). */
export const DEFAULT_CORRECTION_HOURS = 72;

/** True while a record may still be corrected by its author. */
export function withinCorrectionWindow(createdAt: string, now: Date, hours: number): boolean {
  return now.getTime() - Date.parse(createdAt) <= hours * 3_600_000;
}

/**
 * Two requests are the same one sent twice when they come from the same phone for the same
 * category within a day and their texts share most characters.
 */
export function isDuplicateRequest(
  a: { phone: string; categoryId: number; text: string; at: number },
  b: { phone: string; categoryId: number; text: string; at: number },
): boolean {
  if (a.phone !== b.phone || a.categoryId !== b.categoryId || Math.abs(a.at - b.at) > 86_400_000) return false;
  const chars = (s: string) => new Set([...s.replace(/\s+/g, '')]);
  const x = chars(a.text);
  const y = chars(b.text);
  const shared = [...x].filter((c) => y.has(c)).length;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.8;
}

/** A rating: a whole number of stars from 1 to 5. */
export function checkRating(score: number, comment: string): void {
  if (!Number.isInteger(score) || score < 1 || score > 5)
    throw new DomainError('VALIDATION_FAILED', { field: 'score' });
  refuseFees({ comment });
}

/** A walk-in's 服务回执 (the rating code of a record made without a request) may be used this long (configurable). */
export const DEFAULT_RECEIPT_DAYS = 30;

/** When a receipt issued at `issuedAt` stops being accepted. */
export function receiptExpiresAt(issuedAt: string, days: number): string {
  return new Date(Date.parse(issuedAt) + days * 86_400_000).toISOString();
}

/** True once a receipt issued at `issuedAt` may no longer be used to rate. */
export function isReceiptExpired(issuedAt: string, now: Date, days: number): boolean {
  return now.getTime() >= Date.parse(receiptExpiresAt(issuedAt, days));
}

/**
 * A second rating of one service: the same stars and words again is a retry and answers
 * with the rating given; anything else is refused as already rated.
 */
export function isSameRating(given: { score: number; comment: string }, again: { score: number; comment: string }) {
  return given.score === again.score && given.comment.trim() === again.comment.trim();
}
