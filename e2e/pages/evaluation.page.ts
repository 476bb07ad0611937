import type { Locator, Page } from 'playwright-core';
import { DataTable } from './table.ts';

/** 量化考评: the scores of a quarter, the run and its dry run. */
export class EvaluationPage {
  readonly page: Page;
  readonly scores: DataTable;
  readonly dryRunButton: Locator;
  readonly runButton: Locator;
  readonly dryRunResult: Locator;

  constructor(page: Page) {
    this.page = page;
    this.scores = new DataTable(page, 'scores-table');
    this.dryRunButton = page.getByRole('button', { name: '试算（不保存）' });
    this.runButton = page.getByRole('button', { name: '正式考评' });
    this.dryRunResult = page.getByTestId('dry-run-result');
  }

  /** Opens a studio's breakdown from the list. */
  async openBreakdown(studio: string): Promise<void> {
    await this.scores.root.getByRole('link', { name: studio, exact: true }).click();
    await this.page.getByRole('heading', { level: 1, name: new RegExp(`^${studio} · .* 考评明细$`) }).waitFor();
  }
}

/** 表扬与整改建议: proposals and their decisions. */
export class EvaluationProposalsPage {
  readonly page: Page;
  readonly table: DataTable;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'proposals-table');
  }

  /** The rows of one kind (通报表扬, 整改/取消牌匾). */
  rowsOf(kind: string): Locator {
    return this.table.rowsWith(kind);
  }
}
