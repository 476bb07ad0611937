import { tableReloadedBy, tableSettled, untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';

/** One line of an import's check report, as the table shows it. */
export interface ReportLine {
  row: number;
  column: string;
  message: string;
}

/** 志愿者登记册: search, the table with its audited contact reveal, Excel import and export. */
export class RegistryPage {
  readonly page: Page;
  readonly table: Locator;
  readonly search: Locator;
  readonly importDialog: Locator;
  readonly panel: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('registry-table');
    this.search = page.locator('#registry-q');
    this.importDialog = page.locator('.ant-modal').filter({ has: page.getByTestId('import-panel') });
    this.panel = page.getByTestId('import-panel');
  }

  async goto(): Promise<void> {
    await this.page.goto('/registry');
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'registry-table');
  }

  /** The names in the table (bold, without the kind tag). */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return (await this.table.locator('tbody tr.ant-table-row td:first-child strong').allInnerTexts()).map((s) =>
      s.trim(),
    );
  }

  /** The "共 N 条" count under the table. */
  async total(): Promise<number> {
    await this.waitForTable();
    const text = await this.table.locator('.ant-pagination-total-text').innerText();
    return Number(/\d+/.exec(text)?.[0] ?? Number.NaN);
  }

  row(name: string): Locator {
    return this.table.locator('tbody tr.ant-table-row', {
      has: this.page.locator(`td:first-child strong:text-is("${name}")`),
    });
  }

  async searchFor(q: string): Promise<string[]> {
    await this.search.fill(q);
    await tableReloadedBy(this.page, 'registry-table', () => this.search.press('Enter'));
    return this.names();
  }

  /** Clicks 显示号码 on a row and returns the unmasked number it then shows. */
  async revealPhone(name: string): Promise<string> {
    const row = this.row(name);
    await untilResponse(
      this.page,
      (url) => /\/api\/volunteers\/\d+\/contact$/.test(url),
      () => row.getByRole('button', { name: new RegExp(`${name}.*完整手机号码`) }).click(),
    );
    return (await row.getByTestId('contact-phone').innerText()).trim();
  }

  async openImport(): Promise<void> {
    await this.page.getByRole('button', { name: '批量导入' }).click();
    await this.panel.waitFor();
  }

  /** Waits until the import panel is in one of these phases. */
  async phase(...phases: string[]): Promise<string> {
    const handle = await this.page.waitForFunction((wanted) => {
      const p = document.querySelector('[data-testid="import-panel"]')?.getAttribute('data-phase');
      return p && wanted.includes(p) ? p : null;
    }, phases);
    return (await handle.jsonValue()) as string;
  }

  /** Chooses a workbook in the dialog (its file input) and waits for the check report. */
  async upload(name: string, buffer: Buffer): Promise<string> {
    const input = this.importDialog.locator('input[type="file"]').first();
    await untilResponse(
      this.page,
      (url, method) => url.includes('/api/registry/imports?') && method === 'POST',
      () =>
        input.setInputFiles({
          name,
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer,
        }),
    );
    return this.phase('report', 'failed');
  }

  /** The counts above the report, by their labels. */
  async summary(): Promise<Record<string, number>> {
    const stats = this.page.getByTestId('import-summary').locator('.ant-statistic');
    const out: Record<string, number> = {};
    for (const stat of await stats.all()) {
      const title = (await stat.locator('.ant-statistic-title').innerText()).trim();
      out[title] = Number((await stat.locator('.ant-statistic-content').innerText()).replace(/\D/g, ''));
    }
    return out;
  }

  /** Every line of the report's first page. */
  async report(): Promise<ReportLine[]> {
    const rows = this.page.getByTestId('import-report').locator('tbody tr.ant-table-row');
    const lines: ReportLine[] = [];
    for (const row of await rows.all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
      lines.push({ row: Number(cells[0]), column: cells[1] ?? '', message: cells[2] ?? '' });
    }
    return lines;
  }

  importButton(name: RegExp): Locator {
    return this.importDialog.locator('.ant-modal-footer').getByRole('button', { name });
  }

  /** Commits with the given footer button and waits for the result. */
  async commit(name: RegExp): Promise<string> {
    await untilResponse(
      this.page,
      (url, method) => /\/api\/registry\/imports\/\d+\/commit$/.test(url) && method === 'POST',
      () => this.importButton(name).click(),
    );
    await this.phase('committed', 'report');
    return (await this.panel.innerText()).trim();
  }

  /** Closes the dialog after a commit; the table reloads. */
  async finishImport(): Promise<void> {
    await tableReloadedBy(this.page, 'registry-table', () => this.importButton(/完成/).click());
  }
}
