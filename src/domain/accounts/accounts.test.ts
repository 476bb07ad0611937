import { describe, expect, it } from 'vitest';
import { admitAttempt, delayAfter, freshThrottle, isHeldBack, type ThrottleState } from './throttle.ts';
import { characterClasses, passwordProblems } from './password.ts';
import { isSessionIdle, shouldTouchSession } from './session.ts';

const policy = { minLength: 8, minClasses: 3 };

describe('password policy', () => {
  it('accepts 8 characters from 3 of the 4 classes', () => {
    expect(passwordProblems('Huimin@2026', policy)).toEqual([]);
    expect(passwordProblems('abcDEF12', policy)).toEqual([]);
  });

  it('refuses short passwords and too few classes', () => {
    expect(passwordProblems('Ab1!', policy)).toContain('tooShort');
    expect(passwordProblems('abcdefgh12', policy)).toEqual(['tooFewClasses']);
  });

  it('refuses a common password, one containing the username, and the current one', () => {
    const loose = { minLength: 12, minClasses: 1 };
    const isCommon = (p: string) => p === 'qwerty123456';
    expect(passwordProblems('QWERTY123456', loose, { isCommon })).toEqual(['common']);
    expect(passwordProblems('the xicheng office', loose, { username: 'XiCheng' })).toEqual(['containsUsername']);
    expect(passwordProblems('quiet river at dawn', loose, { current: 'quiet river at dawn' })).toEqual(['unchanged']);
    expect(passwordProblems('quiet river at dawn', loose, { isCommon, username: 'xicheng', current: 'x' })).toEqual([]);
  });

  it('counts lower, upper, digits and symbols (Chinese counts as a symbol)', () => {
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('惠民')).toBe(1);
  });
});

describe('sign-in throttle', () => {
  const policy = { freeAttempts: 5, firstDelayMs: 60_000, maxDelayMs: 30 * 60_000, forgetAfterMs: 86_400_000 };
  const t0 = 1_000_000;

  it('admits 5 attempts at once, then holds back with delays that double up to the longest', () => {
    let s: ThrottleState = freshThrottle;
    for (let i = 0; i < 4; i++) s = admitAttempt(s, t0, policy) ?? s;
    expect(isHeldBack(s, t0)).toBe(false);
    s = admitAttempt(s, t0, policy) ?? s;
    expect(isHeldBack(s, t0)).toBe(true);
    expect(admitAttempt(s, t0 + 59_000, policy)).toBeNull();
    expect([6, 7, 8, 9, 10, 11].map((n) => delayAfter(n, policy) / 60_000)).toEqual([2, 4, 8, 16, 30, 30]);
  });

  it('forgets a streak after a day without failures', () => {
    const s = { failures: 9, blockedUntil: t0, lastFailureAt: t0 };
    expect(admitAttempt(s, t0 + 86_400_001, policy)?.failures).toBe(1);
    expect(admitAttempt(s, t0 + 1, policy)?.failures).toBe(10);
  });
});

describe('session idle timeout', () => {
  it('ends a session idle for longer than the limit', () => {
    expect(isSessionIdle(0, 30 * 60_000, 30)).toBe(false);
    expect(isSessionIdle(0, 30 * 60_000 + 1, 30)).toBe(true);
  });

  it('refreshes last-seen at most once a minute, and at least four times per idle limit', () => {
    expect(shouldTouchSession(0, 59_000, 30)).toBe(false);
    expect(shouldTouchSession(0, 61_000, 30)).toBe(true);
    expect(shouldTouchSession(0, 14_000, 1)).toBe(false);
    expect(shouldTouchSession(0, 15_000, 1)).toBe(true);
  });
});
