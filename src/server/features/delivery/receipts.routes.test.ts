import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { freshIp } from '../../../../test/factories/mailbox.ts';
import { buildRequest } from '../../../../test/factories/requests.ts';

// Issue 10, item 13: a service given without a request (a walk-in, a home visit, an activity)
// gets a 服务回执 — its rating code as a QR code or a printed slip — and the resident who holds
// it rates the service once, without an account, into the studio's own ratings.

let t: TestApp;
let member: Client;
let studioId: number;
let health: number;
let seq = 0;
beforeAll(async () => {
  t = await createTestApp({ config: { HUIMIN_PUBLIC_URL: 'https://huimin.example.cn' } });
  member = await t.login('zhangwanzhen');
  studioId = (
    await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
  ).id;
  health = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

type Receipt = { code: string; url: string; expiresAt: string; expired: boolean; rating: { score: number } | null };

/** A member records a walk-in on the phone, as the record book's form sends it. */
async function walkIn(mode = 'studio'): Promise<{ id: number; ratingCode: string; createdAt: string }> {
  const res = await member.request({
    method: 'POST',
    url: '/api/records',
    headers: { 'idempotency-key': `receipt-${++seq}` },
    payload: {
      studioId,
      servedAt: new Date(t.clock.now().getTime() - 3_600_000).toISOString(),
      durationMinutes: 30,
      groups: ['elderly'],
      categoryId: health,
      mode,
      content: '为来访老人讲解慢病用药',
      personTimes: 1,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const publicGet = (code: string) =>
  t.app.inject({ method: 'GET', url: `/api/public/ratings/${code}`, remoteAddress: freshIp() });
const rate = (code: string, payload: Record<string, unknown>, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: `/api/public/ratings/${code}`,
    payload,
    remoteAddress: freshIp(),
    headers: { 'accept-language': lang },
  });

describe('GET /api/records/:id/receipt', () => {
  it('gives the member the rating code, the public link its QR code holds and when it expires', async () => {
    const record = await walkIn('home');
    const res = await member.get(`/api/records/${record.id}/receipt`);
    expect(res.statusCode).toBe(200);
    const receipt = res.json() as Receipt;
    expect(receipt).toMatchObject({
      code: record.ratingCode,
      url: `https://huimin.example.cn/rate/${record.ratingCode}`,
      studioName: '婉珍文艺专业服务室',
      mode: 'home',
      expired: false,
      rating: null,
      expiresAt: new Date(Date.parse(record.createdAt) + 30 * 86_400_000).toISOString(),
    });
    // The street above may show it too; a supervisor may not.
    expect((await (await t.login('xicheng')).get(`/api/records/${record.id}/receipt`)).statusCode).toBe(200);
    expect((await (await t.login('jiandu')).get(`/api/records/${record.id}/receipt`)).statusCode).toBe(403);
  });

  it('prints the slip as an A6 or A4 PDF and refuses another size', async () => {
    const record = await walkIn();
    for (const size of ['a6', 'a4']) {
      const pdf = await member.get(`/api/records/${record.id}/receipt.pdf?size=${size}`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(decodeURIComponent(String(pdf.headers['content-disposition']))).toContain(
        `婉珍文艺专业服务室-服务回执-${record.ratingCode}.pdf`,
      );
    }
    const bad = await member.get(`/api/records/${record.id}/receipt.pdf?size=a5`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('has none for a record written for a request (its resident rates by tracking code), and 404 for none', async () => {
    const request = await buildRequest(t.db, { status: 'completed' });
    const admin = await t.login('admin');
    const withRequest = await admin.request({
      method: 'POST',
      url: '/api/records',
      headers: { 'idempotency-key': `receipt-request-${++seq}` },
      payload: {
        studioId: request.studioId,
        requestId: request.id,
        servedAt: '2026-11-25T06:00:00.000Z',
        durationMinutes: 30,
        groups: ['elderly'],
        categoryId: health,
        mode: 'home',
        content: '上门量血压',
        personTimes: 1,
      },
    });
    expect(withRequest.statusCode, withRequest.body).toBe(201);
    const shown = withRequest.json() as { id: number; allowedActions: string[] };
    expect(shown.allowedActions).not.toContain('showReceipt');
    expect((await admin.get(`/api/records/${shown.id}/receipt`)).statusCode).toBe(409);
    expect((await admin.get('/api/records/99999999/receipt')).statusCode).toBe(404);
    expect((await admin.get('/api/records/abc/receipt')).statusCode).toBe(400);
  });
});

describe('rating with a receipt (POST /api/public/ratings/:code)', () => {
  it('rates once into the studio’s ratings; the member sees it on the receipt', async () => {
    const record = await walkIn('activity');
    const form = await publicGet(record.ratingCode.toLowerCase());
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      kind: 'receipt',
      studioName: '婉珍文艺专业服务室',
      categoryId: health,
      expired: false,
      rating: null,
    });
    const rated = await rate(record.ratingCode, { score: 4, comment: '讲得清楚' });
    expect(rated.statusCode).toBe(201);
    expect(rated.json()).toMatchObject({ kind: 'receipt', rating: { score: 4, comment: '讲得清楚' } });
    // The same ratings evaluation and statistics read: by studio, tied to the record.
    const rows = await t.db.selectFrom('ratings').selectAll().where('record_id', '=', record.id).execute();
    expect(rows).toMatchObject([{ studio_id: studioId, request_id: null, score: 4 }]);
    const receipt = (await member.get(`/api/records/${record.id}/receipt`)).json() as Receipt;
    expect(receipt.rating).toMatchObject({ score: 4, comment: '讲得清楚' });
    expect((await publicGet(record.ratingCode)).json()).toMatchObject({ rating: { score: 4 } });
  });

  it('answers a retry of the same rating with it (200) and another rating clearly (409)', async () => {
    const record = await walkIn();
    expect((await rate(record.ratingCode, { score: 5 })).statusCode).toBe(201);
    const retry = await rate(record.ratingCode, { score: 5 });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ rating: { score: 5 } });
    const other = await rate(record.ratingCode, { score: 1, comment: '不满意' });
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({
      code: 'ALREADY_RATED',
      message: '这次服务已经评价过了，每次服务只能评价一次',
    });
    const en = await rate(record.ratingCode, { score: 2 }, 'en');
    expect(en.json().message).toBe('This service has already been rated; each service is rated once');
    expect(await t.db.selectFrom('ratings').select('id').where('record_id', '=', record.id).execute()).toHaveLength(1);
  });

  it('expires after the configured days (30 by default), which the district may change', async () => {
    const record = await walkIn();
    t.clock.advanceMinutes(30 * 24 * 60);
    member = await t.login('zhangwanzhen');
    expect((await publicGet(record.ratingCode)).json()).toMatchObject({ expired: true, rating: null });
    const late = await rate(record.ratingCode, { score: 5 }, 'zh-TW');
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({
      code: 'RECEIPT_EXPIRED',
      message: '這張服務回執已過期（30 天內有效），不能再評價',
    });
    expect(((await member.get(`/api/records/${record.id}/receipt`)).json() as Receipt).expired).toBe(true);

    const district = await t.login('admin');
    const put = await district.put('/api/settings/records', { correctionHours: 72, receiptDays: 60 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ correctionHours: 72, receiptDays: 60 });
    expect((await rate(record.ratingCode, { score: 5 })).statusCode).toBe(201);
    expect((await district.put('/api/settings/records', { correctionHours: 72, receiptDays: 0 })).statusCode).toBe(400);
    expect((await district.put('/api/settings/records', { correctionHours: 72 })).json()).toEqual({
      correctionHours: 72,
      receiptDays: 60,
    });
    expect((await member.put('/api/settings/records', { correctionHours: 72, receiptDays: 5 })).statusCode).toBe(403);
  });

  it('refuses bad input: a malformed code, an unknown one, no stars, too many stars, a fee in the comment', async () => {
    const record = await walkIn();
    expect((await publicGet('ab')).statusCode).toBe(400);
    expect((await publicGet('ZZZZZZZZ')).statusCode).toBe(404);
    for (const payload of [{}, { score: 0 }, { score: 6 }, { score: 4.5 }, { score: '5' }, { score: 5, extra: 1 }]) {
      const res = await rate(record.ratingCode, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await rate(record.ratingCode, { score: 5, comment: '收费50元，很值' })).json().code).toBe(
      'FEE_NOT_ALLOWED',
    );
    expect(await t.db.selectFrom('ratings').select('id').where('record_id', '=', record.id).execute()).toHaveLength(0);
  });
});
