import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import type { OrgUnit, OrgUnitSummary } from '../../../contract/org-units.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Page = { items: OrgUnit[]; total: number };

describe('GET /api/org-units', () => {
  it('shows a district admin the whole of 新罗区: 20 streets and towns and every community, village and enterprise', async () => {
    const c = await t.login('admin');
    const page = (await c.get('/api/org-units?limit=500')).json() as Page;
    expect(page.total).toBe(1 + 20 + 346 + 3);
    expect(page.items[0]?.name).toBe('新罗区');
    expect(page.items.filter((u) => u.level === 'street' || u.level === 'town')).toHaveLength(20);
    const children = (await c.get(`/api/org-units/${page.items[0]?.id}/children`)).json() as OrgUnit[];
    expect(children).toHaveLength(20);
    expect(children.every((u) => u.hasChildren)).toBe(true);
  });

  it('shows a street admin of 西城街道 only 西城街道 and what lies under it', async () => {
    const c = await t.login('xicheng');
    const page = (await c.get('/api/org-units?limit=500')).json() as Page;
    expect(page.items[0]?.name).toBe('西城街道');
    expect(page.items.map((u) => u.shortName)).toContain('西兴社区');
    expect(page.items.every((u) => u.code.startsWith('350802003'))).toBe(true);
    expect(page.total).toBe(page.items.length);
  });

  it('shows a community admin and a member only their own community', async () => {
    for (const user of ['xixing', 'zhangwanzhen']) {
      const page = (await (await t.login(user)).get('/api/org-units')).json() as Page;
      expect(page.items.map((u) => u.shortName)).toEqual(['西兴社区']);
    }
  });

  it('finds 西兴社区 by Chinese name, full pinyin and initials', async () => {
    const c = await t.login('admin');
    for (const q of ['西兴', 'xixing', 'xxsq', 'XXSQ']) {
      const page = (await c.get(`/api/org-units?q=${encodeURIComponent(q)}`)).json() as Page;
      expect(
        page.items.map((u) => u.shortName),
        q,
      ).toContain('西兴社区');
    }
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const page = (await (await t.login('admin')).get('/api/org-units?q=%25')).json() as Page;
    expect(page.total).toBe(0);
  });

  it('pages through a subtree in tree order', async () => {
    const c = await t.login('admin');
    const first = (await c.get('/api/org-units?limit=10&offset=0')).json() as Page;
    const second = (await c.get('/api/org-units?limit=10&offset=10')).json() as Page;
    expect(first.items).toHaveLength(10);
    expect((second.items[0]?.code ?? '') > (first.items[9]?.code ?? '')).toBe(true);
  });

  it('answers 404 for a subtree outside the actor’s scope', async () => {
    const dongcheng = await t.unitId('350802001000');
    const res = await (await t.login('xicheng')).get(`/api/org-units?under=${dongcheng}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('refuses bad paging', async () => {
    const c = await t.login('admin');
    expect((await c.get('/api/org-units?limit=0')).statusCode).toBe(400);
    expect((await c.get('/api/org-units?limit=abc')).statusCode).toBe(400);
    expect((await c.get('/api/org-units?level=province')).statusCode).toBe(400);
    expect((await c.get(`/api/org-units?q=${'长'.repeat(51)}`)).statusCode).toBe(400);
  });
});

describe('search results name each unit’s trail', () => {
  it('gives 西兴社区 its trail from the reader’s own unit down, in one page', async () => {
    const trail = async (user: string) => {
      const page = (await (await t.login(user)).get(`/api/org-units?q=${encodeURIComponent('西兴')}`)).json() as Page;
      return page.items.find((u) => u.shortName === '西兴社区')?.ancestors.map((a) => a.shortName);
    };
    expect(await trail('admin')).toEqual(['新罗区', '西城街道']);
    expect(await trail('xicheng')).toEqual(['西城街道']);
    expect(await trail('xixing')).toEqual([]);
  });
});

describe('GET /api/org-units/:id/summary', () => {
  const summaryOf = async (user: string, code: string) =>
    (await t.login(user)).get(`/api/org-units/${await t.unitId(code)}/summary`);

  it('counts a street’s studios, people, needs and venues and lists the first few of each', async () => {
    const res = await summaryOf('xicheng', '350802003000');
    expect(res.statusCode).toBe(200);
    const body = res.json() as OrgUnitSummary;
    expect(body.unit.shortName).toBe('西城街道');
    expect(body.unit.ancestors).toEqual([]);
    for (const part of [body.studios, body.people, body.needs, body.venues]) {
      expect(part?.total).toBeGreaterThan(0);
      expect(part?.items.length).toBe(Math.min(5, part?.total ?? 0));
    }
  });

  it('counts the unit and everything below it: a community’s counts add up to no more than its street’s', async () => {
    const street = (await summaryOf('admin', '350802003000')).json() as OrgUnitSummary;
    const community = (await summaryOf('admin', '350802003004')).json() as OrgUnitSummary;
    expect(community.unit.ancestors.map((a) => a.shortName)).toEqual(['新罗区', '西城街道']);
    expect(community.people?.total ?? 0).toBeLessThanOrEqual(street.people?.total ?? 0);
    expect(community.studios?.total ?? 0).toBeLessThanOrEqual(street.studios?.total ?? 0);
  });

  it('shows no phone number or ID number', async () => {
    const text = (await summaryOf('admin', '350802003000')).body;
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toContain('phone');
    expect(text).not.toContain('idNumber');
  });

  it('leaves out what the reader may not read: a member sees no needs', async () => {
    const body = (await summaryOf('zhangwanzhen', '350802003004')).json() as OrgUnitSummary;
    expect(body.needs).toBeNull();
    expect(body.studios).not.toBeNull();
  });

  it('answers 404 for another street’s unit and a unit that does not exist, 400 for a bad id', async () => {
    expect((await summaryOf('xicheng', '350802004001')).statusCode).toBe(404);
    expect((await summaryOf('xixing', '350802003000')).statusCode).toBe(404);
    const c = await t.login('xicheng');
    expect((await c.get('/api/org-units/99999999/summary')).statusCode).toBe(404);
    const bad = await c.get('/api/org-units/abc/summary');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/org-units/:id', () => {
  it('answers 404 for a unit of another street and for a unit that does not exist', async () => {
    const c = await t.login('xicheng');
    expect((await c.get(`/api/org-units/${await t.unitId('350802003004')}`)).statusCode).toBe(200);
    expect((await c.get(`/api/org-units/${await t.unitId('350802004001')}`)).statusCode).toBe(404);
    expect((await c.get('/api/org-units/99999999')).statusCode).toBe(404);
    expect((await c.get('/api/org-units/abc')).statusCode).toBe(400);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units/1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /api/org-units', () => {
  it('lets a street admin add an enterprise under its street, audited with the new values', async () => {
    const c = await t.login('xicheng');
    const parentId = await t.unitId('350802003000');
    const res = await c.post('/api/org-units', {
      parentId,
      code: '350802003E02',
      name: '西城商务楼宇党支部',
      level: 'enterprise',
      lng: 117.02,
      lat: 25.09,
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json() as OrgUnit;
    expect(unit).toMatchObject({ parentId, level: 'enterprise', postKind: 'point', depth: 2 });
    const found = (await c.get('/api/org-units?q=xcswly')).json() as Page;
    expect(found.items.map((u) => u.id)).toContain(unit.id);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'orgUnit')
      .where('entity_id', '=', String(unit.id))
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('create');
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ code: '350802003E02', name: '西城商务楼宇党支部' });
  });

  it('answers a repeated page byte for byte, and shows an added or renamed unit on the next request', async () => {
    const c = await t.login('xicheng');
    const url = '/api/org-units?limit=500';
    const first = await c.get(url);
    const again = await c.get(url);
    expect(again.statusCode).toBe(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.body).toBe(first.body);
    const before = first.json() as Page;

    const added = await c.post('/api/org-units', {
      parentId: before.items[0]?.id,
      code: '350802003E09',
      name: '西城物流园党支部',
      level: 'enterprise',
      lng: 117.02,
      lat: 25.09,
    });
    expect(added.statusCode).toBe(201);
    const after = (await c.get(url)).json() as Page;
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((u) => u.name)).toContain('西城物流园党支部');

    const id = (added.json() as OrgUnit).id;
    expect((await c.patch(`/api/org-units/${id}`, { name: '西城智慧物流园党支部' })).statusCode).toBe(200);
    const renamed = (await c.get(url)).json() as Page;
    expect(renamed.items.map((u) => u.name)).toContain('西城智慧物流园党支部');
    expect(renamed.items.map((u) => u.name)).not.toContain('西城物流园党支部');
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    const c = await t.login('admin');
    const before = await t.auditCount();
    const res = await c.post('/api/org-units', {
      parentId: await t.unitId('350802003000'),
      code: '350802003004',
      name: 'x',
      level: 'community',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNIT_CODE_TAKEN');
    expect(await t.auditCount()).toBe(before);
  });

  it('refuses a level that does not fit under the parent', async () => {
    const c = await t.login('admin');
    const res = await c.post('/api/org-units', {
      parentId: await t.unitId('350802003004'),
      code: 'X1',
      name: 'x',
      level: 'enterprise',
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers 404 to a street admin adding under another street, and 403 to a community admin', async () => {
    const other = await t.unitId('350802004000');
    expect(
      (
        await (
          await t.login('xicheng')
        ).post('/api/org-units', { parentId: other, code: 'X2', name: 'x', level: 'enterprise' })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.login('xixing')
        ).post('/api/org-units', { parentId: other, code: 'X3', name: 'x', level: 'enterprise' })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses codes with a path separator, out-of-range coordinates and over-long names', async () => {
    const c = await t.login('admin');
    const parentId = await t.unitId('350802003000');
    expect((await c.post('/api/org-units', { parentId, code: 'a/b', name: 'x', level: 'enterprise' })).statusCode).toBe(
      400,
    );
    expect(
      (await c.post('/api/org-units', { parentId, code: 'X4', name: 'x', level: 'enterprise', lng: 500 })).statusCode,
    ).toBe(400);
    expect(
      (await c.post('/api/org-units', { parentId, code: 'X5', name: '名'.repeat(101), level: 'enterprise' }))
        .statusCode,
    ).toBe(400);
  });
});

describe('PATCH /api/org-units/:id', () => {
  it('lets a community admin change its post kind and address, auditing before and after', async () => {
    const c = await t.login('xixing');
    const id = await t.unitId('350802003004');
    const res = await c.patch(`/api/org-units/${id}`, { postKind: 'station', address: '西兴社区党群服务中心' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ postKind: 'station', address: '西兴社区党群服务中心' });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'orgUnit')
      .where('action', '=', 'update')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json ?? '{}')).toMatchObject({ postKind: 'point', address: null });
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({
      postKind: 'station',
      address: '西兴社区党群服务中心',
    });
    expect(audit.actor_name).toBe('xixing');
  });

  it('answers 404 for a neighbouring community and 403 to a member', async () => {
    expect(
      (await (await t.login('xixing')).patch(`/api/org-units/${await t.unitId('350802003001')}`, { address: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.login('zhangwanzhen')
        ).patch(`/api/org-units/${await t.unitId('350802003004')}`, { address: 'x' })
      ).statusCode,
    ).toBe(403);
  });
});

describe('what the actor may do with a unit (allowedActions)', () => {
  it('lets a street admin edit its units and add units under the street, not under a community', async () => {
    const page = (await (await t.login('xicheng')).get('/api/org-units?limit=500')).json() as Page;
    expect(page.items[0]?.allowedActions).toEqual(['update', 'create']);
    expect(page.items.find((u) => u.shortName === '西兴社区')?.allowedActions).toEqual(['update']);
  });

  it('lets a community admin edit its community only, and a member do nothing', async () => {
    const admin = (await (await t.login('xixing')).get('/api/org-units')).json() as Page;
    expect(admin.items.map((u) => u.allowedActions)).toEqual([['update']]);
    const member = (await (await t.login('zhangwanzhen')).get('/api/org-units')).json() as Page;
    expect(member.items.map((u) => u.allowedActions)).toEqual([[]]);
  });
});
