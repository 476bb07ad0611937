import { tableReloadedBy, tableSettled, untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { chooseOption, searchAndChoose } from './antd-select.ts';

/** 账号管理: the account table and the new-account dialog. */
export class AccountsPage {
  readonly page: Page;
  readonly table: Locator;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('accounts-table');
    this.createButton = page.locator('main .hm-toolbar button.ant-btn-primary');
    this.dialog = page.locator('.ant-modal').filter({ has: page.locator('form#create-account') });
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'accounts-table');
  }

  /** The usernames listed (first column). */
  async usernames(): Promise<string[]> {
    await this.waitForTable();
    return (await this.table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
  }

  row(username: string): Locator {
    return this.table.locator('tbody tr.ant-table-row', {
      has: this.page.locator(`td:first-child:text-is("${username}")`),
    });
  }

  /** The status tags of an account's row, e.g. ["已停用"]. */
  async status(username: string): Promise<string> {
    await this.waitForTable();
    return (await this.row(username).locator('.ant-tag').allInnerTexts()).join(',');
  }

  async openCreate(): Promise<void> {
    await this.createButton.click();
    await this.dialog.locator('#create-account_username').waitFor();
  }

  /** The role choices the dialog offers, as shown. */
  async roleChoices(): Promise<string[]> {
    await this.dialog.locator('#create-account_role').click();
    const options = this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    const labels = (await options.allInnerTexts()).map((s) => s.trim());
    await this.page.keyboard.press('Escape');
    return labels;
  }

  /** Fills and submits the dialog; the unit is found by typing `unitQuery` (name or pinyin). */
  async create(fields: {
    username: string;
    displayName: string;
    password: string;
    role: string;
    unitQuery: string;
    unitName: string;
  }): Promise<void> {
    const d = this.dialog;
    await d.locator('#create-account_username').fill(fields.username);
    await d.locator('#create-account_displayName').fill(fields.displayName);
    await d.locator('#create-account_password').fill(fields.password);
    await chooseOption(this.page, 'create-account_role', fields.role);
    await searchAndChoose(this.page, 'create-account_unitId', fields.unitQuery, fields.unitName);
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/api/accounts') && method === 'POST',
      () => d.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
  }

  /** Clicks the row's disable/enable button and confirms. */
  async toggleDisabled(username: string): Promise<void> {
    await this.row(username).locator('td:last-child button').last().click();
    await tableReloadedBy(this.page, 'accounts-table', () =>
      this.page.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click(),
    );
  }

  async unlock(username: string): Promise<void> {
    await tableReloadedBy(this.page, 'accounts-table', () =>
      this.row(username).getByRole('button', { name: '解锁' }).click(),
    );
  }
}
