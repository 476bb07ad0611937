import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { WorkbenchPage } from './pages/workbench.page.ts';

const e2e = useE2E();

/** Every built script (assets/) the page has fetched so far, by file name, with the encoding and caching it came with. */
function scriptsOf(page: Page) {
  const scripts = new Map<string, { encoding: string; cacheControl: string }>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/assets/') || !url.pathname.endsWith('.js')) return;
    const headers = response.headers();
    scripts.set(url.pathname, {
      encoding: headers['content-encoding'] ?? 'identity',
      cacheControl: headers['cache-control'] ?? '',
    });
  });
  return scripts;
}

// The chunks of one page (Vite names a lazy page's chunk after it), of the signed-in frame, and
// of the two large libraries that only the dashboard and the map need.
const FEATURE_CHUNK = /Page-[\w-]+\.js$|AppLayout|echarts|leaflet/i;
const HEAVY_CHUNK = /echarts|leaflet|MapPage|DashboardPage/i;

describe('what the console downloads first', () => {
  it('opens the login page without any feature page, the frame, ECharts or Leaflet, compressed and cached', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const scripts = scriptsOf(page);
    const login = new LoginPage(page);
    await login.goto();
    await page.waitForLoadState('networkidle');

    const names = [...scripts.keys()];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => FEATURE_CHUNK.test(n))).toEqual([]);
    for (const [name, { encoding, cacheControl }] of scripts) {
      expect(cacheControl, name).toBe('public, max-age=31536000, immutable');
      // Files under 1 KiB are not worth compressing (src/web/build/precompress.ts).
      if (encoding === 'identity') continue;
      expect(encoding, name).toBe('br');
    }
    expect([...scripts.values()].filter((s) => s.encoding === 'br').length).toBeGreaterThan(names.length / 2);
    await context.close();
  });

  it('opens the 工作台 after signing in without ECharts, Leaflet or the map and dashboard pages', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    const scripts = scriptsOf(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signInAs('xicheng');
    const workbench = new WorkbenchPage(page);
    await workbench.settled();
    await page.waitForLoadState('networkidle');

    const names = [...scripts.keys()];
    expect(names.some((n) => /WorkbenchPage/.test(n))).toBe(true);
    expect(names.filter((n) => HEAVY_CHUNK.test(n))).toEqual([]);
    await context.close();
  });
});
