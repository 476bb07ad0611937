import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { dialog, dialogButton } from './overlays.ts';
import { DataTable } from './table.ts';

/** The category form's fields. */
export interface CategoryFields {
  code?: string;
  nameZhCN?: string;
  nameZhTW?: string;
  nameEn?: string;
  position?: number;
}

/** The form's labels for each field. */
const LABELS: Record<keyof CategoryFields, string> = {
  code: '代码',
  nameZhCN: '名称（简体中文）',
  nameZhTW: '名称（繁体中文）',
  nameEn: '名称（英文）',
  position: '显示顺序',
};

/** 服务类别: the table and the add/edit dialog. */
export class CategoriesPage {
  readonly page: Page;
  readonly table: DataTable;
  /** The open add or edit dialog. */
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'categories-table');
    this.dialog = page.getByRole('dialog', { name: /^(新增服务类别|编辑“.+”)$/ });
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  row(nameZhCN: string): Locator {
    return this.table.rowWithCell(nameZhCN);
  }

  /** Every row's cells, once the table has settled. */
  async rows(): Promise<string[][]> {
    await this.waitForTable();
    return this.table.cells();
  }

  /** Opens the add dialog. */
  async openAdd(): Promise<void> {
    await this.page.getByRole('button', { name: '新增类别' }).click();
    await this.field('code').waitFor();
  }

  field(name: keyof CategoryFields): Locator {
    return this.dialog.getByLabel(LABELS[name]);
  }

  async fill(fields: CategoryFields): Promise<void> {
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      await this.field(key as keyof CategoryFields).fill(String(value));
    }
  }

  /** Presses 保存 (the answer is not awaited). */
  async pressSave(): Promise<void> {
    await dialogButton(this.dialog, '保存').click();
  }

  /** Saves the dialog and waits for the table to show the answer. */
  private async save(method: 'POST' | 'PUT'): Promise<void> {
    await untilResponse(
      this.page,
      (url, m) => url.includes('/api/categories') && m === method,
      () => this.pressSave(),
    );
    await this.dialog.waitFor({ state: 'hidden' });
    await this.waitForTable();
  }

  async add(fields: CategoryFields): Promise<void> {
    await this.openAdd();
    await this.fill(fields);
    await this.save('POST');
  }

  async edit(nameZhCN: string, fields: CategoryFields): Promise<void> {
    await this.row(nameZhCN)
      .getByRole('button', { name: `编辑“${nameZhCN}”` })
      .click();
    await this.field('nameZhCN').waitFor();
    await this.fill(fields);
    await this.save('PUT');
  }

  /** Flips a row's enabled switch and waits for the save. */
  async toggle(nameZhCN: string): Promise<void> {
    const toggle = this.row(nameZhCN).getByRole('switch');
    const disabling = (await toggle.getAttribute('aria-checked')) === 'true';
    await untilResponse(
      this.page,
      (url, m) => /\/api\/categories\/\d+$/.test(url) && m === 'PUT',
      async () => {
        await toggle.click();
        // Disabling asks once, in the shared confirmation; enabling does not.
        if (disabling) await dialogButton(this.confirmDisable(nameZhCN), '停用').click();
      },
    );
    await this.waitForTable();
  }

  /** The confirmation that asks before a category is disabled. */
  confirmDisable(nameZhCN: string): Locator {
    return dialog(this.page, `停用类别“${nameZhCN}”？`);
  }
}
