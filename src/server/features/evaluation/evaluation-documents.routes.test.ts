import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';
import { buildUnit } from '../../../../test/factories/org-units.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { buildVolunteer } from '../../../../test/factories/registry.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import type {
  CommendationNotice,
  EvaluationProposal,
  SchemePreview,
  YearEndSheet,
} from '../../../contract/evaluation.ts';
import type { PublicStudio } from '../../../contract/public.ts';
import { defaultScheme } from '../../../domain/evaluation/scheme.ts';
import { decodePng, pdfPages, pdfText, requirePoppler } from '../../documents/pdf-inspection.ts';

// The documents and decisions after a run: the commendation notice (.docx, PDF) and the public
// page, the scheme editor's preview, and the branch's year-end grades. The test clock stands in
// 2026-Q4; 2026-Q3 is run once in beforeAll.

let t: TestApp;
let admin: Client;
let community: number;
let top: { id: number; name: string };
let members: number[];

const Q3_AT = '2026-08-10T02:00:00.000Z';

beforeAll(async () => {
  requirePoppler();
  t = await createTestApp();
  admin = await t.login('admin');
  community = (await buildUnit(t.db, { level: 'community' })).id;
  // One studio far ahead of the rest of the district: 400 person-times of a clearly named service.
  const owner = await buildAccount(t.db, { role: 'member', unitId: community });
  const s = await buildStudio(t.db, { unitId: community, applicantId: owner.id });
  await t.db
    .updateTable('studios')
    .set({ status_changed_at: '2026-01-05T00:00:00.000Z' })
    .where('id', '=', s.id)
    .execute();
  const r = await buildRecord(t.db, { studioId: s.id, servedAt: Q3_AT });
  await t.db
    .updateTable('service_records')
    .set({ person_times: 400, content: '重阳节义诊和健康讲座' })
    .where('id', '=', r.id)
    .execute();
  for (const score of [5, 5, 5, 5, 5, 5])
    await t.db
      .insertInto('ratings')
      .values({ studio_id: s.id, request_id: null, record_id: null, score, comment: '', created_at: Q3_AT })
      .execute();
  const name = (await t.db.selectFrom('studios').select('name').where('id', '=', s.id).executeTakeFirstOrThrow()).name;
  top = { id: s.id, name };
  // Three party members of one branch serving in it; the third is probationary.
  members = [];
  for (const probationary of [0, 0, 1]) {
    const v = await buildVolunteer(t.db, { unitId: community, kind: 'party_member' });
    await t.db
      .updateTable('volunteers')
      .set({ party_branch: '测试社区第一党支部', probationary })
      .where('id', '=', v.id)
      .execute();
    await t.db.insertInto('studio_members').values({ studio_id: s.id, volunteer_id: v.id, role: 'member' }).execute();
    members.push(v.id);
  }
  expect((await admin.post('/api/evaluation/runs', { quarter: '2026-Q3' })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the commendation notice (通报表扬)', () => {
  let notice: CommendationNotice;

  it('has nothing to issue before the district confirms a commendation', async () => {
    const res = await admin.post('/api/evaluation/notices', { quarter: '2026-Q3' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'NOTHING_TO_NOTIFY' });
  });

  it('names every confirmed commendation with what the studio did, under the next number of the year', async () => {
    const proposals = (await admin.get('/api/evaluation/proposals?kind=commendation&quarter=2026-Q3')).json() as {
      items: EvaluationProposal[];
    };
    expect(proposals.items.map((p) => p.studioId)).toContain(top.id);
    for (const p of proposals.items)
      expect((await admin.post(`/api/evaluation/commendations/${p.id}/confirm`, {})).statusCode).toBe(200);
    const before = await t.auditCount();
    // Five at the same moment (a double click, two tabs): one notice, the others find nothing left.
    const burst = await Promise.all(
      Array.from({ length: 5 }, () =>
        admin.post('/api/evaluation/notices', { quarter: '2026-Q3', issuedOn: '2026-11-20' }),
      ),
    );
    expect(burst.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const res = burst.find((r) => r.statusCode === 201) ?? burst[0]!;
    expect(res.statusCode, res.body).toBe(201);
    notice = res.json() as CommendationNotice;
    expect(notice.number).toMatch(/量评〔2026〕1号$/);
    expect(notice.title).toBe('关于对2026年第三季度服务开展较好的共产党员专业服务工作室予以通报表扬的通报');
    const mine = notice.studios.find((s) => s.studioId === top.id);
    expect(mine?.paragraph).toMatch(/^一、/);
    expect(mine?.paragraph).toContain('服务群众400人次');
    expect(mine?.paragraph).toContain('群众评价6条、平均5分');
    expect(mine?.paragraph).toContain('“重阳节义诊和健康讲座”');
    expect(await t.auditCount()).toBe(before + 1);
    // Every confirmed commendation is named now: a second notice has nothing to say.
    expect((await admin.post('/api/evaluation/notices', { quarter: '2026-Q3' })).statusCode).toBe(409);
    expect((await admin.post('/api/evaluation/notices', { quarter: '2026-Q5' })).statusCode).toBe(400);
  });

  it('comes out as Word with the heading, number, body and issuing unit', async () => {
    const res = await admin.get(`/api/evaluation/notices/${notice.id}/notice.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    for (const part of [notice.issuer, notice.number, notice.title, top.name]) expect(xml).toContain(part);
    expect(xml).toContain('2026年11月20日');
    expect(xml).toContain('E60000');
  });

  it('comes out as a PDF whose Chinese text reads back and renders', async () => {
    const res = await admin.get(`/api/evaluation/notices/${notice.id}/notice.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, '');
    for (const part of [notice.number, '予以通报表扬的通报', top.name.replace(/\s+/g, ''), '二〇二六年十一月二十日'])
      expect(text).toContain(part);
    const [page] = await pdfPages(res.rawPayload, 50);
    const { data } = decodePng(page as Buffer);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) ink++;
    expect(ink).toBeGreaterThan(500);
  });

  it('shows on the studio’s public page, with the notice number', async () => {
    const page = (await t.app.inject({ method: 'GET', url: `/api/public/studios/${top.id}` })).json() as PublicStudio;
    expect(page.commendations).toEqual([
      { quarter: '2026-Q3', noticeNumber: notice.number, issuedOn: '2026-11-20', issuer: notice.issuer },
    ]);
  });
});

describe('POST /api/evaluation/schemes/preview', () => {
  it('scores the last quarter under the draft and saves nothing', async () => {
    const before = await t.db
      .selectFrom('evaluation_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const draft = structuredClone(defaultScheme);
    const base = draft.items.find((i) => i.source === 'base');
    if (!base) throw new Error('the default scheme has a base item');
    base.points -= 10;
    base.cap -= 10;
    const res = await admin.post('/api/evaluation/schemes/preview', { config: draft });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as SchemePreview;
    expect(preview.quarter).toBe('2026-Q3');
    const mine = preview.scores.find((s) => s.studioId === top.id);
    expect(mine?.current).not.toBeNull();
    expect(mine?.total).toBe((mine?.current ?? 0) - 10);
    const after = await t.db
      .selectFrom('evaluation_scores')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await admin.post('/api/evaluation/schemes/preview', { config: { items: [] } })).statusCode).toBe(400);
  });
});

describe('the year-end grade', () => {
  const sheet = async () =>
    ((await admin.get(`/api/evaluation/year-end?year=2026&under=${community}`)).json() as YearEndSheet).members;

  it('lists the probationary member without a grade and refuses to grade her', async () => {
    const third = (await sheet()).find((m) => m.volunteerId === members[2]);
    expect(third).toMatchObject({ probationary: true, suggestedGrade: null });
    const res = await admin.put(`/api/evaluation/year-end/${members[2]}/grade`, {
      year: 2026,
      grade: 'qualified',
      reason: '—',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'MEMBER_PROBATIONARY' });
  });

  it('confirms a suggestion, changes one only with a reason, and keeps 优秀 to a third of the branch', async () => {
    const first = (await sheet()).find((m) => m.volunteerId === members[0]);
    expect(first?.suggestedGrade).not.toBeNull();
    const other = first?.suggestedGrade === 'basic' ? 'qualified' : 'basic';
    const noReason = await admin.put(`/api/evaluation/year-end/${members[0]}/grade`, { year: 2026, grade: other });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'REASON_REQUIRED' });
    const before = await t.auditCount();
    const changed = await admin.put(`/api/evaluation/year-end/${members[0]}/grade`, {
      year: 2026,
      grade: other,
      reason: '全年有两个月未参加服务',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await t.auditCount()).toBe(before + 1);
    expect((await sheet()).find((m) => m.volunteerId === members[0])).toMatchObject({
      confirmedGrade: other,
      gradeReason: '全年有两个月未参加服务',
    });
    // Two graded members: a third of two is none, so 优秀 is refused.
    const excellent = await admin.put(`/api/evaluation/year-end/${members[1]}/grade`, {
      year: 2026,
      grade: 'excellent',
      reason: '表现突出',
    });
    expect(excellent.statusCode).toBe(409);
    expect(excellent.json()).toMatchObject({ code: 'EXCELLENT_QUOTA_EXCEEDED' });
  });

  it('exports one member’s sheet as Word, and lets the district change the rule', async () => {
    const res = await admin.get(`/api/evaluation/year-end/${members[0]}/sheet.docx?year=2026`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('2026年度党员评议参考表');
    expect(xml).toContain('全年有两个月未参加服务');
    const rule = { excellentFrom: 95, qualifiedFrom: 70, basicFrom: 50, excellentRequiresNoComplaint: false };
    expect((await admin.put('/api/evaluation/year-end/rule', rule)).statusCode).toBe(200);
    expect((await admin.get('/api/evaluation/year-end/rule')).json()).toEqual(rule);
    const bad = await admin.put('/api/evaluation/year-end/rule', { ...rule, basicFrom: 99 });
    expect(bad.statusCode).toBe(400);
  });
});
