import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, untilResponse } from './fixtures/browser.ts';
import { attributeOf, countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { axeViolations } from './fixtures/axe.ts';
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
    // The outline is one GeoJSON path besides the markers.
    await expect
      .poll(countOf(page.locator('.leaflet-overlay-pane path:not(.hm-map-unit):not(.hm-map-area):not(.hm-map-studio)')))
      .toBeGreaterThan(0);
    // Units and areas overlap at the district's zoom: most are gathered into numbered clusters.
    await expect.poll(() => siting.layerTotal('组织单位')).toBeGreaterThan(50);
    const units = await siting.layerTotal('组织单位');
    await expect.poll(async () => (await siting.pointsShown('hm-map-unit', 'units')).clusters).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const shown = await siting.pointsShown('hm-map-unit', 'units');
        return shown.alone + shown.clustered;
      })
      .toBe(units);
    await expect.poll(async () => (await siting.pointsShown('hm-map-area', 'areas')).clustered).toBeGreaterThan(100);
    // Each cluster is a button named by what it holds (“32 个住宅小区，点按放大”).
    await expect.poll(() => axeViolations(page)).toEqual([]);
    await expect
      .poll(async () => {
        const shown = await siting.pointsShown('hm-map-studio', 'studios');
        return shown.alone + shown.clustered;
      })
      .toBeGreaterThan(0);
    await expect.poll(textOf(siting.tileSource)).toContain('GCJ-02');
    // Everything is drawn, and no tile was asked for, here or anywhere else.
    expect(await siting.count('leaflet-tile')).toBe(0);
    expect(requested.filter((u) => !u.startsWith(e2e.url))).toEqual([]);
  });

  it('picks 医疗保健 and sees the uncovered areas and the recommended sites, on the map and in lists', async () => {
    await siting.pickCategory('医疗保健');
    const summary = textOf(siting.result);
    await expect.poll(summary).toMatch(/已覆盖人口/);
    await expect.poll(summary).toMatch(/“医疗保健”：步行 1,000 米内没有该类工作室的住宅小区 \d+ 个/);

    await expect.poll(() => siting.uncoveredTotal()).toBeGreaterThan(0);
    const uncovered = await siting.uncoveredTotal();
    // Each uncovered area is highlighted on the map, and the plain area layer steps aside.
    await expect.poll(() => siting.count('hm-map-uncovered')).toBe(uncovered);
    await expect.poll(() => siting.count('hm-map-area')).toBe(0);
    await expect.poll(() => siting.count('hm-map-served')).toBeGreaterThan(0);

    await expect.poll(() => siting.recommendations()).toHaveLength(5);
    const recs = await siting.recommendations();
    expect(recs.every((r) => r.gain > 0)).toBe(true);
    // Greedy maximum coverage: each pick adds no more than the one before.
    for (let i = 1; i < recs.length; i++) expect(recs[i]!.gain).toBeLessThanOrEqual(recs[i - 1]!.gain);
    await expect.poll(() => siting.count('hm-map-rec')).toBe(5);
    await expect.poll(attributeOf(siting.map.locator('.hm-map-rec').first(), 'title')).toContain(recs[0]!.name);
  });

  it('numbers the recommended sites 1 to 5, none under another or under a cluster, at any zoom', async () => {
    const apart = async () => {
      const markers = await siting.recMarkers();
      const overlaps = markers.flatMap((a, i) =>
        markers
          .slice(i + 1)
          .filter(
            (b) =>
              a.box.x < b.box.x + b.box.width &&
              b.box.x < a.box.x + a.box.width &&
              a.box.y < b.box.y + b.box.height &&
              b.box.y < a.box.y + a.box.height,
          )
          .map((b) => `${a.rank}/${b.rank}`),
      );
      return {
        ranks: markers.map((m) => m.rank),
        overlaps,
        hidden: markers.filter((m) => !m.onTop).map((m) => m.rank),
      };
    };
    // The areas layer is back under the analysis, with its clusters, so a cluster could cover a number.
    await page.getByRole('checkbox', { name: /^服务场所/ }).check();
    await expect.poll(() => siting.count('hm-cluster')).toBeGreaterThan(0);
    // The whole map in the window, so what lies on top at each number can be asked.
    await page.setViewportSize({ width: 1280, height: 1200 });
    await siting.map.scrollIntoViewIfNeeded();
    await expect.poll(apart).toEqual({ ranks: ['1', '2', '3', '4', '5'], overlaps: [], hidden: [] });
    // Zoomed out, the sites crowd together: they are moved apart, and still all on top.
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    await zoomOut.click();
    await zoomOut.click();
    await expect.poll(apart).toEqual({ ranks: ['1', '2', '3', '4', '5'], overlaps: [], hidden: [] });
    await page.getByRole('checkbox', { name: /^服务场所/ }).uncheck();
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('opens a cluster by clicking it: the map zooms in and shows its points', async () => {
    const zoom = attributeOf(page.locator('.leaflet-proxy').first(), 'style');
    const before = await zoom();
    // A units cluster a person can see and reach: inside the window, not under a numbered site
    // or another layer's cluster (the first one in the page may be either).
    await siting.map.scrollIntoViewIfNeeded();
    const reachable = () =>
      page.evaluate(() => {
        for (const el of document.querySelectorAll('.hm-cluster-units')) {
          const r = el.getBoundingClientRect();
          const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
          if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
          const hit = document.elementFromPoint(x, y);
          if (hit && el.contains(hit)) return { x, y };
        }
        return null;
      });
    await expect.poll(reachable).not.toBeNull();
    const at = await reachable();
    if (!at) throw new Error('no units cluster can be clicked');
    await page.mouse.click(at.x, at.y);
    await expect.poll(zoom).not.toBe(before);
  });

  it('centres the map on a recommended site when it is chosen in the list', async () => {
    const proxy = attributeOf(page.locator('.leaflet-proxy').first(), 'style');
    const before = await proxy();
    await page.getByTestId('recommendations').getByRole('listitem').first().getByRole('button').click();
    await expect.poll(proxy).not.toBe(before);
  });

  it('a bigger walking radius covers more people', async () => {
    const before = await siting.uncoveredTotal();
    await page.getByRole('spinbutton', { name: '步行半径' }).fill('3000');
    await untilResponse(
      page,
      (url) => url.includes('/api/siting/coverage?') && url.includes('radius=3000'),
      () => page.getByRole('button', { name: '分析', exact: true }).click(),
    );
    await expect.poll(() => siting.uncoveredTotal()).toBeLessThan(before);
  });

  it('switches to OSM-style tiles in the map settings, and the points are converted to WGS-84', async () => {
    const unit = siting.map.locator('path.hm-map-unit').first();
    const gcj = await unit.getAttribute('d');
    // A tile server that refuses at once: the test needs the tile requests, not the pictures.
    await siting.chooseTiles('OSM 类瓦片地址', 'http://127.0.0.1:9/{z}/{x}/{y}.png');
    await expect.poll(textOf(siting.tileSource)).toContain('WGS-84');
    await siting.map.locator('img.leaflet-tile').first().waitFor({ state: 'attached' });
    await siting.drawn();
    await expect.poll(attributeOf(unit, 'd')).not.toBe(gcj);

    // On the map itself: the plain base, remembered on this device, and back to the tiles.
    await siting.chooseBase('无底图');
    await expect.poll(textOf(siting.tileSource)).toContain('GCJ-02');
    await expect.poll(countOf(page.locator('img.leaflet-tile'))).toBe(0);
    await page.reload();
    await siting.drawn();
    await expect.poll(() => siting.baseLayer().getByRole('radio', { name: '无底图' }).isChecked()).toBe(true);
    await expect.poll(countOf(page.locator('img.leaflet-tile'))).toBe(0);
    await siting.chooseBase('OSM 类瓦片地址');
    await expect.poll(textOf(siting.tileSource)).toContain('WGS-84');
    await siting.map.locator('img.leaflet-tile').first().waitFor({ state: 'attached' });
    // The attribution stays text (an admin's attribution is never markup).
    await expect
      .poll(countOf(siting.map.locator('.leaflet-control-attribution a, .leaflet-control-attribution img')))
      .toBe(0);

    // Back to none for everyone else.
    await siting.chooseTiles('无底图');
    await expect.poll(textOf(siting.tileSource)).toContain('GCJ-02');
    await expect.poll(countOf(page.locator('img.leaflet-tile'))).toBe(0);
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
      // The page's toolbar is drawn (its tile tag is there) without the settings button.
      await map.tileSource.waitFor();
      expect(await memberPage.getByRole('button', { name: '地图设置' }).count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});
