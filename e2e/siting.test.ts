import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { Shell } from './pages/shell.page.ts';
import { SitingPage } from './pages/siting.page.ts';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let siting: SitingPage;
// Every request the page makes, to prove that with no tile source nothing leaves the server.
const requested: string[] = [];

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  page.on('request', (r) => requested.push(r.url()));
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs('admin');
  siting = new SitingPage(page);
});
afterAll(() => context.close());

describe('地图与选点 (district admin)', () => {
  it('opens from the menu and draws the outline and points with no tiles, so it works offline', async () => {
    await new Shell(page).open('地图与选点');
    await siting.drawn();
    expect(await siting.count('leaflet-tile')).toBe(0);
    // The outline is one GeoJSON path besides the markers.
    expect(
      await page.locator('.leaflet-overlay-pane path:not(.hm-map-unit):not(.hm-map-area):not(.hm-map-studio)').count(),
    ).toBeGreaterThan(0);
    expect(await siting.count('hm-map-unit')).toBeGreaterThan(50);
    expect(await siting.count('hm-map-area')).toBeGreaterThan(100);
    expect(await siting.count('hm-map-studio')).toBeGreaterThan(0);
    expect(await siting.tileSourceTag()).toContain('GCJ-02');
    expect(requested.filter((u) => !u.startsWith(e2e.url))).toEqual([]);
  });

  it('picks 医疗保健 and sees the uncovered areas and the recommended sites, on the map and in lists', async () => {
    await siting.pickCategory('医疗保健');
    const summary = await siting.result.innerText();
    expect(summary).toMatch(/已覆盖人口/);
    expect(summary).toMatch(/“医疗保健”：步行 1,000 米内没有该类工作室的住宅小区 \d+ 个/);

    const uncovered = await siting.uncoveredTotal();
    expect(uncovered).toBeGreaterThan(0);
    // Each uncovered area is highlighted on the map, and the plain area layer steps aside.
    expect(await siting.count('hm-map-uncovered')).toBe(uncovered);
    expect(await siting.count('hm-map-area')).toBe(0);
    expect(await siting.count('hm-map-served')).toBeGreaterThan(0);

    const recs = await siting.recommendations();
    expect(recs).toHaveLength(5);
    expect(recs.every((r) => r.gain > 0)).toBe(true);
    // Greedy maximum coverage: each pick adds no more than the one before.
    for (let i = 1; i < recs.length; i++) expect(recs[i]!.gain).toBeLessThanOrEqual(recs[i - 1]!.gain);
    expect(await siting.count('hm-map-rec')).toBe(5);
    const firstMarker = siting.map.locator('.hm-map-rec').first();
    expect(await firstMarker.getAttribute('title')).toContain(recs[0]!.name);
  });

  it('centres the map on a recommended site when it is chosen in the list', async () => {
    const zoomBefore = await page.locator('.leaflet-proxy').first().getAttribute('style');
    await page.getByTestId('recommendations').locator('li button').first().click();
    await page.waitForFunction(
      (before) => document.querySelector('.leaflet-proxy')?.getAttribute('style') !== before,
      zoomBefore,
    );
  });

  it('a bigger walking radius covers more people', async () => {
    const before = await siting.uncoveredTotal();
    await page.locator('#coverage-radius').fill('3000');
    await untilResponse(
      page,
      (url) => url.includes('/api/siting/coverage?') && url.includes('radius=3000'),
      () => page.getByRole('button', { name: '分析', exact: true }).click(),
    );
    await page.waitForFunction((n) => {
      const text =
        document.querySelector('[data-testid="uncovered-areas"] .ant-pagination-total-text')?.textContent ?? '';
      return Number(/\d+/.exec(text)?.[0]) < n;
    }, before);
    expect(await siting.uncoveredTotal()).toBeLessThan(before);
  });

  it('switches to OSM-style tiles in the map settings, and the points are converted to WGS-84', async () => {
    const unit = siting.map.locator('path.hm-map-unit').first();
    const gcj = await unit.getAttribute('d');
    await page.getByRole('button', { name: '地图设置' }).click();
    const dialog = page.locator('.ant-modal').filter({ has: page.locator('form#map-settings') });
    await dialog.getByLabel('OSM 类瓦片地址').check();
    // A tile server that refuses at once: the test needs the tile requests, not the pictures.
    await dialog.locator('#map-settings_url').fill('http://127.0.0.1:9/{z}/{x}/{y}.png');
    await untilResponse(
      page,
      (url, method) => url.endsWith('/api/map/settings') && method === 'PUT',
      () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await page.waitForFunction(() =>
      (document.querySelector('main .hm-toolbar .ant-tag')?.textContent ?? '').includes('WGS-84'),
    );
    await siting.map.locator('img.leaflet-tile').first().waitFor({ state: 'attached' });
    await siting.drawn();
    expect(await siting.map.locator('path.hm-map-unit').first().getAttribute('d')).not.toBe(gcj);

    // Back to none for everyone else.
    await page.getByRole('button', { name: '地图设置' }).click();
    await dialog.getByLabel('无底图').check();
    await untilResponse(
      page,
      (url, method) => url.endsWith('/api/map/settings') && method === 'PUT',
      () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await page.waitForFunction(
      () =>
        (document.querySelector('main .hm-toolbar .ant-tag')?.textContent ?? '').includes('GCJ-02') &&
        !document.querySelector('img.leaflet-tile'),
    );
  });
});

describe('地图与选点 (a member)', () => {
  it('shows a member the map of their own subtree, without the settings button', async () => {
    const { context: other, page: memberPage } = await openPage(e2e.browser, e2e.url);
    try {
      const login = new LoginPage(memberPage);
      await login.goto();
      await login.signInAs('zhangwanzhen');
      const map = new SitingPage(memberPage);
      await new Shell(memberPage).open('地图与选点');
      await map.drawn();
      expect(await map.count('hm-map-unit')).toBeLessThan(5);
      expect(await memberPage.getByRole('button', { name: '地图设置' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
