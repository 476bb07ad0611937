import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';
import { buildCommitment } from '../../../../test/factories/commitments.ts';
import { buildUnit } from '../../../../test/factories/org-units.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { buildVolunteer } from '../../../../test/factories/registry.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { buildLetter } from '../../../../test/factories/mailbox.ts';
import type {
  EvaluationProposal,
  RunResult,
  Scheme,
  ScoreDetail,
  ScoreSummary,
  YearEndSheet,
} from '../../../contract/evaluation.ts';
import { evaluateLastQuarter } from './evaluation.job.ts';

// The test clock stands on 2026-11-25 (2026-Q4); 2026-Q3 is the quarter over. One fresh street
// holds the studios scored here, so its median and its places are the ones written out below.

let t: TestApp;
let admin: Client;
let street: Client;
let streetId: number;
let a: { id: number; owner: string; records: number[]; ratings: number[]; complaints: number[] };
let b: { id: number; complaints: number[] };

const Q3_DAY = '2026-08-10';
const Q3_AT = '2026-08-10T02:00:00.000Z';

async function complaint(studioId: number, type: 'complaint' | 'praise' = 'complaint'): Promise<number> {
  const unitId = (
    await t.db.selectFrom('studios').select('unit_id').where('id', '=', studioId).executeTakeFirstOrThrow()
  ).unit_id;
  const { id } = await buildLetter(t.db, { status: 'closed', unitId, type });
  await t.db
    .updateTable('letters')
    .set({ studio_id: studioId, received_on: Q3_DAY, finding: type === 'complaint' ? 'substantiated' : null })
    .where('id', '=', id)
    .execute();
  return id;
}

/** A studio that has served since before the quarter, with `members` members, `personTimes` in Q3. */
async function servingStudio(unitId: number, members: number, personTimes: number) {
  const owner = await buildAccount(t.db, { role: 'member', unitId });
  const s = await buildStudio(t.db, { unitId, applicantId: owner.id });
  await t.db
    .updateTable('studios')
    .set({ status_changed_at: '2026-01-05T00:00:00.000Z' })
    .where('id', '=', s.id)
    .execute();
  for (let i = 1; i < members; i++) {
    const v = await buildVolunteer(t.db, { unitId });
    await t.db.insertInto('studio_members').values({ studio_id: s.id, volunteer_id: v.id, role: 'member' }).execute();
  }
  const records: number[] = [];
  if (personTimes > 0) {
    const r = await buildRecord(t.db, { studioId: s.id, servedAt: Q3_AT });
    await t.db.updateTable('service_records').set({ person_times: personTimes }).where('id', '=', r.id).execute();
    records.push(r.id);
  }
  return { id: s.id, owner: owner.username, records };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const community = await buildUnit(t.db, { level: 'community' });
  streetId = (
    await t.db.selectFrom('org_units').select('parent_id').where('id', '=', community.id).executeTakeFirstOrThrow()
  ).parent_id as number;
  const streetAdmin = await buildAccount(t.db, { role: 'street_admin', unitId: streetId });
  street = await t.login(streetAdmin.username);

  // A: two members, 30 person-times; six ratings summing 27; three of four commitment checks kept;
  // one substantiated complaint. B: one member, 10 person-times, two substantiated complaints.
  const built = await servingStudio(community.id, 2, 30);
  const ratings: number[] = [];
  for (const score of [5, 5, 5, 4, 4, 4]) {
    const r = await t.db
      .insertInto('ratings')
      .values({ studio_id: built.id, request_id: null, record_id: null, score, comment: '', created_at: Q3_AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    ratings.push(r.id);
  }
  const kept = await buildCommitment(t.db, { studioId: built.id });
  const broken = await buildCommitment(t.db, { studioId: built.id, position: 2 });
  for (const [commitmentId, period, isKept] of [
    [kept.id, '2026-07', 1],
    [kept.id, '2026-08', 1],
    [kept.id, '2026-09', 1],
    [broken.id, '2026-09', 0],
  ] as const)
    await t.db
      .insertInto('commitment_checks')
      .values({ commitment_id: commitmentId, period, kept: isKept, note: '', checked_by: streetAdmin.id, at: Q3_AT })
      .execute();
  a = { ...built, ratings, complaints: [await complaint(built.id)] };
  const other = await servingStudio(community.id, 1, 10);
  b = { id: other.id, complaints: [await complaint(other.id), await complaint(other.id)] };
});
afterAll(() => t.close());

const scoresOf = async (client: Client, query = '') =>
  (await client.get(`/api/evaluation/scores?quarter=2026-Q3${query}`)).json() as {
    items: ScoreSummary[];
    total: number;
  };

describe('POST /api/evaluation/runs', () => {
  it('dry-runs a quarter: the same answer as a run, and nothing written', async () => {
    const before = await t.auditCount();
    const res = await admin.post('/api/evaluation/runs', { quarter: '2026-Q3', dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const dry = res.json() as RunResult;
    expect(dry).toMatchObject({ quarter: '2026-Q3', schemeVersion: 1, dryRun: true, runId: null });
    expect((dry.scores ?? []).map((s) => s.studioId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await t.auditCount()).toBe(before);
    const stored = await t.db.selectFrom('evaluation_scores').select('id').execute();
    expect(stored).toEqual([]);
    expect(await t.db.selectFrom('evaluation_proposals').select('id').execute()).toEqual([]);
  });

  it('runs it: scores stored, ranked within the street, proposals made', async () => {
    const res = await admin.post('/api/evaluation/runs', { quarter: '2026-Q3' });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json() as RunResult;
    expect(run.runId).toEqual(expect.any(Number));
    // A summary: the rankings are read page by page (a province's run is 20,000+ rows).
    expect(run).toMatchObject({ quarter: '2026-Q3', dryRun: false });
    expect(run).not.toHaveProperty('scores');
    expect(run.scored).toBe((await scoresOf(admin)).total);
    const page = await scoresOf(admin, `&under=${streetId}`);
    expect(page.items.map((s) => [s.studioId, s.streetRank])).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    expect(page.items.every((s) => s.changes === null)).toBe(true);
  });

  it('refuses a quarter not over, a quarter that does not exist, and anyone but the district', async () => {
    const early = await admin.post('/api/evaluation/runs', { quarter: '2026-Q4' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'QUARTER_NOT_OVER' });
    expect((await admin.post('/api/evaluation/runs', { quarter: '2026-Q5' })).statusCode).toBe(400);
    expect((await admin.post('/api/evaluation/runs', { quarter: '2026-Q3', extra: 1 })).statusCode).toBe(400);
    expect((await street.post('/api/evaluation/runs', { quarter: '2026-Q3' })).statusCode).toBe(403);
  });
});

describe('GET /api/evaluation/scores/:id', () => {
  it('explains every point: raw figures, the formula with the numbers, and the ids behind them', async () => {
    const id = (await scoresOf(admin, `&under=${streetId}`)).items.find((s) => s.studioId === a.id)?.id;
    const res = await admin.get(`/api/evaluation/scores/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json() as ScoreDetail;
    const item = (code: string) => detail.breakdown.items.find((i) => i.code === code);
    // The street's median of person-times per member: A 30 ÷ 2 = 15, B 10 ÷ 1 = 10 → 12.5.
    expect(item('volume')).toMatchObject({
      raw: { personTimes: 30, members: 2, perMember: 15, streetMedian: 12.5 },
      formula: '15 × min(1, (30 ÷ 2) ÷ 12.5) = 15',
      points: 15,
      evidence: { records: a.records },
    });
    expect(item('ratings')).toMatchObject({
      raw: { count: 6, mean: 4.5 },
      points: 13.5,
      evidence: { ratings: a.ratings },
    });
    expect(item('commitments')).toMatchObject({ raw: { checks: 4, kept: 3 }, points: 7.5 });
    expect(item('complaints')).toMatchObject({ raw: { count: 1 }, points: 5, evidence: { letters: a.complaints } });
    expect(item('inspections')).toMatchObject({ raw: { inspections: 0 }, points: 0 });
    const signed = detail.breakdown.items.reduce((s, i) => s + (i.direction === 'add' ? i.points : -i.points), 0);
    expect(detail.total).toBeCloseTo(signed, 2);
    expect(detail.history).toHaveLength(1);
  });

  it('lets anyone who may see the studio read it — the member their own — and nobody else', async () => {
    const member = await t.login(a.owner);
    const own = await scoresOf(member);
    expect(own.items.map((s) => s.studioId)).toEqual([a.id, b.id]);
    const mine = await member.get(`/api/studios/${a.id}/evaluation?quarter=2026-Q3`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json() as ScoreDetail).breakdown.items.length).toBeGreaterThan(0);
    const elsewhere = await t.login('zhangwanzhen');
    expect((await elsewhere.get(`/api/studios/${a.id}/evaluation?quarter=2026-Q3`)).statusCode).toBe(404);
    expect((await scoresOf(elsewhere)).items.map((s) => s.studioId)).not.toContain(a.id);
    const other = await t.login('zhongcheng');
    expect((await other.get(`/api/evaluation/scores?quarter=2026-Q3&under=${streetId}`)).statusCode).toBe(404);
  });

  it('keeps the earlier run as history after a late correction, and shows what changed', async () => {
    a.complaints.push(await complaint(a.id));
    const res = await admin.post('/api/evaluation/runs', { quarter: '2026-Q3' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await (await admin.get(`/api/studios/${a.id}/evaluation?quarter=2026-Q3`)).json()) as ScoreDetail;
    expect(detail.history).toHaveLength(2);
    expect(detail.changes).toEqual(
      expect.arrayContaining([
        { code: 'complaints', before: -5, after: -10 },
        { code: 'total', before: expect.any(Number), after: expect.any(Number) },
      ]),
    );
    const total = detail.changes?.find((c) => c.code === 'total');
    expect((total?.before ?? 0) - (total?.after ?? 0)).toBeCloseTo(5, 2);
    // B did not change: its row says so.
    const page = await scoresOf(admin, `&under=${streetId}`);
    expect(page.items.find((s) => s.studioId === b.id)?.changes).toEqual([]);
  });

  it('ranks by one item when asked', async () => {
    const page = await scoresOf(admin, `&under=${streetId}&item=complaints`);
    // Fewer points deducted ranks first: B lost 10, A lost 10 too after the correction → A's higher total first.
    expect(page.items.map((s) => s.studioId)).toEqual([a.id, b.id]);
  });
});

describe('proposals', () => {
  it('proposes the studio with two substantiated complaints to its street, with the letters as evidence', async () => {
    const res = await street.get('/api/evaluation/proposals?kind=review&quarter=2026-Q3');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: EvaluationProposal[] }).items;
    const forB = items.find((p) => p.studioId === b.id);
    expect(forB).toMatchObject({ status: 'proposed', allowedActions: ['confirm', 'reject'] });
    expect(forB?.reasons).toContain('complaints');
    expect(forB?.complaintLetters).toEqual(b.complaints);
  });

  it('revokes the plaque only when the street confirms, through the studio lifecycle', async () => {
    const items = (
      (await street.get('/api/evaluation/proposals?kind=review')).json() as { items: EvaluationProposal[] }
    ).items;
    const id = items.find((p) => p.studioId === b.id)?.id ?? 0;
    expect(
      (await t.db.selectFrom('studios').select('status').where('id', '=', b.id).executeTakeFirstOrThrow()).status,
    ).toBe('active');
    expect((await street.post(`/api/evaluation/reviews/${id}/confirm`, { outcome: 'revoke' })).json()).toMatchObject({
      code: 'REASON_REQUIRED',
    });
    expect(
      (await admin.post(`/api/evaluation/reviews/${id}/confirm`, { outcome: 'revoke', reason: 'x' })).statusCode,
    ).toBe(403);
    const res = await street.post(`/api/evaluation/reviews/${id}/confirm`, {
      outcome: 'revoke',
      reason: '群众反映强烈，两季度内两次投诉查实',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'confirmed', outcome: 'revoke', allowedActions: [] });
    const studio = await t.db
      .selectFrom('studios')
      .select(['status', 'status_reason'])
      .where('id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(studio).toEqual({ status: 'revoked', status_reason: '群众反映强烈，两季度内两次投诉查实' });
    const plaque = await t.db
      .selectFrom('plaques')
      .select('retired_on')
      .where('studio_id', '=', b.id)
      .executeTakeFirstOrThrow();
    expect(plaque.retired_on).toBe('2026-11-25');
    const again = await street.post(`/api/evaluation/reviews/${id}/reject`, { reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PROPOSAL_NOT_PENDING' });
  });

  it('hides a street’s proposals from another street', async () => {
    const other = await t.login('zhongcheng');
    const items = ((await other.get('/api/evaluation/proposals')).json() as { items: EvaluationProposal[] }).items;
    expect(items.filter((p) => p.studioId === a.id || p.studioId === b.id)).toEqual([]);
    const id = (
      await t.db.selectFrom('evaluation_proposals').select('id').where('studio_id', '=', b.id).executeTakeFirstOrThrow()
    ).id;
    expect((await other.post(`/api/evaluation/reviews/${id}/reject`, { reason: 'x' })).statusCode).toBe(404);
  });
});

describe('schemes', () => {
  it('publishes a new version from the current quarter on, and a past quarter keeps its version', async () => {
    const [current] = (await admin.get('/api/evaluation/schemes')).json() as Scheme[];
    const config = current?.config;
    const past = await admin.post('/api/evaluation/schemes', { effectiveFrom: '2026-07-01', config });
    expect(past.statusCode).toBe(409);
    expect(past.json()).toMatchObject({ code: 'SCHEME_EFFECTIVE_IN_PAST' });
    const bad = await admin.post('/api/evaluation/schemes', {
      effectiveFrom: '2026-10-01',
      config: { ...config, minimum: 100, maximum: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const res = await admin.post('/api/evaluation/schemes', {
      effectiveFrom: '2026-10-01',
      note: '提高服务量权重',
      config,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, effectiveFrom: '2026-10-01' });
    expect((await street.post('/api/evaluation/schemes', { effectiveFrom: '2026-10-01', config })).statusCode).toBe(
      403,
    );
    const rerun = (await admin.post('/api/evaluation/runs', { quarter: '2026-Q3', dryRun: true })).json() as RunResult;
    expect(rerun.schemeVersion).toBe(1);
    expect(rerun.changed).toBe(0);
  });

  it('the quarterly job does not run a quarter already run', async () => {
    expect(await evaluateLastQuarter(t.db, t.clock.now())).toEqual({ runs: 0 });
  });

  it('the job on two instances at once scores a new quarter once, under the version in force then', async () => {
    const january = new Date('2027-01-05T01:00:00.000Z');
    const [one, two] = await Promise.all([evaluateLastQuarter(t.db, january), evaluateLastQuarter(t.db, january)]);
    expect(one.runs + two.runs).toBe(1);
    const runs = await t.db
      .selectFrom('evaluation_runs')
      .select(['scheme_version', 'trigger'])
      .where('quarter', '=', '2026-Q4')
      .execute();
    expect(runs).toEqual([{ scheme_version: 2, trigger: 'job' }]);
  });
});

describe('the year-end sheet', () => {
  it('gives the member her own year: her studio, its services and its scored quarter, and a suggested grade', async () => {
    const member = await t.login('zhangwanzhen');
    const res = await member.get('/api/evaluation/year-end?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json() as YearEndSheet;
    expect(sheet.members.map((m) => m.name)).toEqual(['张婉珍']);
    const [zhang] = sheet.members;
    const q3 = (await scoresOf(admin, '')).items.find((s) => s.studioName === '婉珍文艺专业服务室');
    // The demo seed's last quarter: eight services, 78 person-times, six ratings (28 ÷ 6 = 4.67).
    expect(zhang).toMatchObject({ services: 8, personTimes: 78, ratings: 6, ratingMean: 4.67 });
    expect(zhang?.quarterScores.slice(0, 3)).toEqual([null, null, q3?.total]);
    expect(zhang?.suggestedGrade).toEqual(expect.any(String));
  });

  it('gives the member her own sheet as Word, and nobody else’s', async () => {
    const member = await t.login('zhangwanzhen');
    const [zhang] = ((await member.get('/api/evaluation/year-end?year=2026')).json() as YearEndSheet).members;
    const own = await member.get(`/api/evaluation/year-end/${zhang?.volunteerId}/sheet.docx?year=2026`);
    expect(own.statusCode, own.body).toBe(200);
    const xml = await (await JSZip.loadAsync(own.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('张婉珍');
    const colleague = await t.db
      .selectFrom('volunteers')
      .select('id')
      .where('name', '=', '陈惠敏')
      .executeTakeFirstOrThrow();
    const theirs = await member.get(`/api/evaluation/year-end/${colleague.id}/sheet.docx?year=2026`);
    expect(theirs.statusCode).toBe(404);
    const xicheng = await t.login('xicheng');
    expect((await xicheng.get(`/api/evaluation/year-end/${colleague.id}/sheet.docx?year=2026`)).statusCode).toBe(200);
    const otherStreet = await t.login('zhongcheng');
    expect((await otherStreet.get(`/api/evaluation/year-end/${colleague.id}/sheet.docx?year=2026`)).statusCode).toBe(
      404,
    );
  });

  it('exports a branch’s sheet as a workbook for the organisations only', async () => {
    const res = await street.get(`/api/evaluation/year-end.xlsx?year=2026`);
    expect(res.statusCode, res.body).toBe(200);
    const xicheng = await t.login('xicheng');
    const file = await xicheng.get('/api/evaluation/year-end.xlsx?year=2026');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names = (ws?.getColumn(1).values ?? []).map(String);
    expect(names).toContain('张婉珍');
    expect(names).toContain('陈惠敏');
    expect((await (await t.login('zhangwanzhen')).get('/api/evaluation/year-end.xlsx?year=2026')).statusCode).toBe(403);
    expect((await admin.get('/api/evaluation/year-end?year=1999')).statusCode).toBe(400);
  });
});
