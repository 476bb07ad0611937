import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { chooseOption } from './antd-select.ts';

/** 公开承诺: the editor, the published list and the publish result. */
export class StudioCommitmentsPage {
  readonly page: Page;
  readonly result: Locator;
  readonly published: Locator;

  constructor(page: Page) {
    this.page = page;
    this.result = page.getByTestId('publish-result');
    this.published = page.getByTestId('published-commitments');
  }

  async waitForEditor(): Promise<void> {
    await this.page.locator('#commitments_items_0_text').waitFor();
  }

  /** Replaces the rows with these promises (kind labels as shown, e.g. 服务时间). */
  async fill(items: Array<{ kind: string; text: string; target?: number }>): Promise<void> {
    await this.waitForEditor();
    while ((await this.page.locator('[id^="commitments_items_"][id$="_text"]').count()) > items.length) {
      await this.page.locator('.hm-commitment-row .hm-list-remove').last().click();
    }
    for (const [i, item] of items.entries()) {
      if ((await this.page.locator(`#commitments_items_${i}_text`).count()) === 0)
        await this.page.getByRole('button', { name: /添加承诺/ }).click();
      await chooseOption(this.page, `commitments_items_${i}_kind`, item.kind);
      await this.page.locator(`#commitments_items_${i}_text`).fill(item.text);
      if (item.target !== undefined)
        await this.page.locator(`#commitments_items_${i}_target`).fill(String(item.target));
    }
  }

  async publish(): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/commitments/publish') && method === 'POST',
      () => this.page.getByTestId('publish-commitments').click(),
    );
    await this.result.waitFor();
  }
}
