import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbench } from '../../../contract/workbench.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { demoPlace, type DemoPlace } from '../../../../test/factories/demo.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { buildRequest } from '../../../../test/factories/requests.ts';
import { buildNeed } from '../../../../test/factories/needs.ts';
import { buildImport } from '../../../../test/factories/registry.ts';
import { buildEvaluationProposal } from '../../../../test/factories/evaluation.ts';
import {
  buildInspection,
  buildProposal,
  buildSupervisor,
  demoSupervisorId,
} from '../../../../test/factories/inspections.ts';
import { buildLetter } from '../../../../test/factories/mailbox.ts';

let t: TestApp;
let xixing: DemoPlace;
beforeAll(async () => {
  t = await createTestApp();
  xixing = await demoPlace(t.db, 'xixing');
});
afterAll(() => t.close());

async function workbenchOf(username: string): Promise<Workbench> {
  const res = await (await t.login(username)).get('/api/workbench');
  expect(res.statusCode).toBe(200);
  return res.json() as Workbench;
}

/** The to-dos as key → count, for comparing before and after. */
async function todosOf(username: string): Promise<Record<string, number>> {
  return Object.fromEntries((await workbenchOf(username)).todos.map((d) => [d.key, d.count]));
}

describe('GET /api/workbench', () => {
  it('counts an application for the community to review, then for the street, never for another street', async () => {
    const before = {
      community: await todosOf('xixing'),
      street: await todosOf('xicheng'),
      other: await todosOf('zhongcheng'),
    };
    await buildStudio(t.db, { status: 'submitted', unitId: xixing.community });
    await buildStudio(t.db, { status: 'community_reviewed', unitId: xixing.community });
    expect((await todosOf('xixing')).studioReviews).toBe(before.community.studioReviews! + 1);
    expect((await todosOf('xicheng')).studioReviews).toBe(before.street.studioReviews! + 1);
    expect((await todosOf('zhongcheng')).studioReviews).toBe(before.other.studioReviews);
  });

  it('counts a need without a category and an import waiting to be committed in the admin’s subtree', async () => {
    const before = await todosOf('xicheng');
    await buildNeed(t.db, { unitId: xixing.community });
    await buildImport(t.db, { unitId: xixing.community });
    const after = await todosOf('xicheng');
    expect(after.needsUncategorised).toBe(before.needsUncategorised! + 1);
    expect(after.importsPending).toBe(before.importsPending! + 1);
  });

  it('shows a member the requests waiting for their own studios only, and their own figures', async () => {
    const before = await todosOf('zhangwanzhen');
    const mine = await buildStudio(t.db, {
      unitId: xixing.community,
      applicantId: xixing.applicantId,
      leaderId: xixing.leaderId,
    });
    await buildRequest(t.db, { studioId: mine.id, status: 'assigned' });
    await buildRequest(t.db, { status: 'assigned', unitId: xixing.community });
    const bench = await workbenchOf('zhangwanzhen');
    const todos = Object.fromEntries(bench.todos.map((d) => [d.key, d]));
    expect(todos.requestsWaiting).toEqual({
      key: 'requestsWaiting',
      count: before.requestsWaiting! + 1,
      path: '/requests',
    });
    // Nothing a member cannot act on: no reviews, needs, imports, letters or unassigned requests.
    expect(Object.keys(todos).sort()).toEqual(['requestsWaiting']);
    expect(bench.figures.map((f) => f.key)).toEqual(['myStudios', 'records', 'personTimes']);
    expect(bench.figures.find((f) => f.key === 'myStudios')!.value).toBeGreaterThanOrEqual(1);
  });

  it('shows a supervisor their own inspection plan, not another supervisor’s', async () => {
    const before = await todosOf('jiandu');
    const own = await demoSupervisorId(t.db);
    await buildInspection(t.db, { supervisorId: own, unitId: xixing.community });
    const other = await buildSupervisor(t.db, { streetId: xixing.street });
    await buildInspection(t.db, { supervisorId: other.id, unitId: xixing.community });
    const bench = await workbenchOf('jiandu');
    const planned = bench.todos.find((d) => d.key === 'inspectionsPlanned')!;
    expect(planned).toEqual({
      key: 'inspectionsPlanned',
      count: before.inspectionsPlanned! + 1,
      path: '/my-inspections',
    });
    expect(bench.todos.map((d) => d.key).sort()).toEqual(['inspectionsOverdue', 'inspectionsPlanned']);
  });

  it('counts open letters for the street that runs the mailbox', async () => {
    const before = await todosOf('xicheng');
    await buildLetter(t.db, { unitId: xixing.community });
    const after = await todosOf('xicheng');
    expect(after.lettersOpen).toBe(before.lettersOpen! + 1);
    expect((await todosOf('xixing')).lettersOpen).toBeUndefined();
  });

  it('counts proposals waiting for the viewer’s decision: the street’s rectifications and reviews, the district’s commendations', async () => {
    const before = {
      street: await todosOf('xicheng'),
      district: await todosOf('admin'),
      other: await todosOf('zhongcheng'),
    };
    await buildProposal(t.db, { unitId: xixing.community });
    await buildEvaluationProposal(t.db, 'review', { unitId: xixing.community });
    await buildEvaluationProposal(t.db, 'commendation', { unitId: xixing.community });
    const street = await todosOf('xicheng');
    const district = await todosOf('admin');
    // The street decides the inspection's proposal and the evaluation's review, not the commendation.
    expect(street.rectificationProposals).toBe(before.street.rectificationProposals! + 1);
    expect(street.evaluationProposals).toBe(before.street.evaluationProposals! + 1);
    // The district confirms the commendation only; rectification proposals are not its to decide.
    expect(district.evaluationProposals).toBe(before.district.evaluationProposals! + 1);
    expect(district.rectificationProposals).toBeUndefined();
    expect(await todosOf('zhongcheng')).toMatchObject({
      rectificationProposals: before.other.rectificationProposals,
      evaluationProposals: before.other.evaluationProposals,
    });
    const bench = await workbenchOf('xicheng');
    expect(bench.todos.find((d) => d.key === 'evaluationProposals')?.path).toBe('/evaluation-proposals');
    expect(bench.todos.find((d) => d.key === 'rectificationProposals')?.path).toBe('/rectification-proposals');
  });

  it('lists the to-dos with something waiting first, with the admin’s figures and own recent actions', async () => {
    const street = await t.login('xicheng');
    await street.post(`/api/needs`, {
      unitId: xixing.community,
      channel: 'visit',
      recordedOn: '2026-11-20',
      text: '楼道灯坏了，老人晚上出门不方便',
      urgency: 'normal',
    });
    const bench = (await street.get('/api/workbench')).json() as Workbench;
    const counts = bench.todos.map((d) => d.count);
    const firstZero = counts.indexOf(0);
    if (firstZero >= 0) expect(counts.slice(firstZero).every((c) => c === 0)).toBe(true);
    expect(bench.figures.map((f) => f.key)).toEqual([
      'studiosServing',
      'volunteers',
      'records',
      'personTimes',
      'needs',
    ]);
    const figure = (key: string) => bench.figures.find((f) => f.key === key)!.value;
    expect(figure('studiosServing')).toBeGreaterThan(0);
    expect(figure('volunteers')).toBeGreaterThan(0);
    expect(figure('needs')).toBeGreaterThan(0);
    expect(bench.recent[0]).toMatchObject({ action: 'create', entity: 'need' });
  });

  it('answers 401 to nobody signed in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});
