import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { anotherXichengAdmin, complaintAboutWanzhen, rate } from '../../../../test/factories/mailbox.ts';
import type { LetterDetail, LetterSummary, TrackedLetter } from '../../../contract/mailbox.ts';

let t: TestApp;
let street: Client; // 西城街道党工委: its letters are handled here
let district: Client;
let xichengAccount: number;
beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  district = await t.login('admin');
  xichengAccount = (
    await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

const detail = async (client: Client, id: number) => (await client.get(`/api/letters/${id}`)).json() as LetterDetail;
const track = async (code: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/public/letters/${code}` })).json() as TrackedLetter;
const auditOf = (id: number) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'actor_name'])
    .where('entity', '=', 'letter')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

describe('the demo mailbox', () => {
  it('gives 西城街道 letters in several states, among them a complaint about 婉珍文艺专业服务室', async () => {
    const queue = (await street.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    const demo = queue.items.filter((l) => l.trackingCode.startsWith('XL'));
    expect(new Set(demo.map((l) => l.status))).toEqual(new Set(['received', 'acknowledged', 'closed', 'reopened']));
    expect(demo.find((l) => l.trackingCode === 'XLWZTS22')).toMatchObject({
      type: 'complaint',
      status: 'acknowledged',
      studio: { name: '婉珍文艺专业服务室' },
      handler: { id: xichengAccount },
      writerName: '陈**',
    });
    expect(demo.find((l) => l.trackingCode === 'XLXCTS26')).toMatchObject({ overdue: true, escalated: true });
    expect(demo.some((l) => l.type === 'accusation')).toBe(false);
    const all = (await district.get('/api/letters?limit=500')).json() as { items: LetterSummary[] };
    expect(all.items.find((l) => l.trackingCode === 'XLJJKS27')).toMatchObject({ closure: 'forwarded' });
  });
});

describe('a complaint about 婉珍文艺专业服务室, handled twice and ruled on', () => {
  it('goes through every step by the right people, each audited and on the timeline', async () => {
    const { code, id, phone } = await complaintAboutWanzhen(t);

    // Routed to the street party committee of the studio's community, with its deadlines.
    const received = await detail(street, id);
    expect(received).toMatchObject({
      status: 'received',
      type: 'complaint',
      studio: { name: '婉珍文艺专业服务室' },
      unit: { name: '西兴社区居委会' },
      street: { name: '西城街道' },
      receivedOn: '2026-11-25',
      ackDue: '2026-11-27',
      replyDue: '2026-12-16',
      nextDue: '2026-11-27',
      overdue: false,
      allowedActions: ['assign'],
    });
    const handlers = (await street.get(`/api/letters/${id}/handlers`)).json() as Array<{ username: string }>;
    expect(handlers.map((h) => h.username)).toContain('xicheng');

    const steps: Array<[string, unknown, string, string[]]> = [
      ['assign', { handlerId: xichengAccount }, 'assigned', ['acknowledge']],
      ['acknowledge', { note: '已受理，正在走访核实' }, 'acknowledged', ['extend', 'reply']],
      ['extend', { days: 5, reason: '需要走访多户居民核实开放情况' }, 'acknowledged', ['reply']],
      ['reply', { text: '经核实，工作室负责人因病缺席，已安排成员按公示时间开放。' }, 'replied', []],
    ];
    for (const [path, body, status, next] of steps) {
      const res = await street.post(`/api/letters/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body.slice(0, 200)}`).toBe(200);
      expect(res.json()).toMatchObject({ status, allowedActions: next });
    }
    expect((await detail(street, id)).replyDue).toBe('2026-12-23'); // 15 + 5 working days

    // The writer sees the reply and the extension's reason, and is not satisfied: the letter reopens once.
    const seen = await track(code);
    expect(seen).toMatchObject({
      status: 'replied',
      canRate: true,
      ratingDue: '2026-12-05',
      extension: { days: 5, reason: '需要走访多户居民核实开放情况' },
      replies: [{ round: 1, text: '经核实，工作室负责人因病缺席，已安排成员按公示时间开放。' }],
    });
    expect(JSON.stringify(seen)).not.toContain('xicheng');
    expect((await rate(t, code, 'unsatisfied')).json()).toMatchObject({
      status: 'reopened',
      firstVerdict: 'unsatisfied',
    });
    expect(await detail(street, id)).toMatchObject({
      status: 'reopened',
      round: 2,
      nextDue: '2026-12-16',
      allowedActions: ['replyAgain'], // the one extension is spent
    });

    const again = await street.post(`/api/letters/${id}/second-reply`, {
      text: '已约谈负责人，开放时间改为每周六 9:00-11:00 并上墙公示。',
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await rate(t, code, 'unsatisfied')).json()).toMatchObject({
      status: 'under_review',
      verdict: 'unsatisfied',
    });

    // The handler may not rule on their own handling; the district may.
    const own = await street.post(`/api/letters/${id}/rule`, { finding: 'substantiated', reason: '自查' });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'RULING_BY_HANDLER' });
    expect((await detail(street, id)).allowedActions).toEqual([]);
    expect((await detail(district, id)).allowedActions).toEqual(['rule']);
    const ruled = await district.post(`/api/letters/${id}/rule`, {
      finding: 'substantiated',
      reason: '走访 5 户居民，反映属实',
    });
    expect(ruled.statusCode, ruled.body).toBe(200);
    expect(ruled.json()).toMatchObject({ status: 'closed', closure: 'ruled', finding: 'substantiated', nextDue: null });

    const final = await detail(street, id);
    expect(final.timeline.map((e) => e.action)).toEqual([
      'write',
      'assign',
      'acknowledge',
      'extend',
      'reply',
      'rate',
      'replyAgain',
      'rateAgain',
      'rule',
    ]);
    expect(final.timeline.map((e) => e.toStatus)).toEqual([
      'received',
      'assigned',
      'acknowledged',
      'acknowledged',
      'replied',
      'reopened',
      'second_replied',
      'under_review',
      'closed',
    ]);
    expect((await track(code)).ruling).toEqual({ finding: 'substantiated', reason: '走访 5 户居民，反映属实' });
    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      'create',
      'assign',
      'acknowledge',
      'extend',
      'reply',
      'rate',
      'replyAgain',
      'rateAgain',
      'rule',
    ]);
    // The writer's SMS: the tracking code, then one per reply.
    const sms = await t.db
      .selectFrom('outbox')
      .select(['template_id', 'recipient'])
      .where('entity', '=', 'letter')
      .where('entity_id', '=', code)
      .orderBy('id')
      .execute();
    expect(sms).toEqual([
      { template_id: 'HUIMIN_LETTER_RECEIVED', recipient: phone },
      { template_id: 'HUIMIN_LETTER_REPLIED', recipient: phone },
      { template_id: 'HUIMIN_LETTER_REPLIED', recipient: phone },
    ]);
  });

  it('closes on 满意 after the first reply, counting it resolved', async () => {
    const { code, id } = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    await street.post(`/api/letters/${id}/acknowledge`);
    await street.post(`/api/letters/${id}/reply`, { text: '已安排成员按时开放。' });
    expect((await rate(t, code, 'satisfied')).json()).toMatchObject({
      status: 'closed',
      closure: 'rated',
      verdict: 'satisfied',
      canRate: false,
    });
  });
});

describe('refusals', () => {
  it('answer 409 for a step out of order, and change nothing', async () => {
    const { id } = await complaintAboutWanzhen(t);
    const before = await t.auditCount();
    const res = await street.post(`/api/letters/${id}/reply`, { text: '答复' });
    // No handler yet: replying is the handler's alone, and the letter is nobody's to reply to (404).
    expect(res.statusCode).toBe(404);
    await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    const early = await street.post(`/api/letters/${id}/reply`, { text: '答复' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'LETTER_STATE_CONFLICT',
      message: '信件当前的办理状态下不能进行此操作',
    });
    const twice = await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    expect(twice.statusCode).toBe(409);
    expect(await t.auditCount()).toBe(before + 1);
  });

  it('let only the handler acknowledge and reply (首接负责)', async () => {
    const colleague = await anotherXichengAdmin(t);
    const { id } = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    // Another's letter, as any object not one's own under an `own` rule, answers as if it did not exist.
    const res = await colleague.client.post(`/api/letters/${id}/acknowledge`, { note: '' });
    expect(res.statusCode).toBe(404);
    expect((await detail(colleague.client, id)).allowedActions).toEqual([]);
  });

  it('refuse a handler from outside the street', async () => {
    const { id } = await complaintAboutWanzhen(t);
    const zhongcheng = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'zhongcheng').executeTakeFirstOrThrow()
    ).id;
    const community = (
      await t.db.selectFrom('accounts').select('id').where('username', '=', 'xixing').executeTakeFirstOrThrow()
    ).id;
    for (const handlerId of [zhongcheng, community, 999_999]) {
      const res = await street.post(`/api/letters/${id}/assign`, { handlerId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'HANDLER_NOT_ELIGIBLE' });
    }
  });

  it('extend once only, by at most 10 working days, with a reason', async () => {
    const { id } = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    await street.post(`/api/letters/${id}/acknowledge`, {});
    const tooLong = await street.post(`/api/letters/${id}/extend`, { days: 11, reason: '情况复杂' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ code: 'EXTENSION_TOO_LONG', message: '延期不能超过 10 个工作日' });
    const noReason = await street.post(`/api/letters/${id}/extend`, { days: 3, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await street.post(`/api/letters/${id}/extend`, { days: 10, reason: '需要协调社区' })).statusCode).toBe(200);
    const again = await street.post(`/api/letters/${id}/extend`, { days: 1, reason: '再延一天' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EXTENSION_ALREADY_USED' });
  });

  it('let only one of two simultaneous steps win', async () => {
    const { id, code } = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${id}/assign`, { handlerId: xichengAccount });
    await street.post(`/api/letters/${id}/acknowledge`);
    const extensions = await Promise.all([
      street.post(`/api/letters/${id}/extend`, { days: 2, reason: '核实中' }),
      street.post(`/api/letters/${id}/extend`, { days: 3, reason: '核实中' }),
    ]);
    expect(extensions.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    await street.post(`/api/letters/${id}/reply`, { text: '已处理' });
    const ratings = await Promise.all([rate(t, code, 'satisfied'), rate(t, code, 'unsatisfied')]);
    expect(ratings.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const events = await t.db.selectFrom('letter_events').select('action').where('letter_id', '=', id).execute();
    expect(events.filter((e) => e.action === 'extend' || e.action === 'rate')).toHaveLength(2);
  });

  it('refuse bad input with 400 and a stable code', async () => {
    const { id } = await complaintAboutWanzhen(t);
    for (const body of [{}, { handlerId: 'x' }, { handlerId: xichengAccount, extra: 1 }]) {
      const res = await street.post(`/api/letters/${id}/assign`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect((await street.get('/api/letters?status=lost')).statusCode).toBe(400);
    expect((await street.get('/api/letters/abc')).statusCode).toBe(400);
  });

  it('refuse roles without a rule: communities, members and supervisors do not run the mailbox', async () => {
    for (const username of ['xixing', 'zhangwanzhen', 'jiandu']) {
      const client = await t.login(username);
      expect((await client.get('/api/letters')).statusCode, username).toBe(403);
    }
  });
});
