import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { detail, plannedInspection, ratingsOf, report, submit } from '../../../../test/factories/inspections.ts';
import type { Proposal } from '../../../contract/inspections.ts';
import type { Supervisor } from '../../../contract/supervisors.ts';

let t: TestApp;
let street: Client;
let jiandu: Client;
let jianduId: number;

beforeAll(async () => {
  t = await createTestApp();
  street = await t.login('xicheng');
  jiandu = await t.login('jiandu');
  const roster = (await street.get('/api/supervisors')).json() as { items: Supervisor[] };
  jianduId = roster.items.find((s) => s.username === 'jiandu')?.id ?? 0;
});
afterAll(() => t.close());

describe('rectification proposals', () => {
  const low = () =>
    report({
      visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString(),
      ratings: ratingsOf('C', 'fail', 'B', 'A', 'C'),
    });

  it('propose a studio scoring below 60 % to its street, which confirms it into rectification', async () => {
    const { id, studioId } = await plannedInspection(t, street, jianduId);
    const submitted = await submit(jiandu, id, low());
    // 20×33 + 0 + 20×66 + 15×100 + 20×33 = 4140 → 41.4 %
    expect(submitted.json()).toMatchObject({ total: 41.4, proposal: null });
    const shown = await detail(street, id);
    expect(shown.proposal).toMatchObject({
      status: 'proposed',
      total: 41.4,
      threshold: 60,
      allowedActions: ['confirm', 'reject'],
    });
    const list = (await street.get('/api/rectification-proposals?status=proposed')).json() as { items: Proposal[] };
    const proposal = list.items.find((p) => p.inspectionId === id);
    expect(proposal).toBeDefined();
    const pid = proposal?.id ?? 0;

    expect(
      (await street.post(`/api/rectification-proposals/${pid}/confirm`, { deadline: '2026-01-01' })).json(),
    ).toMatchObject({
      code: 'DEADLINE_INVALID',
    });
    expect(
      (await (await t.login('admin')).post(`/api/rectification-proposals/${pid}/confirm`, { deadline: '2027-02-28' }))
        .statusCode,
    ).toBe(403);
    const confirmed = await street.post(`/api/rectification-proposals/${pid}/confirm`, { deadline: '2027-02-28' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', deadline: '2027-02-28', allowedActions: [] });
    const studio = (await street.get(`/api/studios/${studioId}`)).json() as {
      status: string;
      rectifications: Array<{ findings: string; deadline: string }>;
      history: Array<{ action: string }>;
    };
    expect(studio.status).toBe('rectification');
    expect(studio.rectifications.at(-1)).toMatchObject({ deadline: '2027-02-28' });
    expect(studio.rectifications.at(-1)?.findings).toContain('41.4%');
    expect(studio.rectifications.at(-1)?.findings).toContain('按承诺时间开放');
    expect(studio.history.at(-1)?.action).toBe('rectify');
    const again = await street.post(`/api/rectification-proposals/${pid}/confirm`, { deadline: '2027-02-28' });
    expect(again.json()).toMatchObject({ code: 'PROPOSAL_NOT_PENDING' });
  });

  it('are rejected with a reason, and a confirmation that the studio cannot take changes nothing', async () => {
    const a = await plannedInspection(t, street, jianduId);
    await submit(jiandu, a.id, low());
    const pa = (await detail(street, a.id)).proposal?.id ?? 0;
    expect((await street.post(`/api/rectification-proposals/${pa}/reject`, { reason: '' })).statusCode).toBe(400);
    const rejected = await street.post(`/api/rectification-proposals/${pa}/reject`, { reason: '复核后服务正常' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '复核后服务正常' });

    const b = await plannedInspection(t, street, jianduId);
    await submit(jiandu, b.id, low());
    const pb = (await detail(street, b.id)).proposal?.id ?? 0;
    await t.db.updateTable('studios').set({ status: 'closed' }).where('id', '=', b.studioId).execute();
    const refused = await street.post(`/api/rectification-proposals/${pb}/confirm`, { deadline: '2027-02-28' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await detail(street, b.id)).proposal?.status).toBe('proposed');
  });

  it('are withdrawn when a correction lifts the total to the threshold', async () => {
    const { id } = await plannedInspection(t, street, jianduId);
    await submit(jiandu, id, low());
    await jiandu.post(
      `/api/inspections/${id}/correct`,
      report({ visitedAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }),
    );
    expect((await detail(street, id)).proposal).toMatchObject({ status: 'withdrawn', total: 100, allowedActions: [] });
  });
});
