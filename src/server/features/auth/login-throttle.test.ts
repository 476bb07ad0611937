import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type * as passwords from '../../passwords.ts';

// Counts the passwords actually checked against an account's hash (not the dummy hash that
// unknown and held-back attempts are checked against for timing), whatever the answers say.
const checked = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../passwords.ts', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return {
    ...real,
    verifyPassword: async (password: string, stored: string) => {
      if (stored !== real.DUMMY_HASH) checked.n++;
      return real.verifyPassword(password, stored);
    },
  };
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

describe('POST /api/auth/login under a burst of parallel guesses', () => {
  it('checks at most the configured number of guesses, and the right password then does not get in', async () => {
    const limit = 5;
    checked.n = 0;
    const burst = await Promise.all(Array.from({ length: 50 }, (_, i) => login('zhangwanzhen', `Wrong-guess-${i}`)));
    expect(burst.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(burst.every((r) => r.statusCode === 401 || r.statusCode === 423)).toBe(true);
    const guessesChecked = checked.n;
    expect(guessesChecked).toBeGreaterThan(0);
    expect(guessesChecked).toBeLessThanOrEqual(limit);

    // The right password inside a second burst, once the limit is reached, is not checked either.
    const second = await Promise.all([
      login('zhangwanzhen', 'Huimin@2026'),
      ...Array.from({ length: 49 }, (_, i) => login('zhangwanzhen', `Wrong-again-${i}`)),
    ]);
    expect(second.filter((r) => r.statusCode === 200)).toHaveLength(0);
    expect(checked.n).toBe(guessesChecked);
    console.log(`guesses checked: ${guessesChecked} of 50, then ${checked.n - guessesChecked} of 50`);
  });

  it('lets in four simultaneous right-password sign-ins on one account, again and again', async () => {
    // Attempts in flight count before their password is checked, so up to the free attempts (5)
    // may overlap; each success forgets the streak, so the next burst starts from nothing.
    for (let round = 0; round < 3; round++) {
      const burst = await Promise.all(Array.from({ length: 4 }, () => login('xixing', 'Huimin@2026', '10.0.9.9')));
      expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    }
  });
});
