import type { Locator, Page } from 'playwright-core';
import { choose } from './antd-select.ts';
import { DataTable } from './table.ts';

/** 审计日志: filters, table, expandable before/after. */
export class AuditPage {
  readonly page: Page;
  readonly table: DataTable;
  readonly filters: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'audit-table');
    this.filters = page.getByRole('main').getByRole('search');
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** The actions of the listed rows in words (登录, 载入演示数据, …), once the table has settled. */
  async actions(): Promise<string[]> {
    await this.waitForTable();
    return this.table.column('操作');
  }

  /** Sets the filters (only those given) and presses search. Dates as YYYY-MM-DD. */
  async filter(f: { entity?: string; action?: string; from?: string; to?: string }): Promise<void> {
    if (f.entity) await choose(this.filters.getByRole('combobox', { name: '对象类型' }), f.entity, { exact: true });
    if (f.action) await choose(this.filters.getByRole('combobox', { name: '操作' }), f.action, { exact: true });
    if (f.from && f.to) {
      const start = this.filters.getByRole('textbox', { name: '日期范围' });
      await start.click();
      await start.fill(f.from);
      await start.press('Enter');
      const end = this.filters.getByRole('textbox', { name: '结束日期' });
      await end.fill(f.to);
      await end.press('Enter');
    }
    await this.table.reloadedBy(() => this.filters.getByRole('button', { name: '搜索', exact: true }).click());
  }

  /** The times of the listed rows (ISO, from each row's <time dateTime>), once the table has settled. */
  async times(): Promise<string[]> {
    await this.waitForTable();
    return this.table.rows.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  }

  /** The 操作人 column of the listed rows (a failed sign-in names the username tried). */
  async actors(): Promise<string[]> {
    await this.waitForTable();
    return this.table.column('操作人');
  }

  /** Clears every filter. */
  async reset(): Promise<void> {
    await this.table.reloadedBy(() => this.filters.getByRole('button', { name: '重置', exact: true }).click());
  }

  /** Expands the first row whose action is `action` and gives its details (before and after). */
  async expandFirst(action: string): Promise<Locator> {
    const row = this.table.rowWithCell(action).first();
    const key = await row.getAttribute('data-row-key');
    await row.getByRole('button', { name: '展开行' }).click();
    const details = this.page.getByTestId(`audit-details-${key}`);
    await details.waitFor();
    return details;
  }
}
