import type { Page } from 'playwright-core';
import { DataTable } from './table.ts';

/** 已发短信: the outbox table. */
export class OutboxPage {
  readonly page: Page;
  readonly table: DataTable;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'outbox-table');
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** Rows as [recipient, body], once the table has settled. */
  async rows(): Promise<Array<{ recipient: string; body: string }>> {
    await this.waitForTable();
    return (await this.table.cells()).map(([recipient = '', body = '']) => ({ recipient, body }));
  }
}
