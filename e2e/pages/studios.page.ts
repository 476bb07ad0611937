import type { Page } from 'playwright-core';
import { choose } from './antd-select.ts';
import { DataTable } from './table.ts';

/** A studio table (工作室, 我的工作室, 资质审核): names link to the studio's page. */
export class StudioListPage {
  readonly page: Page;
  readonly table: DataTable;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'studios-table');
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** The studio names listed, once the table has settled. */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return this.table.column(0);
  }

  async open(name: string): Promise<void> {
    await this.waitForTable();
    await this.table.root.getByRole('link', { name, exact: true }).click();
    await this.page.locator('[data-studio-id]').waitFor();
  }

  /** Picks a status in the filter by its label. */
  async filterStatus(label: string): Promise<void> {
    await choose(this.page.getByRole('main').getByRole('combobox', { name: '状态' }), label);
    await this.waitForTable();
  }
}
