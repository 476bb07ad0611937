import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd-select.ts';

/** 地图与选点: the Leaflet map, its layers, and the coverage panel. */
export class SitingPage {
  readonly page: Page;
  readonly map: Locator;
  readonly result: Locator;

  constructor(page: Page) {
    this.page = page;
    this.map = page.getByTestId('siting-map');
    this.result = page.getByTestId('coverage-result');
  }

  async goto(): Promise<void> {
    await this.page.goto('/map');
    await this.drawn();
  }

  /** Waits until the outline and the unit points are on the map. */
  async drawn(): Promise<void> {
    await this.map.locator('path.hm-map-unit').first().waitFor();
  }

  /** How many SVG shapes or markers with this class the map holds. */
  count(className: string): Promise<number> {
    return this.map.locator(`.${className}`).count();
  }

  /** Picks a category in the coverage panel; the analysis runs at once. */
  async pickCategory(name: string): Promise<void> {
    await untilResponse(
      this.page,
      (url) => url.includes('/api/siting/coverage?'),
      () => chooseOption(this.page, 'coverage-category', name, { exact: true }),
    );
    await this.page
      .getByTestId('recommendations')
      .or(this.result.getByText('没有能增加覆盖的候选场所'))
      .first()
      .waitFor();
  }

  /** The recommended sites, in rank order, as listed. */
  async recommendations(): Promise<{ name: string; gain: number }[]> {
    const items = this.page.getByTestId('recommendations').locator('li');
    const out: { name: string; gain: number }[] = [];
    for (const item of await items.all()) {
      const name = (await item.locator('button').innerText()).trim();
      const gain = Number((await item.locator('.hm-rec-gain').innerText()).replace(/\D/g, ''));
      out.push({ name, gain });
    }
    return out;
  }

  /** The "共 N 条" count of the uncovered areas' table. */
  async uncoveredTotal(): Promise<number> {
    const text = await this.page.getByTestId('uncovered-areas').locator('.ant-pagination-total-text').innerText();
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
  }

  /** The first uncovered areas listed (most populous first). */
  async uncoveredNames(): Promise<string[]> {
    return (
      await this.page.getByTestId('uncovered-areas').locator('tbody tr.ant-table-row td:first-child').allInnerTexts()
    ).map((s) => s.trim());
  }

  /** The tag naming the tile source and the datum the points are drawn in. */
  async tileSourceTag(): Promise<string> {
    return (await this.page.locator('main .hm-toolbar .ant-tag').innerText()).trim();
  }
}
