import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.ts';
import { rules } from '../domain/access/rules.ts';
import { roles, type Role } from '../domain/access/roles.ts';
import type { AccessCase, Scene } from '../../test/access/case.ts';
import { allAccessCases, demoUserOf, sceneMaker, type Where } from '../../test/access/all-cases.ts';

/**
 * Every API route × every role × an object inside and an object outside the actor's scope (and,
 * for a role allowed only on its own objects, another member's). Each feature keeps its routes'
 * cases beside them (`features/<area>/<area>.access.ts`): how to build the call, and who may make
 * it, written by hand. A role not allowed gets 403, an object out of scope (or another member's)
 * 404, and otherwise the call succeeds. A route no case covers fails the test, so no route goes
 * unchecked; access-cases.test.ts holds the cases to the policy table.
 */

const cases = allAccessCases();

/** A role not allowed gets 403; out of scope, or on another member's object under an `own` rule, 404. */
function expectedStatus(c: AccessCase, role: Role, where: Where): 'ok' | 403 | 404 {
  if (c.allowed === 'anyone' || c.allowed === 'signedIn') return 'ok';
  if (!c.allowed.includes(role)) return 403;
  return where === 'inScope' ? 'ok' : 404;
}

let t: TestApp;
let scene: (where: Where) => Promise<Scene>;
beforeAll(async () => {
  t = await createTestApp();
  scene = sceneMaker(t.db);
});
afterAll(() => t.close());

describe('the access matrix', () => {
  it('has a case for every API route, and every rule-checked route has at least one rule', () => {
    expect(t.app.routeAccess.length).toBeGreaterThan(10);
    for (const r of t.app.routeAccess) {
      const key = `${r.method} ${r.url}`;
      expect(cases.get(key), `no access case for ${key} in any features/*/*.access.ts`).toBeDefined();
      const access = r.access;
      if ('action' in access)
        expect(
          rules.some((x) => x.action === access.action && x.subject === access.subject),
          key,
        ).toBe(true);
    }
  });

  it('has no case for a route the server does not have', () => {
    const served = new Set(t.app.routeAccess.map((r) => `${r.method} ${r.url}`));
    for (const [key, c] of cases) expect(served.has(key), `${key} (${c.module})`).toBe(true);
  });

  it('answers 401 to every route not open to anyone without a session', async () => {
    for (const r of t.app.routeAccess) {
      const key = `${r.method} ${r.url}`;
      const c = cases.get(key);
      if (!c || c.allowed === 'anyone') continue;
      const res = await t.app.inject(await c.call(await scene('inScope')));
      expect(res.statusCode, key).toBe(401);
    }
  });

  for (const role of roles) {
    it(`gives a ${role} what its cases allow: success in scope, 404 out of scope or not its own, 403 when not allowed`, async () => {
      let client = await signIn(t.app, demoUserOf[role]);
      for (const r of t.app.routeAccess) {
        const key = `${r.method} ${r.url}`;
        const c = cases.get(key);
        if (!c) continue;
        // The district admin's scope is the whole demo district: nothing lies outside it.
        const calls: Where[] = ['inScope'];
        if (c.scoped && role !== 'district_admin') calls.push('outOfScope');
        if (c.ownedBy?.includes(role) && !c.list) calls.push('othersOwn');
        for (const where of calls) {
          const made = await scene(where);
          const res = await client.request(await c.call(made));
          await c.restore?.(made);
          if (c.endsSession) client = await signIn(t.app, demoUserOf[role]);
          const expected = expectedStatus(c, role, where);
          const label = `${role} ${key} ${where} → ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (expected === 'ok') expect(res.statusCode < 300, label).toBe(true);
          else expect(res.statusCode, label).toBe(expected);
        }
      }
      // Every route, in and out of scope: a few hundred calls, and more as lists gain exports.
    }, 120_000);
  }
});
