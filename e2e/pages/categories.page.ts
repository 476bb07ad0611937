import { tableSettled, untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';

/** The category form's fields (ids come from the form name "category"). */
export interface CategoryFields {
  code?: string;
  nameZhCN?: string;
  nameZhTW?: string;
  nameEn?: string;
  position?: number;
}

/** 服务类别: the table and the add/edit dialog. */
export class CategoriesPage {
  readonly page: Page;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('categories-table');
    this.dialog = page.locator('.ant-modal').filter({ has: page.locator('form#category') });
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'categories-table');
  }

  row(nameZhCN: string): Locator {
    return this.table.locator('tbody tr.ant-table-row', {
      has: this.page.locator(`span[lang="zh-CN"]:text-is("${nameZhCN}")`),
    });
  }

  async rows(): Promise<string[][]> {
    await this.waitForTable();
    const out: string[][] = [];
    for (const row of await this.table.locator('tbody tr.ant-table-row').all())
      out.push((await row.locator('td').allInnerTexts()).map((s) => s.trim()));
    return out;
  }

  private async fill(fields: CategoryFields): Promise<void> {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      await this.dialog.locator(`#category_${key}`).fill(String(value));
    }
  }

  /** Saves the dialog and waits for the table to show the answer. */
  private async save(method: 'POST' | 'PUT'): Promise<void> {
    await untilResponse(
      this.page,
      (url, m) => url.includes('/api/categories') && m === method,
      () => this.dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await this.dialog.waitFor({ state: 'hidden' });
    await this.waitForTable();
  }

  async add(fields: CategoryFields): Promise<void> {
    await this.page.getByRole('button', { name: '新增类别' }).click();
    await this.dialog.locator('#category_code').waitFor();
    await this.fill(fields);
    await this.save('POST');
  }

  async edit(nameZhCN: string, fields: CategoryFields): Promise<void> {
    await this.row(nameZhCN)
      .getByRole('button', { name: `编辑“${nameZhCN}”` })
      .click();
    await this.dialog.locator('#category_nameZhCN').waitFor();
    await this.fill(fields);
    await this.save('PUT');
  }

  /** Flips a row's enabled switch and waits for the save. */
  async toggle(nameZhCN: string): Promise<void> {
    await untilResponse(
      this.page,
      (url, m) => /\/api\/categories\/\d+$/.test(url) && m === 'PUT',
      () => this.row(nameZhCN).getByRole('switch').click(),
    );
    await this.waitForTable();
  }
}
