import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { choose, optionsOf, searchAndChoose } from './antd-select.ts';
import { dialog, dialogButton, popconfirmOk } from './overlays.ts';
import { DataTable } from './table.ts';

/** 账号管理: the account table and the new-account dialog. */
export class AccountsPage {
  readonly page: Page;
  readonly table: DataTable;
  readonly createButton: Locator;
  readonly dialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'accounts-table');
    this.createButton = page.getByRole('main').getByRole('button', { name: '新建账号' });
    this.dialog = dialog(page, '新建账号');
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** The usernames listed (first column), once the table has settled. */
  async usernames(): Promise<string[]> {
    await this.waitForTable();
    return this.table.column('用户名');
  }

  row(username: string): Locator {
    return this.table.rowWithCell(username);
  }

  /** The status column of an account's row, e.g. "已停用". */
  status(username: string): Promise<string> {
    return this.table.cell(this.row(username), '状态');
  }

  async openCreate(): Promise<void> {
    await this.createButton.click();
    await this.field('用户名').waitFor();
  }

  /** A field of the dialog by its label. */
  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label });
  }

  get role(): Locator {
    return this.dialog.getByRole('combobox', { name: '角色' });
  }

  /** The role choices the dialog offers, as shown. */
  roleChoices(): Promise<string[]> {
    return optionsOf(this.role);
  }

  /** Presses 创建 (the request is not awaited: the form may refuse before sending). */
  async pressCreate(): Promise<void> {
    await dialogButton(this.dialog, '创建').click();
  }

  /** Closes the dialog with 取消. */
  async cancel(): Promise<void> {
    await dialogButton(this.dialog, '取消').click();
    await this.dialog.waitFor({ state: 'hidden' });
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
    await this.field('用户名').fill(fields.username);
    await this.field('姓名/名称').fill(fields.displayName);
    await this.field('初始密码').fill(fields.password);
    await choose(this.role, fields.role);
    await searchAndChoose(this.dialog.getByRole('combobox', { name: '所属单位' }), fields.unitQuery, fields.unitName);
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/api/accounts') && method === 'POST',
      () => this.pressCreate(),
    );
  }

  /** Clicks the row's disable/enable button and confirms. */
  async toggleDisabled(username: string): Promise<void> {
    await this.row(username)
      .getByRole('button', { name: new RegExp(`^(停用|启用) ${username}$`) })
      .click();
    await this.table.reloadedBy(() => popconfirmOk(this.page).click());
  }

  async unlock(username: string): Promise<void> {
    await this.table.reloadedBy(() => this.row(username).getByRole('button', { name: '解锁' }).click());
  }
}
