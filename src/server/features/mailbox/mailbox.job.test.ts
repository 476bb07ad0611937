import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { complaintAboutWanzhen, rate } from '../../../../test/factories/mailbox.ts';
import type { LetterDetail, LetterSummary, TrackedLetter } from '../../../contract/mailbox.ts';
import { runMailboxJob } from './mailbox.job.ts';

let t: TestApp;
let street: Client;
let district: Client;
let handler: number;
beforeAll(async () => {
  t = await createTestApp();
  // Start from an empty mailbox: the demo letters would count in the figures below.
  await t.db.deleteFrom('letters').execute();
  street = await t.login('xicheng');
  district = await t.login('admin');
  handler = (await t.db.selectFrom('accounts').select('id').where('username', '=', 'xicheng').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => t.close());

/** Ten in the morning in China on a day. */
const morningOf = (day: string) => new Date(`${day}T02:00:00.000Z`);
const eventsOf = async (id: number, action: string) =>
  (
    await t.db
      .selectFrom('letter_events')
      .select('id')
      .where('letter_id', '=', id)
      .where('action', '=', action)
      .execute()
  ).length;
const detail = async (id: number) => (await street.get(`/api/letters/${id}`)).json() as LetterDetail;

describe('the mailbox job', () => {
  it('flags a letter overdue the day after its deadline and escalates it 5 working days later, once', async () => {
    // Received Wednesday 25 November: to be acknowledged by Friday 27 November.
    const { id, code } = await complaintAboutWanzhen(t);

    expect(await runMailboxJob(t.db, morningOf('2026-11-27'))).toMatchObject({ flagged: 0, escalated: 0 });
    expect(await runMailboxJob(t.db, morningOf('2026-11-28'))).toMatchObject({ flagged: 1, escalated: 0 });
    expect(await runMailboxJob(t.db, morningOf('2026-11-28'))).toMatchObject({ flagged: 0 });
    expect(await eventsOf(id, 'overdue')).toBe(1);

    // The fifth working day after the deadline is Friday 4 December; the district hears of it on the 5th.
    expect((await runMailboxJob(t.db, morningOf('2026-12-04'))).escalated).toBe(0);
    const [a, b] = await Promise.all([
      runMailboxJob(t.db, morningOf('2026-12-05')),
      runMailboxJob(t.db, morningOf('2026-12-05')),
    ]);
    expect(a.escalated + b.escalated).toBe(1);
    expect(await eventsOf(id, 'escalate')).toBe(1);

    expect(await detail(id)).toMatchObject({ escalated: true, escalatedOn: '2026-12-05' });
    const escalated = (await district.get('/api/letters?escalated=1')).json() as { items: LetterSummary[] };
    expect(escalated.items.map((l) => l.id)).toContain(id);
    // The district's 工作台 lists it among the letters escalated to it, linked to the filtered queue.
    const bench = (await district.get('/api/workbench')).json() as {
      todos: Array<{ key: string; count: number; path: string }>;
    };
    expect(bench.todos.find((d) => d.key === 'lettersEscalated')).toMatchObject({
      count: escalated.items.length,
      path: '/letters?escalated=1',
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('entity', '=', 'letter')
      .where('entity_id', '=', String(id))
      .where('action', 'in', ['overdue', 'escalate'])
      .execute();
    expect(audit).toEqual([
      { action: 'overdue', actor_name: 'system' },
      { action: 'escalate', actor_name: 'system' },
    ]);
    // The writer's timeline does not show the street's internal flags.
    const tracked = (await t.app.inject({ method: 'GET', url: `/api/public/letters/${code}` })).json() as TrackedLetter;
    expect(tracked.timeline.map((e) => e.action)).toEqual(['write']);
  });

  it('starts a fresh overdue flag for the next deadline once the late step is done', async () => {
    const { id } = await complaintAboutWanzhen(t);
    await runMailboxJob(t.db, morningOf('2026-11-28'));
    await street.post(`/api/letters/${id}/assign`, { handlerId: handler });
    await street.post(`/api/letters/${id}/acknowledge`);
    const letter = await t.db
      .selectFrom('letters')
      .select(['overdue_on', 'next_due'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(letter).toEqual({ overdue_on: null, next_due: '2026-12-16' });
    expect((await runMailboxJob(t.db, morningOf('2026-12-16'))).flagged).toBe(0);
    expect((await runMailboxJob(t.db, morningOf('2026-12-17'))).flagged).toBeGreaterThanOrEqual(1);
    expect(await eventsOf(id, 'overdue')).toBe(2);
  });

  it('closes a reply left without a verdict after 10 days as 未评价, never counted satisfied', async () => {
    const { id, code } = await complaintAboutWanzhen(t);
    await street.post(`/api/letters/${id}/assign`, { handlerId: handler });
    await street.post(`/api/letters/${id}/acknowledge`);
    await street.post(`/api/letters/${id}/reply`, { text: '已督促按时开放。' });
    expect((await detail(id)).ratingDue).toBe('2026-12-05');

    expect(await runMailboxJob(t.db, morningOf('2026-12-05'))).toMatchObject({ closedUnrated: 0 });
    const [a, b] = await Promise.all([
      runMailboxJob(t.db, morningOf('2026-12-06')),
      runMailboxJob(t.db, morningOf('2026-12-06')),
    ]);
    expect(a.closedUnrated + b.closedUnrated).toBe(1);
    expect(await detail(id)).toMatchObject({ status: 'closed', closure: 'unrated', verdict: null });
    expect(await eventsOf(id, 'closeUnrated')).toBe(1);
    expect((await rate(t, code, 'satisfied')).statusCode).toBe(409);

    const rates = (await district.get('/api/mailbox/rates?from=2026-11-01&to=2026-11-30&by=studio')).json() as {
      rows: Array<{ satisfied: number; rated: number }>;
    };
    expect(rates.rows[0]).toMatchObject({ satisfied: 0, rated: 0 });
  });
});
