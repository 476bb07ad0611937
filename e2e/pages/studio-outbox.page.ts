import type { Locator, Page } from 'playwright-core';

/** 已发短信: the outbox table. */
export class OutboxPage {
  readonly page: Page;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('outbox-table');
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await this.page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="outbox-table"]');
      return (
        !!table &&
        table.getAttribute('aria-busy') !== 'true' &&
        !!table.querySelector('tbody tr.ant-table-row, tbody tr.ant-table-placeholder')
      );
    });
  }

  /** Rows as [recipient, body]. */
  async rows(): Promise<Array<{ recipient: string; body: string }>> {
    await this.waitForTable();
    const rows = this.table.locator('tbody tr.ant-table-row');
    const out: Array<{ recipient: string; body: string }> = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('td');
      out.push({ recipient: (await cells.nth(0).innerText()).trim(), body: (await cells.nth(1).innerText()).trim() });
    }
    return out;
  }
}
