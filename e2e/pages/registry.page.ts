import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { dialog } from './overlays.ts';
import { DataTable } from './table.ts';

/** One line of an import's check report, as the table shows it. */
export interface ReportLine {
  row: number;
  column: string;
  message: string;
}

/** 志愿者登记册: search, the table with its audited contact reveal, Excel import and export. */
export class RegistryPage {
  readonly page: Page;
  readonly table: DataTable;
  readonly search: Locator;
  readonly importDialog: Locator;
  readonly panel: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'registry-table');
    this.search = page.getByRole('search', { name: '筛选志愿者' }).getByRole('textbox', { name: '搜索' });
    this.importDialog = dialog(page, '从 Excel 批量导入');
    this.panel = page.getByTestId('import-panel');
  }

  async goto(): Promise<void> {
    await this.page.goto('/registry');
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** The names in the table (bold, without the kind tag), once it has settled. */
  async names(): Promise<string[]> {
    await this.waitForTable();
    return this.table.rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('td strong')?.textContent?.trim() ?? ''),
    );
  }

  /** The "共 N 条" count under the table, once it has settled. */
  async total(): Promise<number> {
    await this.waitForTable();
    return this.table.total();
  }

  row(name: string): Locator {
    return this.table.rows.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Searches and waits for the answer. */
  async searchFor(q: string): Promise<void> {
    await this.search.fill(q);
    await this.table.reloadedBy(() => this.search.press('Enter'));
  }

  /** Clicks 显示号码 on a row and waits for the server's answer (the row then shows the number). */
  async revealPhone(name: string): Promise<Locator> {
    const row = this.row(name);
    await untilResponse(
      this.page,
      (url) => /\/api\/volunteers\/\d+\/contact$/.test(url),
      () => row.getByRole('button', { name: new RegExp(`${name}.*完整手机号码`) }).click(),
    );
    return row.getByTestId('contact-phone');
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

  /** The counts above the report, by their labels (each count shows its label, then its number). */
  async summary(): Promise<Record<string, number>> {
    return this.page.getByTestId('import-summary').evaluate((summary) =>
      Object.fromEntries(
        [...summary.children].map((stat) => {
          const [title = '', ...value] = (stat as HTMLElement).innerText
            .split('\n')
            .map((s) => s.trim())
            .filter(Boolean);
          return [title, Number(value.join('').replace(/\D/g, ''))];
        }),
      ),
    );
  }

  /** Every line of the report's first page. */
  async report(): Promise<ReportLine[]> {
    const cells = await new DataTable(this.page, 'import-report').cells();
    return cells.map((c) => ({ row: Number(c[0]), column: c[1] ?? '', message: c[2] ?? '' }));
  }

  importButton(name: RegExp): Locator {
    return this.importDialog.getByRole('button', { name });
  }

  /** Commits with the given footer button and waits for the result. */
  async commit(name: RegExp): Promise<void> {
    await this.importButton(name).click();
    await untilResponse(
      this.page,
      (url, method) => /\/api\/registry\/imports\/\d+\/commit$/.test(url) && method === 'POST',
      () => this.commitConfirmation.getByRole('button', { name: /^导入 \d+ 条$/ }).click(),
    );
    await this.phase('committed', 'report');
  }

  /** The shared confirmation that asks once before an import is committed. */
  get commitConfirmation(): Locator {
    return this.page.getByRole('dialog', { name: /^导入 \d+ 条记录到志愿者登记册？$/ });
  }

  /** Closes the dialog after a commit; the table reloads. */
  async finishImport(): Promise<void> {
    await this.table.reloadedBy(() => this.importButton(/完成/).click());
  }
}
