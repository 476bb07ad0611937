import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { DataTable } from './table.ts';

/** 组织架构: the lazy tree and the subtree table with its search box. */
export class OrgPage {
  readonly page: Page;
  readonly tree: Locator;
  readonly table: DataTable;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tree = page.getByRole('tree');
    this.table = new DataTable(page, 'unit-table');
    this.search = page.getByRole('main').getByRole('search').getByRole('searchbox');
  }

  async goto(): Promise<void> {
    await this.page.goto('/org');
    await this.waitForTable();
  }

  /** Waits until the table has finished loading. */
  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** The names in the table's first column, once it has settled. */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return this.table.column(0);
  }

  /** A unit's node in the tree, by its short name (西兴社区). */
  node(shortName: string): Locator {
    return this.tree.getByRole('treeitem').filter({ has: this.page.getByText(shortName, { exact: true }) });
  }

  /** The short name of the top node of the tree: the account's own unit. */
  async rootName(): Promise<string> {
    const first = this.tree.getByRole('treeitem').first();
    await first.waitFor();
    return (await first.innerText()).split('·')[0]!.trim();
  }

  /** Searches the subtree and waits for the answer. */
  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.table.reloadedBy(() => this.search.press('Enter'));
  }

  /** Opens a tree branch by its short name (children load from the server). */
  async expand(shortName: string): Promise<void> {
    await untilResponse(
      this.page,
      (url) => /\/api\/org-units\/\d+\/children$/.test(url),
      () => this.node(shortName).getByRole('img', { name: 'caret-down' }).click(),
    );
  }

  /** Selects a unit in the tree, so the table lists its subtree. */
  async select(shortName: string): Promise<void> {
    await this.table.reloadedBy(() => this.node(shortName).getByText(shortName, { exact: true }).click());
  }
}
