import { DomainError } from '../errors.ts';
import { defaultMailboxSettings, handledLetterTypes, type MailboxSettings } from './letters.ts';

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/**
 * Checks settings as a whole: deadlines of 1–60 working days with the acknowledgement no
 * later than the reply, weights that are not all zero, 基本满意 weighing 0–1.
 */
export function checkMailboxSettings(s: MailboxSettings): void {
  for (const type of handledLetterTypes) {
    const d = s.deadlines[type];
    if (!isWhole(d.acknowledge, 1, 60)) throw new DomainError('VALIDATION_FAILED', { field: `deadlines.${type}` });
    if (!isWhole(d.reply, 1, 60) || d.reply < d.acknowledge)
      throw new DomainError('VALIDATION_FAILED', { field: `deadlines.${type}` });
  }
  if (!isWhole(s.extensionMaxDays, 1, 30)) throw new DomainError('VALIDATION_FAILED', { field: 'extensionMaxDays' });
  if (!isWhole(s.escalateAfterDays, 1, 30)) throw new DomainError('VALIDATION_FAILED', { field: 'escalateAfterDays' });
  if (!isWhole(s.ratingWindowDays, 1, 60)) throw new DomainError('VALIDATION_FAILED', { field: 'ratingWindowDays' });
  const w = s.weights;
  if (
    [w.response, w.resolution, w.satisfaction].some((x) => !(x >= 0 && x <= 100)) ||
    w.response + w.resolution + w.satisfaction === 0
  )
    throw new DomainError('VALIDATION_FAILED', { field: 'weights' });
  if (!(s.basicSatisfiedWeight >= 0 && s.basicSatisfiedWeight <= 1))
    throw new DomainError('VALIDATION_FAILED', { field: 'basicSatisfiedWeight' });
  if (!isWhole(s.minRatedToRank, 1, 1000)) throw new DomainError('VALIDATION_FAILED', { field: 'minRatedToRank' });
  if (s.disciplineBody.trim().length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'disciplineBody' });
}

/**
 * Reads stored settings, filling what an older version did not store from the defaults, so
 * a new setting never leaves the mailbox without a value.
 */
export function mailboxSettingsFrom(stored: unknown): MailboxSettings {
  const d = defaultMailboxSettings;
  if (typeof stored !== 'object' || stored === null) return d;
  const s = stored as Partial<MailboxSettings>;
  return {
    deadlines: {
      complaint: { ...d.deadlines.complaint, ...s.deadlines?.complaint },
      suggestion: { ...d.deadlines.suggestion, ...s.deadlines?.suggestion },
      praise: { ...d.deadlines.praise, ...s.deadlines?.praise },
    },
    extensionMaxDays: s.extensionMaxDays ?? d.extensionMaxDays,
    escalateAfterDays: s.escalateAfterDays ?? d.escalateAfterDays,
    ratingWindowDays: s.ratingWindowDays ?? d.ratingWindowDays,
    weights: { ...d.weights, ...s.weights },
    basicSatisfiedWeight: s.basicSatisfiedWeight ?? d.basicSatisfiedWeight,
    minRatedToRank: s.minRatedToRank ?? d.minRatedToRank,
    disciplineBody: s.disciplineBody ?? d.disciplineBody,
  };
}
