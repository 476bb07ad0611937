import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { rules, roleMayEver } from '../domain/access/rules.ts';
import { roles } from '../domain/access/roles.ts';
import { allAccessCases } from '../../test/access/all-cases.ts';

/**
 * The access matrix checks the server against hand-written cases; this checks those cases
 * against the policy table (src/domain/access/rules.ts and the lifecycles it gathers). When one
 * changes without the other this fails, so a change of who may do what is made twice, on purpose.
 */

const cases = allAccessCases();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

describe('the hand-written access cases', () => {
  it('were found in every feature that has routes', () => {
    const modules = new Set([...cases.values()].map((c) => c.module));
    expect(modules.size).toBeGreaterThanOrEqual(15);
  });

  it('allow exactly the roles the policy table allows, and mark its `own` rules', () => {
    for (const r of t.app.routeAccess) {
      const key = `${r.method} ${r.url}`;
      const c = cases.get(key);
      expect(c, key).toBeDefined();
      if (!c) continue;
      const access = r.access;
      if ('public' in access) {
        expect(c.allowed, key).toBe('anyone');
        continue;
      }
      if ('authenticated' in access) {
        expect(c.allowed, key).toBe('signedIn');
        continue;
      }
      const mayEver = roles.filter((role) => roleMayEver(role, access.action, access.subject));
      expect(Array.isArray(c.allowed) ? [...c.allowed].sort() : c.allowed, key).toEqual([...mayEver].sort());
      const onlyOwn = mayEver.filter((role) =>
        rules
          .filter((x) => x.role === role && x.action === access.action && x.subject === access.subject)
          .every((x) => x.condition === 'own'),
      );
      expect([...(c.ownedBy ?? [])].sort(), `${key}: roles allowed only on their own objects`).toEqual(onlyOwn.sort());
    }
  });

  it('call out of scope only what the policy scopes', () => {
    for (const r of t.app.routeAccess) {
      const c = cases.get(`${r.method} ${r.url}`);
      const access = r.access;
      if (!c?.scoped) continue;
      // An out-of-scope call expects 404, which only a rule with a scope condition can give.
      expect('action' in access, `${r.method} ${r.url}`).toBe(true);
      if ('action' in access)
        expect(
          rules.some((x) => x.action === access.action && x.subject === access.subject && x.condition !== 'any'),
          `${r.method} ${r.url}`,
        ).toBe(true);
    }
  });
});
