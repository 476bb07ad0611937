import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { residentRoutes } from '../src/contract/resident-paths.ts';
import type { Role } from '../src/domain/access/roles.ts';
import { menuFor } from '../src/web/app/navigation.ts';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';

// Issue 9, finding 4: every page is served with a Content-Security-Policy that allows no inline
// script, and every page of the console and of the residents' site works under it. Any
// violation the browser reports (a `securitypolicyviolation` event, or its console message)
// fails the test, so a new inline script or an unlisted host is caught here.

const e2e = useE2E();

const roleUsers: Array<[Role, DemoUser]> = [
  ['district_admin', 'admin'],
  ['street_admin', 'xicheng'],
  ['community_admin', 'xixing'],
  ['member', 'zhangwanzhen'],
  ['supervisor', 'jiandu'],
];

interface Watched {
  context: BrowserContext;
  page: Page;
  violations: () => Promise<string[]>;
}

async function watchedPage(): Promise<Watched> {
  const { context, page } = await openPage(e2e.browser, e2e.url);
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  const violations = async () => {
    const reported = await page
      .evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
      .catch(() => []);
    return [...reported, ...fromConsole];
  };
  return { context, page, violations };
}

/** Opens a path and lets it settle: its requests answered, its scripts and styles applied. */
async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.headers()['content-security-policy'], path).toContain("script-src 'self'");
  await page.waitForLoadState('networkidle');
}

describe('Content-Security-Policy on every page', () => {
  it('sends the policy, X-Frame-Options and no inline script allowance with the pages', async () => {
    const res = await fetch(`${e2e.url}/login`);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each(roleUsers)(
    'shows every console page of a %s without a violation, antd styles applied',
    { timeout: 180_000 },
    async (role, user) => {
      const { context, page, violations } = await watchedPage();
      const login = new LoginPage(page);
      await login.goto();
      await login.signInAs(user);
      for (const item of menuFor(role)) {
        await visit(page, item.path);
        // antd's CSS-in-JS styles arrive as <style> elements: the policy must let them apply.
        await expect.poll(() => page.locator('style').count(), { message: `${role} ${item.path}` }).toBeGreaterThan(0);
        expect(await violations(), `${role} ${item.path}`).toEqual([]);
      }
      await context.close();
    },
  );

  it('shows every resident page without a violation', async () => {
    const { context, page, violations } = await watchedPage();
    const units = (await (await fetch(`${e2e.url}/api/public/units`)).json()) as Array<{ id: number }>;
    const unitId = units[0]?.id ?? 1;
    const board = (await (await fetch(`${e2e.url}/api/public/units/${unitId}/board`)).json()) as {
      studios?: Array<{ id: number }>;
    };
    const studioId = board.studios?.[0]?.id ?? 1;
    const values: Record<string, string> = { id: String(studioId), unitId: String(unitId), code: 'ABCDEFGH' };
    for (const route of residentRoutes) {
      const path = route.replace(/:(\w+)/g, (_, name: string) => values[name] ?? '1');
      await visit(page, path);
      expect(await violations(), path).toEqual([]);
    }
    await context.close();
  });
});

describe('the map tile attribution (stored XSS)', () => {
  it('shows an attribution holding markup as text, and nothing in it runs', async () => {
    const { context, page, violations } = await watchedPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('admin');
    const me = (await (await context.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const attribution = '<img src=x onerror="document.title=\'pwned\'">© 测试底图';
    const saved = await context.request.put('/api/map/settings', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        tiles: { kind: 'osm', url: `${e2e.url}/tiles/{z}/{x}/{y}.png`, attribution },
        coverageRadiusM: 1000,
      },
    });
    expect(saved.status()).toBe(200);
    await visit(page, '/map');
    const credit = page.locator('.leaflet-control-attribution');
    await expect.poll(textOf(credit)).toContain('<img src=x onerror=');
    await expect.poll(textOf(credit)).toContain('© 测试底图');
    expect(await countOf(credit.locator('img'))()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
