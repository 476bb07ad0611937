import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd-select.ts';

/** A studio table (工作室, 我的工作室, 资质审核): names link to the studio's page. */
export class StudioListPage {
  readonly page: Page;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('studios-table');
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await this.page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="studios-table"]');
      return (
        !!table &&
        table.getAttribute('aria-busy') !== 'true' &&
        !!table.querySelector('tbody tr.ant-table-row, tbody tr.ant-table-placeholder')
      );
    });
  }

  /** The studio names listed. */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return (await this.table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
  }

  async open(name: string): Promise<void> {
    await this.waitForTable();
    await this.table.getByRole('link', { name, exact: true }).click();
    await this.page.locator('.hm-studio-detail').waitFor();
  }

  /** Picks a status in the filter by its label. */
  async filterStatus(label: string): Promise<void> {
    await chooseOption(this.page, 'studio-status', label);
    await this.waitForTable();
  }
}
