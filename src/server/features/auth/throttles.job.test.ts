import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { pruneThrottlingState } from './throttles.job.ts';

// Throttling state names addresses and phone numbers: once it holds nothing back, it goes.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const hoursAgo = (now: Date, h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe('pruneThrottlingState', () => {
  it('deletes forgotten sign-in streaks and ended counter windows, and keeps what still counts', async () => {
    const now = t.clock.now();
    await t.db
      .insertInto('login_throttles')
      .values([
        { key: 'src:10.0.0.1', failures: 3, blocked_until: null, last_failure_at: hoursAgo(now, 25) },
        { key: 'src:10.0.0.2', failures: 9, blocked_until: hoursAgo(now, -1), last_failure_at: hoursAgo(now, 25) },
        { key: 'src:10.0.0.3', failures: 2, blocked_until: null, last_failure_at: hoursAgo(now, 2) },
        { key: 'src:10.0.0.4', failures: 8, blocked_until: hoursAgo(now, 20), last_failure_at: hoursAgo(now, 30) },
      ])
      .execute();
    await t.db
      .insertInto('rate_counters')
      .values([
        { key: 'request:phone:13900000001', window_start: hoursAgo(now, 49), count: 3 },
        { key: 'request:ip:10.0.0.1', window_start: hoursAgo(now, 25), count: 3 },
        { key: 'request:phone:13900000002', window_start: hoursAgo(now, 23), count: 1 },
        { key: 'sms:ip:10.0.0.1', window_start: hoursAgo(now, 1), count: 5 },
      ])
      .execute();

    expect(await pruneThrottlingState(t.db, now)).toEqual({ throttles: 2, counters: 2 });
    const throttles = await t.db.selectFrom('login_throttles').select('key').orderBy('key').execute();
    expect(throttles.map((r) => r.key)).toEqual(['src:10.0.0.2', 'src:10.0.0.3']);
    const counters = await t.db.selectFrom('rate_counters').select('key').orderBy('key').execute();
    expect(counters.map((r) => r.key)).toEqual(['request:phone:13900000002', 'sms:ip:10.0.0.1']);
    // Run again (another instance, the next hour): nothing more to do.
    expect(await pruneThrottlingState(t.db, now)).toEqual({ throttles: 0, counters: 0 });
  });

  it('forgets a real failed sign-in a day later, and the account signs in as before', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'xixing', password: 'not-the-password-1' },
      remoteAddress: '10.9.9.9',
    });
    expect(wrong.statusCode).toBe(401);
    const keys = async () =>
      (await t.db.selectFrom('login_throttles').select('key').where('key', 'like', '%10.9.9.9%').execute()).length;
    expect(await keys()).toBeGreaterThan(0);
    expect((await pruneThrottlingState(t.db, t.clock.now())).throttles).toBe(0);
    t.clock.advanceMinutes(24 * 60 + 1);
    await pruneThrottlingState(t.db, t.clock.now());
    expect(await keys()).toBe(0);
    expect((await t.login('xixing')).csrf).toEqual(expect.any(String));
  });
});
