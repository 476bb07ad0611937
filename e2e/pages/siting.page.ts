import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { choose } from './antd-select.ts';
import { dialog, dialogButton } from './overlays.ts';
import { DataTable } from './table.ts';

const isSettingsSave = (url: string, method: string) => url.endsWith('/api/map/settings') && method === 'PUT';

/** 地图与选点: the Leaflet map, its layers, and the coverage panel. */
export class SitingPage {
  readonly page: Page;
  readonly map: Locator;
  readonly result: Locator;
  readonly uncovered: DataTable;
  /** The tag naming the tile source and the datum the points are drawn in. */
  readonly tileSource: Locator;
  readonly settings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.map = page.getByTestId('siting-map');
    this.result = page.getByTestId('coverage-result');
    this.uncovered = new DataTable(page, 'uncovered-areas');
    this.tileSource = page.getByRole('main').getByText(/^底图：/);
    this.settings = dialog(page, '地图设置');
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
      () => choose(this.page.getByRole('region', { name: '覆盖分析' }).getByRole('combobox'), name, { exact: true }),
    );
    await this.page
      .getByTestId('recommendations')
      .or(this.result.getByText('没有能增加覆盖的候选场所'))
      .first()
      .waitFor();
  }

  /** The recommended sites, in rank order, as listed. */
  async recommendations(): Promise<{ name: string; gain: number }[]> {
    return this.page
      .getByTestId('recommendations')
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((li) => ({
          name: li.querySelector('button')?.textContent?.trim() ?? '',
          gain: Number(li.querySelector('strong')?.textContent?.replace(/\D/g, '')),
        })),
      );
  }

  /** The "共 N 条" count of the uncovered areas' table. */
  uncoveredTotal(): Promise<number> {
    return this.uncovered.total();
  }

  /** Chooses a tile source in the map settings (filling the OSM address if given) and saves. */
  async chooseTiles(kind: string, url?: string): Promise<void> {
    await this.page.getByRole('button', { name: '地图设置' }).click();
    await this.settings.getByRole('radiogroup', { name: '底图来源' }).getByLabel(kind).check();
    if (url) await this.settings.getByRole('textbox', { name: '瓦片地址模板' }).fill(url);
    await untilResponse(this.page, isSettingsSave, () => dialogButton(this.settings, '保存').click());
  }

  /** How many points of a layer the map holds: those drawn alone (by class) and those inside its clusters. */
  async pointsShown(className: string, kind: string): Promise<{ alone: number; clustered: number; clusters: number }> {
    const alone = await this.count(className);
    const numbers = await this.map
      .locator(`.hm-cluster-${kind} [aria-hidden="true"]`)
      .evaluateAll((els) => els.map((e) => Number(e.textContent)));
    return { alone, clustered: numbers.reduce((a, b) => a + b, 0), clusters: numbers.length };
  }

  /** The number a layer's checkbox shows beside its name: 组织单位 (367). */
  async layerTotal(label: string): Promise<number> {
    const text = await this.page
      .getByRole('checkbox', { name: new RegExp(`^${label}`) })
      .evaluate((box) => box.closest('label')?.textContent ?? '');
    return Number(/\((\d+)\)/.exec(text)?.[1]);
  }

  /** The numbered recommendation markers: their numbers, boxes, and whether each is the topmost element at its centre. */
  async recMarkers(): Promise<Array<{ rank: string; box: DOMRect; onTop: boolean }>> {
    return this.map.locator('.hm-map-rec').evaluateAll((els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return { rank: el.textContent ?? '', box: box.toJSON() as DOMRect, onTop: !!top && el.contains(top) };
      }),
    );
  }

  /** The base-layer choice on the map. */
  baseLayer(): Locator {
    return this.page.getByRole('radiogroup', { name: '底图' });
  }

  /** Chooses a base layer on the map by its name (the buttons are labels over hidden radios). */
  async chooseBase(name: string): Promise<void> {
    await this.baseLayer().locator('label').filter({ hasText: name }).click();
  }
}
