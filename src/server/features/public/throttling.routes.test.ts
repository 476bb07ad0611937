import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';

// Anonymous endpoints that take a guessable input (a phone to subscribe, a tracking code) are
// limited per source address, so a script cannot run through them in seconds.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Fires `n` requests, 20 at a time (the PostgreSQL test pool has 4 connections). */
async function burst<T>(n: number, send: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += 20)
    out.push(...(await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, j) => send(i + j)))));
  return out;
}

const statuses = (rs: Array<{ statusCode: number }>) =>
  rs.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.statusCode]: (acc[r.statusCode] ?? 0) + 1 }), {});

describe('POST /api/public/sms/subscribe from one address', () => {
  it('answers 429 after 20 codes sent an hour, and another address is not affected', async () => {
    const unitId = await t.unitId('350802003001');
    const subscribe = (i: number, from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/sms/subscribe',
        payload: { unitId, phone: `1371111${String(i).padStart(4, '0')}`, consent: true },
        remoteAddress: from,
      });
    const sent = await burst(200, (i) => subscribe(i, '10.1.0.1'));
    const counts = statuses(sent);
    console.log('200 subscription codes asked from one address:', counts);
    expect(counts[200]).toBe(20);
    expect(counts[429]).toBe(180);
    expect(sent.find((r) => r.statusCode === 429)?.json().code).toBe('RATE_LIMITED');
    expect((await subscribe(999, '10.1.0.2')).statusCode).toBe(200);
    t.clock.advanceMinutes(61);
    expect((await subscribe(998, '10.1.0.1')).statusCode).toBe(200);
  });
});

describe('tracking-code look-ups from one address', () => {
  it('answer 429 after 60 guesses in ten minutes, over requests, rating forms and letters together', async () => {
    const urls = ['/api/public/requests/', '/api/public/ratings/', '/api/public/letters/'];
    const guess = (i: number, from: string) =>
      t.app.inject({
        method: 'GET',
        url: `${urls[i % 3]}GUESS${[...String(i).padStart(4, '0')].map((d) => 'ABCDEFGHJK'[Number(d)]).join('')}`,
        remoteAddress: from,
      });
    const sent = await burst(300, (i) => guess(i, '10.1.1.1'));
    const counts = statuses(sent);
    console.log('300 tracking guesses from one address:', counts);
    expect(counts[404]).toBe(60);
    expect(counts[429]).toBe(240);
    expect((await guess(0, '10.1.1.2')).statusCode).toBe(404);
    t.clock.advanceMinutes(11);
    expect((await guess(1, '10.1.1.1')).statusCode).toBe(404);
  });
});
