import { tableReloadedBy, tableSettled } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd-select.ts';

/** 审计日志: filters, table, expandable before/after. */
export class AuditPage {
  readonly page: Page;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('audit-table');
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'audit-table');
  }

  rows(): Locator {
    return this.table.locator('tbody tr.ant-table-row');
  }

  /** The action tags of the listed rows. */
  async actions(): Promise<string[]> {
    await this.waitForTable();
    return (await this.rows().locator('.ant-tag').allInnerTexts()).map((s) => s.trim());
  }

  /** Sets the filters (only those given) and presses search. Dates as YYYY-MM-DD. */
  async filter(f: { entity?: string; action?: string; from?: string; to?: string }): Promise<void> {
    if (f.entity) {
      await chooseOption(this.page, 'audit-entity', f.entity, { exact: true });
    }
    if (f.action !== undefined) await this.page.locator('#audit-action').fill(f.action);
    if (f.from && f.to) {
      const start = this.page.locator('#audit-range');
      await start.click();
      await start.fill(f.from);
      await start.press('Enter');
      const end = this.page.locator('.ant-picker-range input').nth(1);
      await end.fill(f.to);
      await end.press('Enter');
    }
    await tableReloadedBy(this.page, 'audit-table', () =>
      this.page.locator('form[role="search"] button[type="submit"]').click(),
    );
  }

  /** Clears every filter. */
  async reset(): Promise<void> {
    await tableReloadedBy(this.page, 'audit-table', () =>
      this.page.getByRole('button', { name: '重置', exact: true }).click(),
    );
  }

  /** Expands the first row whose action tag is `action` and returns the details text. */
  async expandFirst(action: string): Promise<string> {
    const row = this.rows()
      .filter({ has: this.page.locator(`.ant-tag:text-is("${action}")`) })
      .first();
    await row.locator('button.ant-table-row-expand-icon').click();
    const details = this.table.locator('tr.ant-table-expanded-row').first();
    await details.waitFor();
    return details.innerText();
  }
}
