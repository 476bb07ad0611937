import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { refreshReminders, runRemindersOncePerHour } from './reminders.job.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Reminder = { kind: string; studioId: number; due: string };

describe('the reminders job', () => {
  it('tells the street about contracts ending within 30 days and overdue rectifications, once, and resolves them when handled', async () => {
    const ending = await createStudio(t.db, { status: 'active', termEnd: '2026-12-20' });
    const later = await createStudio(t.db, { status: 'active', termEnd: '2027-06-30' });
    const overdue = await createStudio(t.db, { status: 'rectification', rectificationDeadline: '2026-11-20' });

    await refreshReminders(t.db, '2026-11-25', '2026-11-25T01:00:00Z');
    const second = await refreshReminders(t.db, '2026-11-25', '2026-11-25T02:00:00Z');
    expect(second.opened).toBe(0);

    const street = await t.login('xicheng');
    const list = (await street.get('/api/reminders')).json() as Reminder[];
    expect(list.find((r) => r.studioId === ending.id)).toMatchObject({ kind: 'contract_ending', due: '2026-12-20' });
    expect(list.find((r) => r.studioId === overdue.id)).toMatchObject({
      kind: 'rectification_overdue',
      due: '2026-11-20',
    });
    expect(list.find((r) => r.studioId === later.id)).toBeUndefined();
    expect(
      ((await (await t.login('zhongcheng')).get('/api/reminders')).json() as Reminder[]).find(
        (r) => r.studioId === ending.id,
      ),
    ).toBeUndefined();

    await street.post(`/api/studios/${ending.id}/renew`, { termEnd: '2028-12-31' });
    await refreshReminders(t.db, '2026-11-25', '2026-11-25T03:00:00Z');
    expect(
      ((await street.get('/api/reminders')).json() as Reminder[]).find((r) => r.studioId === ending.id),
    ).toBeUndefined();
  });

  it('is closed to community admins and members', async () => {
    expect((await (await t.login('xixing')).get('/api/reminders')).statusCode).toBe(403);
  });
});

describe('the reminders job on several instances', () => {
  it('runs once per hour however many schedulers tick at once, and again the next hour', async () => {
    await createStudio(t.db, { status: 'active', termEnd: '2026-12-21' });
    const at = new Date('2026-11-26T03:20:00.000Z');
    const ticks = await Promise.all(Array.from({ length: 5 }, () => runRemindersOncePerHour(t.db, at)));
    expect(ticks.filter((r) => r.ran)).toHaveLength(1);
    expect(ticks.every((r) => r.period === '2026-11-26T03')).toBe(true);
    const later = await runRemindersOncePerHour(t.db, new Date('2026-11-26T03:55:00.000Z'));
    expect(later.ran).toBe(false);
    const nextHour = await runRemindersOncePerHour(t.db, new Date('2026-11-26T04:00:00.000Z'));
    expect(nextHour).toMatchObject({ ran: true, opened: 0 });
    const runs = await t.db.selectFrom('job_runs').select('period').where('job', '=', 'reminders').execute();
    expect(runs.map((r) => r.period).sort()).toEqual(['2026-11-26T03', '2026-11-26T04']);
  });
});
