import { addCalendarDays, addWorkingDays, type WorkCalendar } from './calendar.ts';

/** What a letter is: 投诉, 建议, 表扬, or 检举控告 (an accusation of wrongdoing by a party member). */
export const letterTypes = ['complaint', 'suggestion', 'praise', 'accusation'] as const;
export type LetterType = (typeof letterTypes)[number];

/** The types the street handles; accusations go to the discipline inspection body instead. */
export const handledLetterTypes = ['complaint', 'suggestion', 'praise'] as const;
export type HandledLetterType = (typeof handledLetterTypes)[number];

/** The writer's verdict on the handling: 满意, 基本满意, 不满意. No verdict is 未评价. */
export const verdicts = ['satisfied', 'basic', 'unsatisfied'] as const;
export type Verdict = (typeof verdicts)[number];

/** A reviewer's ruling on a complaint the writer rejected twice: 属实 or 不属实. */
export const findings = ['substantiated', 'unsubstantiated'] as const;
export type Finding = (typeof findings)[number];

/** How a letter ended: rated by the writer, left unrated, ruled by a reviewer, or forwarded out. */
export const closures = ['rated', 'unrated', 'ruled', 'forwarded'] as const;
export type Closure = (typeof closures)[number];

/** The district's settings of the mailbox. Deadlines are in working days, the rating window in calendar days. */
export interface MailboxSettings {
  deadlines: Record<HandledLetterType, { acknowledge: number; reply: number }>;
  extensionMaxDays: number;
  escalateAfterDays: number;
  ratingWindowDays: number;
  weights: { response: number; resolution: number; satisfaction: number };
  basicSatisfiedWeight: number;
  minRatedToRank: number;
  disciplineBody: string;
}

/**
 * The defaults: acknowledge within 2 working days; reply to a suggestion or praise within
 * 10 and resolve a complaint within 15; one extension of at most 10; escalation 5 working
 * days after a missed deadline; 10 days for the writer's verdict; the 12345-style composite
 * 10 / 50 / 40 with 基本满意 counting 0.9.
 */
export const defaultMailboxSettings: MailboxSettings = {
  deadlines: {
    complaint: { acknowledge: 2, reply: 15 },
    suggestion: { acknowledge: 2, reply: 10 },
    praise: { acknowledge: 2, reply: 10 },
  },
  extensionMaxDays: 10,
  escalateAfterDays: 5,
  ratingWindowDays: 10,
  weights: { response: 10, resolution: 50, satisfaction: 40 },
  basicSatisfiedWeight: 0.9,
  minRatedToRank: 5,
  disciplineBody: '新罗区纪委监委',
};

/** The deadlines a letter gets when it arrives: acknowledgement and reply, counted from the day of receipt. */
export function deadlinesAtReceipt(
  receivedOn: string,
  type: HandledLetterType,
  settings: MailboxSettings,
  cal: WorkCalendar,
): { ackDays: number; replyDays: number; ackDue: string; replyDue: string } {
  const { acknowledge, reply } = settings.deadlines[type];
  return {
    ackDays: acknowledge,
    replyDays: reply,
    ackDue: addWorkingDays(receivedOn, acknowledge, cal),
    replyDue: addWorkingDays(receivedOn, reply, cal),
  };
}

/** What a letter's deadlines are computed from, so they can be recomputed when the district adds a day off. */
export interface DeadlineBasis {
  receivedOn: string;
  ackDays: number;
  /** The day the current round of handling started: receipt, or the day the writer reopened it. */
  replyFrom: string;
  replyDays: number;
  /** Working days the current round was extended by (0 when not). */
  extensionDays: number;
}

/** The acknowledgement and reply deadlines of a letter on a calendar. */
export function deadlinesOf(b: DeadlineBasis, cal: WorkCalendar): { ackDue: string; replyDue: string } {
  return {
    ackDue: addWorkingDays(b.receivedOn, b.ackDays, cal),
    replyDue: addWorkingDays(b.replyFrom, b.replyDays + b.extensionDays, cal),
  };
}

/** The step the street owes in a state, if any: acknowledge a new letter, or reply to one in hand. */
export function pendingStep(status: string): 'acknowledge' | 'reply' | null {
  if (status === 'received' || status === 'assigned') return 'acknowledge';
  if (status === 'acknowledged' || status === 'reopened') return 'reply';
  return null;
}

/** The deadline of the step the street owes now, or null when it owes none. */
export function nextDueOf(status: string, ackDue: string, replyDue: string): string | null {
  const step = pendingStep(status);
  return step === 'acknowledge' ? ackDue : step === 'reply' ? replyDue : null;
}

/**
 * Where a deadline stands on `today`: overdue from the day after it, and due for escalation
 * to the district once `escalateAfterDays` more working days have passed.
 */
export function overdueState(
  due: string,
  today: string,
  escalateAfterDays: number,
  cal: WorkCalendar,
): { overdue: boolean; escalate: boolean; escalationDay: string } {
  const escalationDay = addWorkingDays(due, escalateAfterDays, cal);
  return { overdue: today > due, escalate: today > escalationDay, escalationDay };
}

/** The last day the writer may give a verdict on a reply given on `repliedOn`. */
export function ratingDueOf(repliedOn: string, settings: MailboxSettings): string {
  return addCalendarDays(repliedOn, settings.ratingWindowDays);
}

/**
 * Two letters are the same one sent twice when the same sender wrote the same type about the
 * same studio or community within a day and their texts share most characters.
 */
export function isDuplicateLetter(
  a: { type: LetterType; about: string; text: string; at: number },
  b: { type: LetterType; about: string; text: string; at: number },
): boolean {
  if (a.type !== b.type || a.about !== b.about || Math.abs(a.at - b.at) > 86_400_000) return false;
  const chars = (s: string) => new Set([...s.replace(/\s+/g, '')]);
  const x = chars(a.text);
  const y = chars(b.text);
  const shared = [...x].filter((c) => y.has(c)).length;
  return shared / Math.max(1, Math.min(x.size, y.size)) >= 0.8;
}

/** A writer's name as others see it: the surname and two stars. */
export function maskName(name: string | null): string | null {
  if (!name) return null;
  return `${[...name][0] ?? ''}**`;
}
