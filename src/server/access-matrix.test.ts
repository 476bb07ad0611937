import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { roleMayEver, rules } from '../domain/access/rules.ts';
import { roles, type Role } from '../domain/access/roles.ts';
import type { RouteAccess } from './context.ts';

/**
 * Every API route × every role × an object inside and an object outside the actor's
 * scope. The expected answer comes from the access rules in src/domain/access: a role
 * with no rule gets 403, an out-of-scope object 404, and otherwise the call succeeds.
 * A route missing from `requests` below fails the test, so no route goes unchecked.
 */

const demoUserOf: Record<Role, string> = {
  district_admin: 'admin',
  street_admin: 'xicheng',
  community_admin: 'xixing',
  member: 'zhangwanzhen',
  supervisor: 'jiandu',
};

interface Ids {
  xixing: number; // 西兴社区: inside every demo actor's scope
  xicheng: number; // 西城街道
  zhongcheng: number; // 中城街道: outside every actor's scope but the district admin's
  zhongchengCommunity: number;
  memberAccount: number;
  zhongchengAccount: number;
}

type Build = (ids: Ids, n: number) => InjectOptions;
const requests: Record<string, { inScope: Build; outOfScope?: Build }> = {
  'GET /api/health': { inScope: () => ({ method: 'GET', url: '/api/health' }) },
  'POST /api/auth/login': { inScope: () => ({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Huimin@2026' } }) },
  'POST /api/auth/logout': { inScope: () => ({ method: 'POST', url: '/api/auth/logout' }) },
  'GET /api/auth/me': { inScope: () => ({ method: 'GET', url: '/api/auth/me' }) },
  'PUT /api/auth/me/settings': { inScope: () => ({ method: 'PUT', url: '/api/auth/me/settings', payload: { largeFont: false } }) },
  'POST /api/auth/password': {
    inScope: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'Huimin@2026', newPassword: 'Huimin@2026' } }),
  },
  'GET /api/org-units': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units?under=${i.zhongcheng}` }),
  },
  'GET /api/org-units/:id': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.zhongchengCommunity}` }),
  },
  'GET /api/org-units/:id/children': {
    inScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.xixing}/children` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/org-units/${i.zhongcheng}/children` }),
  },
  'POST /api/org-units': {
    // Units can only be added under a street; 西城街道 is in scope for the roles that may add units.
    inScope: (i, n) => ({ method: 'POST', url: '/api/org-units', payload: { parentId: i.xicheng, code: `M${n}`, name: `矩阵测试${n}`, level: 'enterprise' } }),
    outOfScope: (i, n) => ({ method: 'POST', url: '/api/org-units', payload: { parentId: i.zhongcheng, code: `N${n}`, name: `矩阵测试${n}`, level: 'enterprise' } }),
  },
  'PATCH /api/org-units/:id': {
    inScope: (i) => ({ method: 'PATCH', url: `/api/org-units/${i.xixing}`, payload: { address: '西兴社区' } }),
    outOfScope: (i) => ({ method: 'PATCH', url: `/api/org-units/${i.zhongchengCommunity}`, payload: { address: 'x' } }),
  },
  'GET /api/accounts': {
    inScope: (i) => ({ method: 'GET', url: `/api/accounts?under=${i.xixing}` }),
    outOfScope: (i) => ({ method: 'GET', url: `/api/accounts?under=${i.zhongcheng}` }),
  },
  'POST /api/accounts': {
    inScope: (i, n) => ({ method: 'POST', url: '/api/accounts', payload: { username: `matrix${n}`, displayName: '测试', password: 'Strong#Pass1', role: 'member', unitId: i.xixing } }),
    outOfScope: (i, n) => ({ method: 'POST', url: '/api/accounts', payload: { username: `matrix${n}`, displayName: '测试', password: 'Strong#Pass1', role: 'member', unitId: i.zhongchengCommunity } }),
  },
  'POST /api/accounts/:id/unlock': {
    inScope: (i) => ({ method: 'POST', url: `/api/accounts/${i.memberAccount}/unlock` }),
    outOfScope: (i) => ({ method: 'POST', url: `/api/accounts/${i.zhongchengAccount}/unlock` }),
  },
  'PUT /api/accounts/:id/disabled': {
    inScope: (i) => ({ method: 'PUT', url: `/api/accounts/${i.memberAccount}/disabled`, payload: { disabled: false } }),
    outOfScope: (i) => ({ method: 'PUT', url: `/api/accounts/${i.zhongchengAccount}/disabled`, payload: { disabled: false } }),
  },
  'GET /api/audit-log': { inScope: () => ({ method: 'GET', url: '/api/audit-log' }) },
};

function expectedStatus(access: RouteAccess, role: Role, inScope: boolean): 'ok' | 403 | 404 {
  if ('public' in access || 'authenticated' in access) return 'ok';
  if (!roleMayEver(role, access.action, access.subject)) return 403;
  return inScope ? 'ok' : 404;
}

let t: TestApp;
let ids: Ids;
let counter = 0;
beforeAll(async () => {
  t = await createTestApp();
  const account = async (u: string) => (await t.db.selectFrom('accounts').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  ids = {
    xixing: await t.unitId('350802003004'),
    xicheng: await t.unitId('350802003000'),
    zhongcheng: await t.unitId('350802004000'),
    zhongchengCommunity: await t.unitId('350802004001'),
    memberAccount: await account('zhangwanzhen'),
    zhongchengAccount: await account('zhongcheng'),
  };
});
afterAll(() => t.close());

describe('the access matrix', () => {
  it('has a request for every API route, and every rule-checked route has at least one rule', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(10);
    for (const r of t.app.routeAccess) {
      const key = `${r.method} ${r.url}`;
      expect(requests[key], `no access-matrix entry for ${key}`).toBeDefined();
      const access = r.access;
      if ('action' in access) expect(rules.some((x) => x.action === access.action && x.subject === access.subject), key).toBe(true);
    }
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of t.app.routeAccess) {
      if ('public' in r.access) continue;
      const res = await t.app.inject(requests[`${r.method} ${r.url}`]?.inScope(ids, ++counter) ?? { url: '/' });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  for (const role of roles) {
    it(`gives a ${role} what the rules allow: success in scope, 404 out of scope, 403 without a rule`, async () => {
      for (const r of t.app.routeAccess) {
        const key = `${r.method} ${r.url}`;
        const entry = requests[key];
        if (!entry) continue;
        const cases: Array<[boolean, Build]> = [[true, entry.inScope]];
        // The district admin's scope is the whole demo district: nothing lies outside it.
        if (entry.outOfScope && role !== 'district_admin') cases.push([false, entry.outOfScope]);
        for (const [inScope, build] of cases) {
          // A fresh session per call: logout and password changes end sessions.
          const client = await signIn(t.app, demoUserOf[role]);
          const res = await client.request(build(ids, ++counter));
          const expected = expectedStatus(r.access, role, inScope);
          const label = `${role} ${key} ${inScope ? 'in' : 'out of'} scope → ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (expected === 'ok') expect(res.statusCode < 300, label).toBe(true);
          else expect(res.statusCode, label).toBe(expected);
        }
      }
    });
  }
});
