import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { complaintAboutWanzhen, laifaStudioId, letterIdOf, postLetter } from '../../../../test/factories/mailbox.ts';
import type { LetterDetail, RatesResult } from '../../../contract/mailbox.ts';
import { defaultMailboxSettings } from '../../../domain/mailbox/letters.ts';

let t: TestApp;
let street: Client;
let other: Client;
let district: Client;
beforeAll(async () => {
  t = await createTestApp();
  // Start from an empty mailbox: the demo letters would count in the figures below.
  await t.db.deleteFrom('letters').execute();
  street = await t.login('xicheng');
  other = await t.login('zhongcheng');
  district = await t.login('admin');
});
afterAll(() => t.close());

describe('the district settings', () => {
  it('start at the defaults, readable by the streets, changed only by the district, audited', async () => {
    expect((await street.get('/api/mailbox/settings')).json()).toEqual(defaultMailboxSettings);
    const changed = {
      ...defaultMailboxSettings,
      deadlines: { ...defaultMailboxSettings.deadlines, complaint: { acknowledge: 1, reply: 5 } },
    };
    expect((await street.put('/api/mailbox/settings', changed)).statusCode).toBe(403);
    for (const username of ['xixing', 'zhangwanzhen', 'jiandu'])
      expect((await (await t.login(username)).get('/api/mailbox/settings')).statusCode, username).toBe(403);
    const res = await district.put('/api/mailbox/settings', changed);
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'mailboxSettings').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ deadlines: { complaint: { reply: 5 } } });

    // New letters get the new deadlines; letters already in hand keep theirs.
    const { id } = await complaintAboutWanzhen(t);
    expect((await street.get(`/api/letters/${id}`)).json() as LetterDetail).toMatchObject({
      ackDue: '2026-11-26',
      replyDue: '2026-12-02',
    });
    expect((await district.put('/api/mailbox/settings', defaultMailboxSettings)).statusCode).toBe(200);
  });

  it('refuse settings that make no sense', async () => {
    const bad = [
      {
        ...defaultMailboxSettings,
        deadlines: { ...defaultMailboxSettings.deadlines, praise: { acknowledge: 5, reply: 3 } },
      },
      { ...defaultMailboxSettings, weights: { response: 0, resolution: 0, satisfaction: 0 } },
      { ...defaultMailboxSettings, basicSatisfiedWeight: 1.5 },
      { ...defaultMailboxSettings, extensionMaxDays: 0 },
      { ...defaultMailboxSettings, colour: 'red' },
    ];
    for (const body of bad) {
      const res = await district.put('/api/mailbox/settings', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});

describe('days off and the calendar', () => {
  it('move the deadlines of open letters when the district adds a day off, and back when it is removed', async () => {
    const { id } = await complaintAboutWanzhen(t);
    const due = async () => ((await street.get(`/api/letters/${id}`)).json() as LetterDetail).ackDue;
    expect(await due()).toBe('2026-11-27');

    expect((await street.post('/api/mailbox/days-off', { day: '2026-11-26', reason: '台风停工' })).statusCode).toBe(
      403,
    );
    const added = await district.post('/api/mailbox/days-off', { day: '2026-11-26', reason: '台风“海葵”停工停课' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject([{ day: '2026-11-26', reason: '台风“海葵”停工停课' }]);
    expect(await due()).toBe('2026-11-30');
    expect((await street.get('/api/mailbox/days-off')).json()).toHaveLength(1);

    const removed = await district.delete('/api/mailbox/days-off/2026-11-26');
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual([]);
    expect(await due()).toBe('2026-11-27');
    expect((await district.delete('/api/mailbox/days-off/2026-11-26')).statusCode).toBe(404);
    expect((await district.post('/api/mailbox/days-off', { day: '2026-02-30', reason: 'x' })).statusCode).toBe(400);
    expect((await district.post('/api/mailbox/days-off', { day: '2026-12-01' })).statusCode).toBe(400);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'calendarDayOff').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('show each year with its source: the package for 2026, our provisional file for 2027', async () => {
    const y2026 = (await street.get('/api/mailbox/calendar/2026')).json() as {
      source: string;
      provisional: boolean;
      holidays: string[];
      makeUpWorkdays: string[];
    };
    expect(y2026).toMatchObject({ year: 2026, source: 'chinese-days', provisional: false });
    expect(y2026.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(y2026.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-02-15', '2026-02-23']));
    expect(y2026.holidays).toHaveLength(33);
    const y2027 = (await street.get('/api/mailbox/calendar/2027')).json() as {
      makeUpWorkdays: string[];
      holidays: string[];
    };
    expect(y2027).toMatchObject({ year: 2027, source: 'assets', provisional: true });
    expect(y2027.makeUpWorkdays).toContain('2027-02-14');
    expect(y2027.holidays).toContain('2027-02-06');
    expect((await street.get('/api/mailbox/calendar/2040')).json()).toMatchObject({ source: 'none', holidays: [] });
    expect((await street.get('/api/mailbox/calendar/1999')).statusCode).toBe(400);
  });
});

/** Sets a letter's outcome directly: when it came, when it was acknowledged, and the writer's last verdict. */
async function outcome(
  id: number,
  o: { receivedOn: string; ackDue: string; acknowledgedOn: string | null; verdict: string | null; finding?: string },
) {
  await t.db
    .updateTable('letters')
    .set({
      received_on: o.receivedOn,
      ack_due: o.ackDue,
      acknowledged_on: o.acknowledgedOn,
      verdict: o.verdict,
      finding: o.finding ?? null,
      status: o.verdict ? 'closed' : 'acknowledged',
    })
    .where('id', '=', id)
    .execute();
}

describe('三率 (GET /api/mailbox/rates)', () => {
  it('match the hand-checked figures per studio and per street, within scope', async () => {
    // 婉珍文艺专业服务室's November, as in the domain fixture (today is 25 November).
    const plan: Array<[string, string | null, string | null, string?]> = [
      ['2026-11-04', '2026-11-03', 'satisfied'],
      ['2026-11-05', '2026-11-05', 'basic'],
      ['2026-11-06', '2026-11-09', 'unsatisfied', 'substantiated'],
      ['2026-11-10', null, null],
      ['2026-11-12', '2026-11-11', null],
      ['2026-11-13', '2026-11-13', 'satisfied'],
      ['2026-11-16', '2026-11-16', 'basic'],
      ['2026-11-30', null, null],
    ];
    for (const [ackDue, acknowledgedOn, verdict, finding] of plan) {
      const { id } = await complaintAboutWanzhen(t);
      await outcome(id, { receivedOn: '2026-11-02', ackDue, acknowledgedOn, verdict, ...(finding ? { finding } : {}) });
    }
    // Two letters about 来发医疗卫生专业服务室 (中城街道), both 满意 on time: too few to rank.
    for (const text of ['义务量血压服务很周到，感谢！', '蒋医生上门看望我家老人，非常感谢！']) {
      const res = await postLetter(t, { type: 'praise', studioId: await laifaStudioId(t), text });
      const id = await letterIdOf(t, (res.json() as { trackingCode: string }).trackingCode);
      await outcome(id, {
        receivedOn: '2026-11-03',
        ackDue: '2026-11-05',
        acknowledgedOn: '2026-11-04',
        verdict: 'satisfied',
      });
    }
    // Out of the period, and an accusation: neither counts.
    const { id: october } = await complaintAboutWanzhen(t);
    await outcome(october, {
      receivedOn: '2026-10-30',
      ackDue: '2026-11-03',
      acknowledgedOn: null,
      verdict: 'unsatisfied',
    });
    await postLetter(t, { type: 'accusation', studioId: await laifaStudioId(t), text: '反映有党员借工作室名义谋利。' });
    // The settings test's letter (received 25 November, not yet due) also belongs to 西城街道 and 婉珍.

    const byStudio = (
      await district.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30&by=studio')
    ).json() as RatesResult;
    expect(byStudio.rows.map((r) => [r.name, r.tooFewToRank])).toEqual([
      ['婉珍文艺专业服务室', false],
      ['来发医疗卫生专业服务室', true],
    ]);
    const wanzhen = byStudio.rows[0];
    expect(wanzhen).toMatchObject({
      streetName: '西城街道',
      due: 7,
      acknowledgedOnTime: 5,
      rated: 5,
      resolved: 4,
      satisfied: 2,
      basic: 2,
      unsatisfied: 1,
      substantiated: 1,
      responseRate: 0.7143,
      resolutionRate: 0.8,
      satisfactionRate: 0.76,
      composite: 0.7754,
    });
    expect(wanzhen?.letters).toBeGreaterThanOrEqual(8);
    expect(byStudio.rows[1]).toMatchObject({ responseRate: 1, resolutionRate: 1, satisfactionRate: 1, composite: 1 });
    expect(byStudio.total).toMatchObject({ due: 9, acknowledgedOnTime: 7, rated: 7, satisfied: 4 });

    const byStreet = (await district.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30')).json() as RatesResult;
    expect(byStreet.rows.map((r) => r.name)).toEqual(['西城街道', '中城街道']);
    const own = (await street.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30')).json() as RatesResult;
    expect(own.rows.map((r) => r.name)).toEqual(['西城街道']);
    expect(own.rows[0]).toMatchObject({ responseRate: 0.7143, composite: 0.7754 });
    // Below a street, the letters about the community asked for: 婉珍's community holds exactly hers.
    const community = await t.db
      .selectFrom('studios')
      .select('unit_id')
      .where('name', '=', '婉珍文艺专业服务室')
      .executeTakeFirstOrThrow();
    const below = (
      await street.get(`/api/mailbox/rates?from=2026-11-01&to=2026-11-30&under=${community.unit_id}`)
    ).json() as RatesResult;
    expect(below.rows.map((r) => r.name)).toEqual(['西城街道']);
    expect(below.rows[0]).toMatchObject({ due: 7, acknowledgedOnTime: 5, rated: 5, composite: 0.7754 });
    expect(
      (await street.get(`/api/mailbox/rates?from=2026-11-01&to=2026-11-30&under=${await t.unitId('350802004000')}`))
        .statusCode,
    ).toBe(404);
    expect(
      ((await other.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30')).json() as RatesResult).rows.map(
        (r) => r.name,
      ),
    ).toEqual(['中城街道']);

    // The district's weights and the worth of 基本满意 change the figures.
    await district.put('/api/mailbox/settings', {
      ...defaultMailboxSettings,
      weights: { response: 20, resolution: 40, satisfaction: 40 },
      basicSatisfiedWeight: 0.8,
    });
    const reweighed = (
      await street.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30&by=studio')
    ).json() as RatesResult;
    expect(reweighed.rows[0]).toMatchObject({ satisfactionRate: 0.72, composite: 0.7509 });
    expect(reweighed.weights).toEqual({ response: 20, resolution: 40, satisfaction: 40 });
  });

  it('refuse a period that ends before it starts, and roles without the mailbox', async () => {
    expect((await district.get('/api/mailbox/rates?from=2026-11-30&to=2026-11-01')).statusCode).toBe(400);
    expect((await district.get('/api/mailbox/rates?from=2026-11-01')).statusCode).toBe(400);
    expect((await (await t.login('xixing')).get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30')).statusCode).toBe(
      403,
    );
  });
});
