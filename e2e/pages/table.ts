import type { Locator, Page } from 'playwright-core';
import { tableReloadedBy, tableSettled } from '../fixtures/browser.ts';

/**
 * A list the console shows as a table, inside the element with `testId` (which reports aria-busy
 * and, for most lists, data-loaded). Rows and cells are found by role; a column by its header.
 */
export class DataTable {
  readonly page: Page;
  readonly testId: string;
  readonly root: Locator;
  /** The rows of data (antd marks each with its key; the header and "no data" rows have none). */
  readonly rows: Locator;

  constructor(page: Page, testId: string) {
    this.page = page;
    this.testId = testId;
    this.root = page.getByTestId(testId);
    this.rows = this.root.getByRole('row').and(page.locator('[data-row-key]'));
  }

  /** Waits until the table shows the answer to its latest request (rows or "no data"). */
  async settled(): Promise<void> {
    await this.root.getByRole('table').waitFor();
    await tableSettled(this.page, this.testId);
  }

  /** Does `action` and waits for the table's next answer. */
  reloadedBy(action: () => Promise<unknown>): Promise<void> {
    return tableReloadedBy(this.page, this.testId, action);
  }

  /** The row with a cell whose text is exactly `text`. */
  rowWithCell(text: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: text, exact: true }) });
  }

  /** The rows whose text contains `text`. */
  rowsWith(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /**
   * The texts of one column, top to bottom, read in one go: found by its header, or by its
   * position (0 is the first) where the test must not depend on the page's language.
   */
  async column(header: string | number): Promise<string[]> {
    return this.root.evaluate((root, which) => {
      const heads = [...root.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
      const index = typeof which === 'number' ? which : heads.indexOf(which);
      if (index < 0) throw new Error(`no column "${which}" in [${heads.join(', ')}]`);
      return [...root.querySelectorAll('tbody tr[data-row-key]')].map(
        (tr) => (tr.children[index] as HTMLElement | undefined)?.innerText.trim() ?? '',
      );
    }, header);
  }

  /** The text of a row's cell in the column with this header (waits up to a second for the row). */
  async cell(row: Locator, header: string): Promise<string> {
    return row.evaluate(
      (tr, name) => {
        const heads = [...(tr.closest('table')?.querySelectorAll('thead th') ?? [])].map(
          (th) => th.textContent?.trim() ?? '',
        );
        const index = heads.indexOf(name);
        if (index < 0) throw new Error(`no column "${name}" in [${heads.join(', ')}]`);
        return (tr.children[index] as HTMLElement | undefined)?.innerText.trim() ?? '';
      },
      header,
      { timeout: 1_000 },
    );
  }

  /** Every row's cells' texts, read in one go. */
  async cells(): Promise<string[][]> {
    return this.rows.evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((td) => (td as HTMLElement).innerText.trim())),
    );
  }

  /** The "共 N 条" under the table (NaN while it is not shown). */
  async total(): Promise<number> {
    const text = await this.root.getByText(/^共 \d+ 条$/).innerText({ timeout: 1_000 });
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
  }
}
