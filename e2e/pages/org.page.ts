import { tableReloadedBy, tableSettled, untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';

/** 组织架构: the lazy tree and the subtree table with its search box. */
export class OrgPage {
  readonly page: Page;
  readonly tree: Locator;
  readonly table: Locator;
  readonly search: Locator;

  constructor(page: Page) {
    this.page = page;
    this.tree = page.locator('.hm-tree');
    this.table = page.getByTestId('unit-table');
    this.search = page.locator('#org-search');
  }

  async goto(): Promise<void> {
    await this.page.goto('/org');
    await this.waitForTable();
  }

  /** Waits until the table has finished loading. */
  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'unit-table');
  }

  /** The names in the table's first column. */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return (await this.table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
  }

  /** The top node of the tree: the account's own unit. */
  async rootName(): Promise<string> {
    const first = this.tree.locator('.hm-tree-name').first();
    await first.waitFor();
    return (await first.innerText()).trim();
  }

  async searchFor(text: string): Promise<string[]> {
    await this.search.fill(text);
    await tableReloadedBy(this.page, 'unit-table', () => this.search.press('Enter'));
    return this.names();
  }

  /** Opens a tree branch by its short name (children load from the server). */
  async expand(shortName: string): Promise<void> {
    const node = this.tree.locator('.ant-tree-treenode', {
      has: this.page.locator(`.hm-tree-name:text-is("${shortName}")`),
    });
    await untilResponse(
      this.page,
      (url) => /\/api\/org-units\/\d+\/children$/.test(url),
      () => node.locator('.ant-tree-switcher').click(),
    );
  }

  /** Selects a unit in the tree, so the table lists its subtree. */
  async select(shortName: string): Promise<void> {
    await tableReloadedBy(this.page, 'unit-table', () =>
      this.tree.locator(`.hm-tree-name:text-is("${shortName}")`).click(),
    );
  }
}
