import type { Download, Locator, Page } from 'playwright-core';

/** 统计看板: the period, the drill-down, the charts with their figure tables and exports. */
export class DashboardPage {
  readonly page: Page;
  readonly board: Locator;
  readonly trail: Locator;

  constructor(page: Page) {
    this.page = page;
    this.board = page.getByTestId('dashboard');
    this.trail = page.getByRole('navigation', { name: '下钻路径' });
  }

  /** The unit the dashboard shows now. */
  async unit(): Promise<string | null> {
    return this.board.getAttribute('data-unit', { timeout: 1_000 });
  }

  /** Opens a unit below the current one by (part of) its name. */
  async drillInto(name: RegExp): Promise<void> {
    await this.page.getByRole('navigation', { name: '下级单位' }).getByRole('button', { name }).click();
  }

  /** A chart's section by its title. */
  chart(title: string): Locator {
    return this.board.getByRole('region', { name: title, exact: true });
  }

  /** The current value of a figure, as its table shows it. */
  async figure(chartTitle: string, item: string): Promise<string> {
    const row = this.chart(chartTitle)
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: item, exact: true }) });
    return (await row.getByRole('cell').nth(1).innerText({ timeout: 1_000 })).trim();
  }

  /** Clicks a figure of a chart: the link to the list behind it. */
  async openFigure(chartTitle: string, item: string): Promise<void> {
    await this.chart(chartTitle).getByRole('link', { name: item, exact: true }).click();
  }

  /** Exports a chart's data and answers the download. */
  async exportChart(title: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.chart(title)
        .getByRole('button', { name: `导出数据 ${title}` })
        .click(),
    ]);
    return download;
  }
}

/** 工作简报 and one bulletin's page. */
export class BulletinPages {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Generates the bulletin of a period and waits for its page. */
  async generate(from: string, to: string): Promise<void> {
    await this.page.getByLabel('起始日期').fill(from);
    await this.page.getByLabel('截止日期（不含）').fill(to);
    await this.page.getByRole('button', { name: '生成简报' }).click();
    await this.page.getByRole('button', { name: '下载 Word' }).waitFor();
  }

  /** Generates the bulletin of the period the page proposes (last quarter) and waits for its page. */
  async generateProposedPeriod(): Promise<void> {
    await this.page.getByRole('button', { name: '生成简报' }).click();
    await this.page.getByRole('button', { name: '下载 Word' }).waitFor();
  }

  /** The preview of the bulletin's text. */
  preview(): Locator {
    return this.page.getByTestId('bulletin-preview');
  }

  /** Replaces the opening paragraph and saves it as a new version. */
  async editOpening(text: string): Promise<void> {
    await this.page.getByLabel('导语').fill(text);
    await this.page.getByRole('button', { name: '保存修改' }).click();
  }

  /** Downloads the PDF. */
  async downloadPdf(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 60_000 }),
      this.page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    return download;
  }

  /** Downloads the .docx. */
  async downloadWord(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: '下载 Word' }).click(),
    ]);
    return download;
  }
}
