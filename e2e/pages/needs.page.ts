import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { choose, chosenIn } from './antd-select.ts';
import { dialog, dialogButton, pickRadio } from './overlays.ts';
import { DataTable } from './table.ts';

/** What the form shows about the text typed so far. */
export interface SeenSuggestion {
  text: string;
  askAPerson: boolean;
}

/** 民情需求: the record form with its live suggestion, and the list with the uncategorised queue. */
export class NeedsPage {
  readonly page: Page;
  readonly table: DataTable;
  readonly text: Locator;
  readonly category: Locator;
  readonly suggestion: Locator;
  readonly views: Locator;
  readonly correctDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'needs-table');
    this.text = page.getByRole('textbox', { name: '群众反映的问题' });
    this.category = page.getByRole('combobox', { name: '服务类别' });
    this.suggestion = page.getByTestId('need-suggestion');
    this.views = page.getByRole('radiogroup', { name: '显示范围' });
    this.correctDialog = dialog(page, '确定服务类别');
  }

  async goto(): Promise<void> {
    await this.page.goto('/needs');
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.table.settled();
  }

  /** Types a need and waits for the classifier's answer to be shown (not still thinking). */
  async type(text: string): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/api/needs/classify') && method === 'POST',
      () => this.text.fill(text),
    );
    await this.suggestion.waitFor();
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="need-suggestion"] [aria-busy="true"]'),
    );
  }

  /** The suggestion on show: its words and whether it asks a person to choose. */
  async suggested(): Promise<SeenSuggestion> {
    return {
      text: (await this.suggestion.innerText({ timeout: 1_000 })).trim(),
      askAPerson: (await this.suggestion.getAttribute('data-ask', { timeout: 1_000 })) === '1',
    };
  }

  /** The category the form's select now holds ('' when none). */
  chosenCategory(): Promise<string> {
    return chosenIn(this.category);
  }

  /** Chooses the channel (民情日记, 征求意见, 入户访谈) by its visible label. */
  async channel(label: string): Promise<void> {
    await pickRadio(this.page.getByRole('radiogroup', { name: '来源' }), label);
  }

  /** Submits the form and waits until the list shows the new need. */
  async submit(): Promise<void> {
    await this.table.reloadedBy(() =>
      untilResponse(
        this.page,
        (url, method) => url.endsWith('/api/needs') && method === 'POST',
        () => this.page.getByRole('button', { name: '记录', exact: true }).click(),
      ),
    );
  }

  row(text: string): Locator {
    return this.table.rowsWith(text);
  }

  /** The category column of a need's row: the tag and its source line. */
  async categoryOf(text: string): Promise<string> {
    return (await this.table.cell(this.row(text), '类别')).replace(/\s+/g, ' ');
  }

  async showQueue(): Promise<void> {
    await this.table.reloadedBy(() => pickRadio(this.views, '待分类'));
  }

  async showAll(): Promise<void> {
    await this.table.reloadedBy(() => pickRadio(this.views, '全部需求'));
  }

  /** The number on the queue's tab. */
  async queueCount(): Promise<number> {
    return Number((await this.page.getByTestId('queue-tab').innerText({ timeout: 1_000 })).replace(/\D/g, ''));
  }

  /** Opens a row's category dialog, picks a category and saves. */
  async correct(text: string, category: string): Promise<void> {
    await this.row(text)
      .getByRole('button', { name: /^更正类别/ })
      .click();
    await choose(this.correctDialog.getByRole('combobox'), category, { exact: true });
    await this.table.reloadedBy(() =>
      untilResponse(
        this.page,
        (url, method) => /\/api\/needs\/\d+\/category$/.test(url) && method === 'PUT',
        () => dialogButton(this.correctDialog, '保存').click(),
      ),
    );
  }
}

/** 最迫切需求: the period, by category, by unit with drill-down and the breadcrumb. */
export class PressingPage {
  readonly page: Page;
  readonly units: DataTable;
  readonly categories: DataTable;
  readonly breadcrumb: Locator;

  constructor(page: Page) {
    this.page = page;
    this.units = new DataTable(page, 'pressing-units');
    this.categories = new DataTable(page, 'pressing-categories');
    this.breadcrumb = page.getByRole('navigation', { name: '当前查看的单位' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/pressing');
    await this.settled();
  }

  async settled(): Promise<void> {
    await this.units.settled();
    await this.categories.settled();
  }

  /** Unit names in the by-unit table. */
  async unitNames(): Promise<string[]> {
    await this.settled();
    return this.units.column(0);
  }

  async categoryNames(): Promise<string[]> {
    await this.settled();
    return this.categories.column(0);
  }

  /** The units of the breadcrumb, top first. */
  async trail(): Promise<string[]> {
    return (await this.breadcrumb.getByRole('listitem').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
  }

  async drillInto(unit: string): Promise<void> {
    await this.units.reloadedBy(() => this.units.root.getByRole('button', { name: new RegExp(unit) }).click());
  }

  async backTo(unit: string): Promise<void> {
    await this.units.reloadedBy(() => this.breadcrumb.getByRole('button', { name: unit }).click());
  }
}
