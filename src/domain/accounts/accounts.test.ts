import { describe, expect, it } from 'vitest';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './lockout.ts';
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

  it('counts lower, upper, digits and symbols (Chinese counts as a symbol)', () => {
    expect(characterClasses('aA1!')).toBe(4);
    expect(characterClasses('惠民')).toBe(1);
  });
});

describe('lockout', () => {
  const lock = { maxFailures: 5, lockMinutes: 30 };
  const t0 = 1_000_000;

  it('locks for 30 minutes on the fifth failure in a row', () => {
    let s = afterSuccessfulLogin();
    for (let i = 0; i < 4; i++) s = afterFailedLogin(s, t0, lock);
    expect(isLocked(s, t0)).toBe(false);
    s = afterFailedLogin(s, t0, lock);
    expect(isLocked(s, t0)).toBe(true);
    expect(isLocked(s, t0 + 29 * 60_000)).toBe(true);
    expect(isLocked(s, t0 + 30 * 60_000 + 1)).toBe(false);
  });

  it('forgets failures after a successful login', () => {
    expect(afterSuccessfulLogin()).toEqual({ failedCount: 0, lockedUntil: null });
  });
});

describe('session idle timeout', () => {
  it('ends a session idle for longer than the limit', () => {
    expect(isSessionIdle(0, 30 * 60_000, 30)).toBe(false);
    expect(isSessionIdle(0, 30 * 60_000 + 1, 30)).toBe(true);
  });

  it('refreshes last-seen at most once a minute', () => {
    expect(shouldTouchSession(0, 59_000)).toBe(false);
    expect(shouldTouchSession(0, 61_000)).toBe(true);
  });
});
