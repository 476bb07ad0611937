import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { applicationFor, createStudio } from '../../../../test/factories/studios.ts';
import type { StudioDetail } from '../../../contract/studios.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pass = { pass: true, comment: '符合要求' };
const review = { politicalQuality: pass, professionalSpecialty: pass, serviceItems: pass, decision: 'pass' };

describe('a studio from application to revocation', () => {
  it('goes through every step by the right people, each audited and in the history', async () => {
    const member = await t.login('zhangwanzhen');
    const community = await t.login('xixing');
    const street = await t.login('xicheng');

    const created = await member.post('/api/studios', await applicationFor(t.db));
    expect(created.statusCode).toBe(201);
    const draft = created.json() as StudioDetail;
    expect(draft).toMatchObject({
      status: 'draft',
      origin: 'self',
      applicantName: '张婉珍',
      allowedActions: ['edit', 'submit'],
    });
    const id = draft.id;

    const steps: Array<[typeof member, string, unknown, string]> = [
      [member, 'submit', undefined, 'submitted'],
      [community, 'community-review', review, 'community_reviewed'],
      [street, 'street-review', review, 'approved'],
      [
        street,
        'contract',
        {
          termStart: '2026-12-01',
          termEnd: '2028-11-30',
          signatories: [
            { party: '甲方', name: '中共西城街道工作委员会' },
            { party: '乙方', name: '张婉珍' },
          ],
        },
        'contracted',
      ],
      [street, 'plaque', { awardedOn: '2026-11-25' }, 'active'],
      [
        community,
        'rectification',
        { kind: 'drift_bureaucratic', findings: '服务时间经常变动，群众找不到人', deadline: '2026-12-25' },
        'rectification',
      ],
      [street, 'rectification/complete', { outcome: '已固定服务时间并公示' }, 'active'],
      [street, 'revoke', { reason: '群众反映强烈', decidedOn: '2026-11-25' }, 'revoked'],
    ];
    for (const [client, path, body, expected] of steps) {
      const res = await client.post(`/api/studios/${id}/${path}`, body);
      expect(res.statusCode, `${path}: ${res.body.slice(0, 200)}`).toBe(200);
      expect((res.json() as StudioDetail).status).toBe(expected);
    }

    const final = (await street.get(`/api/studios/${id}`)).json() as StudioDetail;
    expect(final.reviews.map((r) => r.stage)).toEqual(['community', 'street']);
    expect(final.contracts[0]).toMatchObject({ termStart: '2026-12-01', termEnd: '2028-11-30', renewal: false });
    expect(final.plaques[0]?.number).toMatch(/^XL-2026-\d{4}$/);
    expect(final.plaques[0]?.retiredReason).toBe('群众反映强烈');
    expect(final.rectifications[0]).toMatchObject({ kind: 'drift_bureaucratic', outcome: '已固定服务时间并公示' });
    expect(final.history.map((h) => h.toStatus)).toEqual([
      'draft',
      'submitted',
      'community_reviewed',
      'approved',
      'contracted',
      'active',
      'rectification',
      'active',
      'revoked',
    ]);
    expect(final.allowedActions).toEqual([]);

    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'studio')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'submit',
      'communityReview',
      'streetReview',
      'sign',
      'award',
      'rectify',
      'completeRectification',
      'revoke',
    ]);

    const publicPage = await t.app.inject({ method: 'GET', url: `/api/public/studios/${id}` });
    expect(publicPage.json()).toMatchObject({
      status: 'revoked',
      serving: false,
      statusNote: '群众反映强烈',
      commitments: [],
    });
  });
});

describe('refusals', () => {
  it('refuse an illegal transition with 409 and change nothing', async () => {
    const { id } = await createStudio(t.db, { status: 'submitted' });
    const street = await t.login('xicheng');
    const before = await t.auditCount();
    const res = await street.post(`/api/studios/${id}/plaque`, { awardedOn: '2026-11-25' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect(res.json().message).toContain('submitted');
    expect(await t.auditCount()).toBe(before);
    expect(
      (await t.db.selectFrom('studios').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
    ).toBe('submitted');
  });

  it('refuse the street review to a community admin (403) and to another street (404)', async () => {
    const { id } = await createStudio(t.db, { status: 'community_reviewed' });
    expect((await (await t.login('xixing')).post(`/api/studios/${id}/street-review`, review)).statusCode).toBe(403);
    expect((await (await t.login('zhongcheng')).post(`/api/studios/${id}/street-review`, review)).statusCode).toBe(404);
  });

  it('require a reason to reject, and keep it as the studio’s status reason', async () => {
    const { id } = await createStudio(t.db, { status: 'submitted' });
    const community = await t.login('xixing');
    const failed = { ...review, serviceItems: { pass: false, comment: '服务项目不具体' }, decision: 'fail' };
    expect((await community.post(`/api/studios/${id}/community-review`, failed)).json().code).toBe('REASON_REQUIRED');
    const res = await community.post(`/api/studios/${id}/community-review`, {
      ...failed,
      reason: '服务项目不具体，请补充后重新申办',
    });
    expect(res.json()).toMatchObject({ status: 'rejected', statusReason: '服务项目不具体，请补充后重新申办' });
    const reopened = await (await t.login('zhangwanzhen')).post(`/api/studios/${id}/reopen`);
    expect(reopened.json().status).toBe('draft');
  });

  it('refuse a review with an item nobody judged (REVIEW_INCOMPLETE), the pass as much as the fail', async () => {
    const { id } = await createStudio(t.db, { status: 'submitted' });
    const community = await t.login('xixing');
    const before = await t.auditCount();
    const unjudged = { ...review, politicalQuality: { pass: null, comment: '' } };
    const pass = await community.post(`/api/studios/${id}/community-review`, unjudged);
    expect(pass.statusCode).toBe(400);
    expect(pass.json()).toMatchObject({ code: 'REVIEW_INCOMPLETE' });
    const { serviceItems: _left, ...withoutItem } = review;
    const omitted = await community.post(`/api/studios/${id}/community-review`, withoutItem);
    expect(omitted.json()).toMatchObject({ code: 'REVIEW_INCOMPLETE' });
    const fail = { ...unjudged, decision: 'fail', reason: '材料不全' };
    expect((await community.post(`/api/studios/${id}/community-review`, fail)).json().code).toBe('REVIEW_INCOMPLETE');
    expect(await t.auditCount()).toBe(before);
  });

  it('never give a plaque number twice, even after revocation', async () => {
    const street = await t.login('xicheng');
    const first = await createStudio(t.db, { status: 'contracted' });
    expect(
      (await street.post(`/api/studios/${first.id}/plaque`, { plaqueNumber: 'XL-TEST-77', awardedOn: '2026-11-25' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await street.post(`/api/studios/${first.id}/revoke`, { reason: '测试', decidedOn: '2026-11-25' })).statusCode,
    ).toBe(200);
    const second = await createStudio(t.db, { status: 'contracted' });
    const res = await street.post(`/api/studios/${second.id}/plaque`, {
      plaqueNumber: 'XL-TEST-77',
      awardedOn: '2026-11-25',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('PLAQUE_NUMBER_TAKEN');
    const generated = await street.post(`/api/studios/${second.id}/plaque`, { awardedOn: '2026-11-25' });
    expect(generated.json().plaqueNumber).not.toBe('XL-TEST-77');
  });

  it('refuse an application that records a fee anywhere, or has a fee field', async () => {
    const member = await t.login('zhangwanzhen');
    const app = await applicationFor(t.db);
    const feeInItem = await member.post('/api/studios', {
      ...app,
      serviceItems: [{ title: '书法培训', description: '每次收费 20 元' }],
    });
    expect(feeInItem.statusCode).toBe(400);
    expect(feeInItem.json().code).toBe('FEE_NOT_ALLOWED');
    expect(feeInItem.json().issues).toMatchObject([{ path: 'body.serviceItems.0.description' }]);
    expect((await member.post('/api/studios', { ...app, fee: 0 })).json().code).toBe('VALIDATION_FAILED');
  });

  it('refuse a member applying to lead a studio as someone else, or in another community', async () => {
    const member = await t.login('zhangwanzhen');
    const other = await t.db
      .selectFrom('volunteers')
      .select('id')
      .where('name', '=', '陈美玲')
      .executeTakeFirstOrThrow();
    expect(
      (await member.post('/api/studios', { ...(await applicationFor(t.db)), leaderVolunteerId: other.id })).statusCode,
    ).toBe(400);
    expect((await member.post('/api/studios', await applicationFor(t.db, 'zhongcheng'))).statusCode).toBe(404);
  });

  it('refuse to submit an incomplete team application', async () => {
    const member = await t.login('zhangwanzhen');
    const draft = (
      await member.post('/api/studios', { ...(await applicationFor(t.db)), staffingMode: 'team' })
    ).json() as StudioDetail;
    const res = await member.post(`/api/studios/${draft.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'APPLICATION_INCOMPLETE' });
  });

  it('let a community admin recommend (推荐) a member’s studio', async () => {
    const res = await (
      await t.login('xixing')
    ).post('/api/studios', await applicationFor(t.db, 'xixing', '推荐的书法工作室'));
    expect(res.json()).toMatchObject({ origin: 'recommended', recommendedByUnitName: '西兴社区居委会' });
  });

  it('renew before the term ends, not after', async () => {
    const street = await t.login('xicheng');
    const soon = await createStudio(t.db, { status: 'active', termEnd: '2026-12-20' });
    const renewed = await street.post(`/api/studios/${soon.id}/renew`, { termEnd: '2028-12-31' });
    expect(renewed.json()).toMatchObject({ status: 'active', termEnd: '2028-12-31' });
    const late = await createStudio(t.db, { status: 'active', termEnd: '2026-11-01' });
    expect((await street.post(`/api/studios/${late.id}/renew`, { termEnd: '2028-12-31' })).json().code).toBe(
      'RENEWAL_TOO_LATE',
    );
  });
});

describe('GET /api/studios/candidates', () => {
  it('gives a member the party members of its community by name only, itself among them', async () => {
    const member = await t.login('zhangwanzhen');
    const res = await member.get('/api/studios/candidates');
    expect(res.statusCode).toBe(200);
    const items = res.json() as Array<Record<string, unknown>>;
    expect(items.length).toBeGreaterThan(1);
    expect(items.find((c) => c.name === '张婉珍')?.accountId).toEqual(expect.any(Number));
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['accountId', 'id', 'name', 'profession']);
    expect((await member.get(`/api/studios/candidates?under=${await t.unitId('350802004001')}`)).statusCode).toBe(404);
    expect((await (await t.login('jiandu')).get('/api/studios/candidates')).statusCode).toBe(403);
  });
});

describe('GET /api/studios', () => {
  it('lists the studios of the actor’s street, filtered by status, and a member’s own with mine=1', async () => {
    const street = await t.login('xicheng');
    const page = (await street.get('/api/studios?limit=200')).json() as {
      items: Array<{ unitName: string; status: string }>;
    };
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((s) => !s.unitName.includes('青草盂'))).toBe(true);
    const active = (await street.get('/api/studios?status=active&limit=200')).json() as {
      items: Array<{ status: string }>;
    };
    expect(active.items.every((s) => s.status === 'active')).toBe(true);
    const mine = (await (await t.login('zhangwanzhen')).get('/api/studios?mine=1&limit=200')).json() as {
      items: Array<{ name: string }>;
    };
    expect(mine.items.map((s) => s.name)).toContain('婉珍文艺专业服务室');
  });

  it('holds the demo studios in every state, including the three the bulletin names', async () => {
    const rows = await t.db.selectFrom('studios').select(['name', 'status']).execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set([
        'draft',
        'submitted',
        'community_reviewed',
        'approved',
        'rejected',
        'contracted',
        'active',
        'rectification',
        'revoked',
        'closed',
      ]),
    );
    for (const name of ['来发医疗卫生专业服务室', '婉珍文艺专业服务室', '柏先生猪养殖技术服务室']) {
      expect(rows.find((r) => r.name === name)?.status).toBe('active');
    }
  });

  it('masks members’ phones for every role; an admin reveals one through the registry, and the read is logged', async () => {
    const id = (
      await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
    ).id;
    for (const user of ['zhangwanzhen', 'xixing']) {
      const detail = (await (await t.login(user)).get(`/api/studios/${id}`)).json() as StudioDetail;
      expect(detail.members[0]?.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    }
    const admin = await t.login('xixing');
    const leader = ((await admin.get(`/api/studios/${id}`)).json() as StudioDetail).members[0];
    const contact = await admin.get(`/api/volunteers/${leader?.volunteerId}/contact`);
    expect(contact.json().phone).toMatch(/^\d{11}$/);
    const logged = await t.db
      .selectFrom('audit_log')
      .select(['actor_name'])
      .where('action', '=', 'personal.read')
      .where('entity_id', '=', String(leader?.volunteerId))
      .execute();
    expect(logged.map((l) => l.actor_name)).toEqual(['xixing']);
    expect(
      (await (await t.login('zhangwanzhen')).get(`/api/volunteers/${leader?.volunteerId}/contact`)).statusCode,
    ).toBe(403);
  });
});
