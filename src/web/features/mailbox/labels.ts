import type { LetterType, Verdict } from '../../../domain/mailbox/letters.ts';
import type { LetterStatus } from '../../../domain/mailbox/lifecycle.ts';
import type { MessageKey, Translate } from '../../lib/i18n/index.ts';

export { letterStatuses } from '../../../domain/mailbox/lifecycle.ts';
export { letterTypes } from '../../../domain/mailbox/letters.ts';
export type { LetterStatus, LetterType, Verdict };

export const typeLabel = (t: Translate, type: LetterType) => t(`mailbox.type.${type}` as MessageKey);
export const statusLabel = (t: Translate, status: LetterStatus) => t(`mailbox.status.${status}` as MessageKey);
export const verdictLabel = (t: Translate, v: Verdict | null) =>
  t(v ? (`mailbox.verdict.${v}` as MessageKey) : 'mailbox.verdict.none');

const knownEvents = new Set([
  'write',
  'assign',
  'acknowledge',
  'extend',
  'reply',
  'replyAgain',
  'rate',
  'rateAgain',
  'rule',
  'closeUnrated',
  'forward',
  'overdue',
  'escalate',
]);
/** A timeline entry's action in words (an unknown one as it is). */
export const eventLabel = (t: Translate, action: string) =>
  knownEvents.has(action) ? t(`mailbox.event.${action}` as MessageKey) : action;

/**
 * Tag tones: waiting on the street is amber, with the writer blue, reopened red, done green.
 * Classes of mailbox.css rather than antd's tag colours, whose text is too pale for WCAG AA.
 */
export const statusTones: Record<LetterStatus, string> = {
  received: 'hm-tone-warn',
  assigned: 'hm-tone-warn',
  acknowledged: 'hm-tone-info',
  replied: 'hm-tone-info',
  reopened: 'hm-tone-bad',
  second_replied: 'hm-tone-info',
  under_review: 'hm-tone-review',
  closed: 'hm-tone-ok',
};

/** A percentage with one decimal, or a dash when there is nothing to divide. */
export const percent = (x: number | null, locale: string) =>
  x === null ? '—' : (x * 100).toLocaleString(locale, { maximumFractionDigits: 1 }) + '%';
