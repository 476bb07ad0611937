import type { PublicationPreview } from '../../../contract/commitments.ts';
import { smsSegments } from '../../../domain/sms/segments.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import type { Commitment } from '../../../contract/commitments.ts';
import { dispatchDue, MAX_ATTEMPTS } from '../outbox/outbox.job.ts';
import type { Notifier, SmsMessage } from '../../notifier/notifier.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const items = [
  { kind: 'hours', text: '每周六 9:00-11:00 开放' },
  { kind: 'response', text: '预约后 24 小时内答复', target: 24 },
];

describe('public commitments (公开承诺)', () => {
  it('are drafted by the leading member, published to the bulletin board, and announced by one SMS per subscriber', async () => {
    const { id } = await createStudio(t.db, { status: 'active', name: '承诺测试工作室' });
    const member = await t.login('zhangwanzhen');
    const saved = await member.put(`/api/studios/${id}/commitments`, { items });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as Commitment[]).map((c) => c.status)).toEqual(['draft', 'draft']);

    const subscribers = await t.db
      .selectFrom('sms_subscriptions')
      .select('phone')
      .where('unit_id', '=', await t.unitId('350802003004'))
      .where('unsubscribed_at', 'is', null)
      .execute();
    // Before anyone confirms: the SMS as a phone receives it, billed segments, and how many receive it.
    const preview = (await member.get(`/api/studios/${id}/commitments/preview`)).json() as PublicationPreview;
    expect(preview).toMatchObject({ signature: '新罗惠民', recipients: subscribers.length, drafts: 2 });
    expect(preview.text).toBe(`【新罗惠民】${preview.body}`);
    expect(preview.segments).toBe(smsSegments(preview.text));
    expect(preview.segments).toBeGreaterThan(1);
    expect(await t.db.selectFrom('outbox').selectAll().where('entity_id', '=', String(id)).execute()).toEqual([]);

    const published = await member.post(`/api/studios/${id}/commitments/publish`);
    expect(published.json()).toEqual({ published: 2, smsQueued: subscribers.length });
    expect(subscribers.length).toBeGreaterThan(0);

    const outbox = await t.db.selectFrom('outbox').selectAll().where('entity_id', '=', String(id)).execute();
    expect(outbox[0]?.body).toBe(preview.body);
    expect(outbox.map((m) => m.recipient).sort()).toEqual(subscribers.map((s) => s.phone).sort());
    expect(outbox[0]).toMatchObject({
      template_id: 'HUIMIN_COMMITMENT_PUBLISHED',
      signature: '新罗惠民',
      status: 'pending',
    });
    expect(outbox[0]?.body).toContain('承诺测试工作室');
    expect(JSON.parse(outbox[0]?.params_json ?? '{}')).toMatchObject({
      studio: '承诺测试工作室',
      unit: '西兴社区居委会',
    });

    const board = (
      await t.app.inject({ method: 'GET', url: `/api/public/units/${await t.unitId('350802003004')}/board` })
    ).json() as { studios: Array<{ id: number; commitments: Array<{ text: string }> }> };
    expect(board.studios.find((s) => s.id === id)?.commitments.map((c) => c.text)).toEqual(items.map((i) => i.text));
  });

  it('replace the published set on the next publication', async () => {
    const { id } = await createStudio(t.db, { status: 'active', commitment: 'published' });
    const member = await t.login('zhangwanzhen');
    await member.put(`/api/studios/${id}/commitments`, {
      items: [{ kind: 'activities', text: '每月 2 次公益课', target: 2 }],
    });
    await member.post(`/api/studios/${id}/commitments/publish`);
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/studios/${id}` })).json() as {
      commitments: Array<{ text: string }>;
    };
    expect(page.commitments.map((c) => c.text)).toEqual(['每月 2 次公益课']);
  });

  it('cannot be published by a studio that is not serving, nor with nothing drafted', async () => {
    const contracted = await createStudio(t.db, { status: 'contracted', commitment: 'draft' });
    const member = await t.login('zhangwanzhen');
    expect((await member.post(`/api/studios/${contracted.id}/commitments/publish`)).json().code).toBe(
      'TRANSITION_NOT_ALLOWED',
    );
    const empty = await createStudio(t.db, { status: 'active' });
    expect((await member.post(`/api/studios/${empty.id}/commitments/publish`)).statusCode).toBe(400);
  });

  it('refuse a promise that names a fee', async () => {
    const { id } = await createStudio(t.db, { status: 'active' });
    const res = await (
      await t.login('zhangwanzhen')
    ).put(`/api/studios/${id}/commitments`, {
      items: [
        { kind: 'other', text: '每周三上门理发' },
        { kind: 'other', text: '会员价 9 折优惠价' },
      ],
    });
    expect(res.json().code).toBe('FEE_NOT_ALLOWED');
    // The refusal names the promise that mentions the fee, so the form marks that text.
    expect(res.json().issues).toEqual([{ path: 'body.items.1.text', message: res.json().message }]);
  });

  it('track fulfilment month by month, judged by the organisation', async () => {
    const { id, commitmentId } = await createStudio(t.db, { status: 'active', commitment: 'published' });
    const community = await t.login('xixing');
    await community.post(`/api/studios/${id}/commitments/${commitmentId}/fulfilment`, {
      period: '2026-10',
      kept: true,
    });
    await community.post(`/api/studios/${id}/commitments/${commitmentId}/fulfilment`, {
      period: '2026-11',
      kept: false,
      note: '两次未开门',
    });
    const again = await community.post(`/api/studios/${id}/commitments/${commitmentId}/fulfilment`, {
      period: '2026-11',
      kept: true,
      note: '复核后确认已开放',
    });
    expect((again.json() as Commitment[])[0]?.fulfilment).toEqual({ checked: 2, kept: 2 });
    expect(
      (
        await (
          await t.login('zhangwanzhen')
        ).post(`/api/studios/${id}/commitments/${commitmentId}/fulfilment`, { period: '2026-11', kept: true })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await community.post(`/api/studios/${id}/commitments/${commitmentId}/fulfilment`, {
          period: '2026-13',
          kept: true,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('what the actor may do with a commitment (allowedActions)', () => {
  it('lets the leading member rewrite and publish drafts, and the organisation check published ones', async () => {
    const drafted = await createStudio(t.db, { status: 'active', commitment: 'draft' });
    const member = await t.login('zhangwanzhen');
    const community = await t.login('xixing');
    const supervisor = await t.login('jiandu');
    const actions = async (c: typeof member, id: number) =>
      ((await c.get(`/api/studios/${id}/commitments`)).json() as Commitment[]).map((x) => x.allowedActions);
    expect(await actions(member, drafted.id)).toEqual([['update', 'publish']]);
    expect(await actions(community, drafted.id)).toEqual([['update', 'publish']]);
    expect(await actions(supervisor, drafted.id)).toEqual([[]]);

    const published = await createStudio(t.db, { status: 'active', commitment: 'published' });
    expect(await actions(member, published.id)).toEqual([['update']]);
    expect(await actions(community, published.id)).toEqual([['update', 'check']]);

    const contracted = await createStudio(t.db, { status: 'contracted', commitment: 'draft' });
    expect(await actions(member, contracted.id)).toEqual([['update']]);
  });
});

describe('the outbox', () => {
  it('sends each due message once through the notifier and marks it sent', async () => {
    const sent: SmsMessage[] = [];
    const notifier: Notifier = {
      name: 'test',
      sendSms: async (m) => (sent.push(m), { providerMessageId: `p-${sent.length}` }),
    };
    const pending = Number(
      (
        await t.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'pending')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const first = await dispatchDue(t.db, notifier, t.clock.now(), 1000);
    expect(first.sent).toBe(pending);
    expect(sent[0]).toMatchObject({ templateId: 'HUIMIN_COMMITMENT_PUBLISHED', signature: '新罗惠民' });
    expect((await dispatchDue(t.db, notifier, t.clock.now(), 1000)).sent).toBe(0);
    const list = (await (await t.login('xicheng')).get('/api/outbox?status=sent')).json() as {
      items: Array<{ recipient: string; status: string }>;
    };
    expect(list.items.length).toBe(pending);
    expect(list.items.every((m) => /^\d{3}\*{4}\d{4}$/.test(m.recipient))).toBe(true);
  });

  it('retries a failing provider with back-off and gives up after the last attempt', async () => {
    const { id } = await createStudio(t.db, { status: 'active', commitment: 'draft' });
    await (await t.login('zhangwanzhen')).post(`/api/studios/${id}/commitments/publish`);
    const failing: Notifier = { name: 'down', sendSms: async () => Promise.reject(new Error('gateway timeout')) };
    let now = t.clock.now().getTime();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await dispatchDue(t.db, failing, new Date(now), 1000);
      now += 60 * 60_000;
    }
    const rows = await t.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error'])
      .where('entity_id', '=', String(id))
      .execute();
    expect(
      rows.every((r) => r.status === 'failed' && r.attempts === MAX_ATTEMPTS && r.last_error === 'gateway timeout'),
    ).toBe(true);
  });

  it('is closed to members and community admins', async () => {
    expect((await (await t.login('xixing')).get('/api/outbox')).statusCode).toBe(403);
    expect((await (await t.login('zhangwanzhen')).get('/api/outbox')).statusCode).toBe(403);
  });
});
