import { DomainError } from '../errors.ts';

/** What a code sent by SMS confirms. */
export type SmsCodePurpose = 'subscribe' | 'unsubscribe';

/** The rules of codes that confirm a subscription change: how long a code lives and how often it may be guessed. */
export const SMS_CODE_RULES = {
  /** A code is good for ten minutes after it was sent. */
  ttlMs: 10 * 60_000,
  /** Five tries per code, the right one included; then a new code is needed. */
  maxGuesses: 5,
  /** Codes sent to one phone: three in ten minutes (a resend or two), ten a day. */
  perPhonePer10Minutes: 3,
  perPhonePerDay: 10,
  /** Codes asked for from one address in an hour. */
  perAddressPerHour: 20,
  /** Codes tried from one address in an hour (all phones together). */
  guessesPerAddressPerHour: 30,
} as const;

/** When a code sent at `sentAt` stops being accepted. */
export function smsCodeExpiresAt(sentAt: string): string {
  return new Date(Date.parse(sentAt) + SMS_CODE_RULES.ttlMs).toISOString();
}

/**
 * Whether a code may still be tried: refuses an expired or used one (SMS_CODE_EXPIRED) and
 * one already tried the maximum number of times (SMS_CODE_LOCKED). `attempts` counts tries
 * before this one.
 */
export function checkCodeUsable(code: { expiresAt: string; usedAt: string | null; attempts: number }, now: Date) {
  if (code.usedAt !== null || now.getTime() >= Date.parse(code.expiresAt)) throw new DomainError('SMS_CODE_EXPIRED');
  if (code.attempts >= SMS_CODE_RULES.maxGuesses) throw new DomainError('SMS_CODE_LOCKED');
}

/** The answer to a wrong code: how many tries are left, or locked when none is. */
export function wrongCode(attemptsAfter: number): DomainError {
  const left = SMS_CODE_RULES.maxGuesses - attemptsAfter;
  return left > 0 ? new DomainError('SMS_CODE_WRONG', { left }) : new DomainError('SMS_CODE_LOCKED');
}
