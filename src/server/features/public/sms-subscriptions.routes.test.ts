import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { freshIp, freshPhone } from '../../../../test/factories/mailbox.ts';
import { lastSmsCode, smsCodesSent } from '../../../../test/factories/sms.ts';

// Issue 10, item 14: a subscription is its phone owner's own. Subscribing and unsubscribing
// send a code to the phone; nothing changes until it is typed back.

let t: TestApp;
let unitId: number;
beforeAll(async () => {
  t = await createTestApp();
  unitId = await t.unitId('350802003001');
});
afterAll(() => t.close());

const post = (url: string, payload: Record<string, unknown>, ip = freshIp(), lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url, payload, remoteAddress: ip, headers: { 'accept-language': lang } });
const subscription = (phone: string) =>
  t.db
    .selectFrom('sms_subscriptions')
    .select(['consent_version', 'unsubscribed_at'])
    .where('unit_id', '=', unitId)
    .where('phone', '=', phone)
    .executeTakeFirst();
/** Whether commitments published now would be announced to the phone. */
const receivesAnnouncements = async (phone: string) => {
  const s = await subscription(phone);
  return s !== undefined && s.unsubscribed_at === null;
};
const wrongOf = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('POST /api/public/sms/subscribe and /confirm', () => {
  it('sends a code to the phone, subscribes only once it is confirmed, and audits without the number', async () => {
    const phone = freshPhone();
    const sent = await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({
      unitName: '西安社区居委会',
      phone: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      purpose: 'subscribe',
      expiresAt: new Date(t.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    const code = await lastSmsCode(t.db, phone);
    expect(code).toMatch(/^\d{6}$/);
    // Unconfirmed: no subscription, so no announcement reaches the number.
    expect(await receivesAnnouncements(phone)).toBe(false);

    const confirmed = await post('/api/public/sms/subscribe/confirm', { unitId, phone, code });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ subscribed: true, unitName: '西安社区居委会' });
    expect(await receivesAnnouncements(phone)).toBe(true);
    expect((await subscription(phone))?.consent_version).toBe('2026-11');
    // The same code again (a double tap) answers the same and changes nothing.
    expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code })).statusCode).toBe(200);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity', '=', 'smsSubscription')
      .execute();
    expect(audit.map((a) => a.after_json).join()).not.toContain(phone);
    expect(audit.map((a) => a.after_json).join()).not.toContain(code);
  });

  it('shows staff that a code was sent, never the code', async () => {
    const phone = freshPhone();
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    const code = (await lastSmsCode(t.db, phone)) ?? '';
    const admin = await t.login('xicheng');
    const outbox = (await admin.get('/api/outbox?limit=100')).json() as {
      items: Array<{ templateId: string; body: string }>;
    };
    const codes = outbox.items.filter((m) => m.templateId === 'HUIMIN_SMS_CODE');
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.map((m) => m.body).join()).not.toContain(code);
    expect(codes[0]?.body).toContain('******');
  });

  it('counts five tries per code, the right one included, then asks for a new code', async () => {
    const phone = freshPhone();
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    const code = (await lastSmsCode(t.db, phone)) ?? '';
    const wrong = await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: wrongOf(code) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'SMS_CODE_WRONG', message: '验证码不正确，还可以再试 4 次' });
    for (let i = 0; i < 3; i++)
      expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: wrongOf(code) })).statusCode).toBe(
        400,
      );
    const fifth = await post(
      '/api/public/sms/subscribe/confirm',
      { unitId, phone, code: wrongOf(code) },
      freshIp(),
      'en',
    );
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json()).toMatchObject({ code: 'SMS_CODE_LOCKED', message: 'Too many wrong codes; ask for a new one' });
    // Even the right code is refused now.
    expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code })).json().code).toBe(
      'SMS_CODE_LOCKED',
    );
    expect(await receivesAnnouncements(phone)).toBe(false);
    // A new code starts afresh.
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    const fresh = (await lastSmsCode(t.db, phone)) ?? '';
    expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: fresh })).statusCode).toBe(200);
  });

  it('refuses a code after ten minutes, and an older code once a newer one was sent', async () => {
    const phone = freshPhone();
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    const first = (await lastSmsCode(t.db, phone)) ?? '';
    t.clock.advanceMinutes(10);
    const late = await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: first }, freshIp(), 'zh-TW');
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'SMS_CODE_EXPIRED', message: '驗證碼已失效，請重新取得' });
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    const second = (await lastSmsCode(t.db, phone)) ?? '';
    if (second !== first)
      expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: first })).statusCode).toBe(400);
    expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: second })).statusCode).toBe(200);
  });

  it('answers 410 to a confirmation when no code was sent, and refuses bad input with 400', async () => {
    const phone = freshPhone();
    expect((await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: '123456' })).json().code).toBe(
      'SMS_CODE_EXPIRED',
    );
    for (const body of [
      { unitId, phone, code: '12345' },
      { unitId, phone, code: 'abcdef' },
      { unitId, phone: '12345', code: '123456' },
      { unitId, phone, code: '123456', extra: 1 },
      { unitId: 'x', phone, code: '123456' },
      { unitId, phone },
    ]) {
      const res = await post('/api/public/sms/subscribe/confirm', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await post('/api/public/sms/subscribe', { unitId, phone, consent: false })).statusCode).toBe(400);
    expect(
      (await post('/api/public/sms/subscribe', { unitId: await t.unitId('350802003000'), phone, consent: true }))
        .statusCode,
    ).toBe(404);
  });

  it('sends at most three codes to one phone in ten minutes, from any address', async () => {
    const phone = freshPhone();
    const sends = [];
    for (let i = 0; i < 4; i++) sends.push(await post('/api/public/sms/subscribe', { unitId, phone, consent: true }));
    expect(sends.map((s) => s.statusCode)).toEqual([200, 200, 200, 429]);
    expect(sends[3]?.json().code).toBe('RATE_LIMITED');
    expect(await smsCodesSent(t.db, phone)).toBe(3);
    t.clock.advanceMinutes(11);
    expect((await post('/api/public/sms/subscribe', { unitId, phone, consent: true })).statusCode).toBe(200);
  });
});

describe('POST /api/public/sms/unsubscribe and /confirm', () => {
  it('unsubscribes only with the code sent to the subscribed phone', async () => {
    const phone = freshPhone();
    await post('/api/public/sms/subscribe', { unitId, phone, consent: true });
    await post('/api/public/sms/subscribe/confirm', { unitId, phone, code: await lastSmsCode(t.db, phone) });
    const sent = await post('/api/public/sms/unsubscribe', { unitId, phone });
    expect(sent.json()).toMatchObject({ purpose: 'unsubscribe' });
    // Someone else's guess does not end it.
    const code = (await lastSmsCode(t.db, phone)) ?? '';
    expect((await post('/api/public/sms/unsubscribe/confirm', { unitId, phone, code: wrongOf(code) })).statusCode).toBe(
      400,
    );
    expect(await receivesAnnouncements(phone)).toBe(true);
    const done = await post('/api/public/sms/unsubscribe/confirm', { unitId, phone, code });
    expect(done.json()).toMatchObject({ subscribed: false });
    expect(await receivesAnnouncements(phone)).toBe(false);
  });

  it('answers a number that is not subscribed the same, and sends it nothing', async () => {
    const phone = freshPhone();
    const sent = await post('/api/public/sms/unsubscribe', { unitId, phone });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ purpose: 'unsubscribe', unitName: '西安社区居委会' });
    expect(await smsCodesSent(t.db, phone)).toBe(0);
  });

  it('keeps the subscriptions made before codes existed', async () => {
    const seeded = await t.db
      .selectFrom('sms_subscriptions')
      .select('phone')
      .where('unsubscribed_at', 'is', null)
      .execute();
    expect(seeded.length).toBeGreaterThan(0);
  });
});
