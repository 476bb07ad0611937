import { tableReloadedBy, tableSettled, untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { chooseOption } from './antd-select.ts';

/** What the form showed while the text was typed. */
export interface SeenSuggestion {
  text: string;
  askAPerson: boolean;
}

/** 民情需求: the record form with its live suggestion, and the list with the uncategorised queue. */
export class NeedsPage {
  readonly page: Page;
  readonly table: Locator;
  readonly text: Locator;
  readonly suggestion: Locator;
  readonly correctDialog: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = page.getByTestId('needs-table');
    this.text = page.locator('#need_text');
    this.suggestion = page.getByTestId('need-suggestion');
    this.correctDialog = page.locator('.ant-modal').filter({ has: page.locator('#correct-category') });
  }

  async goto(): Promise<void> {
    await this.page.goto('/needs');
    await this.waitForTable();
  }

  async waitForTable(): Promise<void> {
    await this.table.locator('.ant-table').waitFor();
    await tableSettled(this.page, 'needs-table');
  }

  /** Types a need and waits for the suggestion of exactly that text. */
  async type(text: string): Promise<SeenSuggestion> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/api/needs/classify') && method === 'POST',
      () => this.text.fill(text),
    );
    await this.suggestion.waitFor();
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="need-suggestion"] .ant-spin'));
    return {
      text: (await this.suggestion.innerText()).trim(),
      askAPerson: (await this.suggestion.getAttribute('data-ask')) === '1',
    };
  }

  /** The category the form's select now holds ('' when none). */
  async chosenCategory(): Promise<string> {
    const value = this.page
      .locator('form#need .ant-select')
      .filter({ has: this.page.locator('#need_categoryId') })
      .locator('.ant-select-content-has-value');
    return (await value.count()) ? ((await value.getAttribute('title')) ?? '') : '';
  }

  /** Chooses the channel (民情日记, 征求意见, 入户访谈) by its visible label. */
  async channel(label: string): Promise<void> {
    await this.page.locator('form#need .ant-radio-button-wrapper', { hasText: label }).click();
  }

  /** Submits the form and waits until the list shows the new need. */
  async submit(): Promise<void> {
    await tableReloadedBy(this.page, 'needs-table', () =>
      untilResponse(
        this.page,
        (url, method) => url.endsWith('/api/needs') && method === 'POST',
        () => this.page.locator('form#need button[type="submit"]').click(),
      ),
    );
  }

  row(text: string): Locator {
    return this.table.locator('tbody tr.ant-table-row', { hasText: text });
  }

  /** The category column of a need's row: the tag and its source line. */
  async categoryOf(text: string): Promise<string> {
    await this.waitForTable();
    return (await this.row(text).locator('td').nth(-2).innerText()).replace(/\s+/g, ' ').trim();
  }

  async showQueue(): Promise<void> {
    await tableReloadedBy(this.page, 'needs-table', () => this.page.getByTestId('queue-tab').click());
  }

  async showAll(): Promise<void> {
    await tableReloadedBy(this.page, 'needs-table', () =>
      this.page.locator('.ant-segmented-item', { hasText: '全部需求' }).click(),
    );
  }

  /** The number on the queue's tab. */
  async queueCount(): Promise<number> {
    return Number((await this.page.getByTestId('queue-tab').locator('.ant-badge').innerText()).replace(/\D/g, ''));
  }

  /** Opens a row's category dialog, picks a category and saves. */
  async correct(text: string, category: string): Promise<void> {
    await this.row(text).locator('td:last-child button').click();
    await chooseOption(this.page, 'correct-category', category, { exact: true });
    await tableReloadedBy(this.page, 'needs-table', () =>
      untilResponse(
        this.page,
        (url, method) => /\/api\/needs\/\d+\/category$/.test(url) && method === 'PUT',
        () => this.correctDialog.locator('.ant-modal-footer .ant-btn-primary').click(),
      ),
    );
  }
}

/** 最迫切需求: the period, by category, by unit with drill-down and the breadcrumb. */
export class PressingPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async goto(): Promise<void> {
    await this.page.goto('/pressing');
    await this.settled();
  }

  async settled(): Promise<void> {
    await tableSettled(this.page, 'pressing-units');
    await tableSettled(this.page, 'pressing-categories');
  }

  /** Unit names in the by-unit table. */
  async units(): Promise<string[]> {
    await this.settled();
    return (
      await this.page.getByTestId('pressing-units').locator('tbody tr.ant-table-row td:first-child').allInnerTexts()
    ).map((s) => s.trim());
  }

  async categories(): Promise<string[]> {
    await this.settled();
    return (
      await this.page
        .getByTestId('pressing-categories')
        .locator('tbody tr.ant-table-row td:first-child')
        .allInnerTexts()
    ).map((s) => s.trim());
  }

  async breadcrumb(): Promise<string[]> {
    return (await this.page.locator('.ant-breadcrumb li:not(.ant-breadcrumb-separator)').allInnerTexts())
      .map((s) => s.trim())
      .filter(Boolean);
  }

  async drillInto(unit: string): Promise<void> {
    await tableReloadedBy(this.page, 'pressing-units', () =>
      this.page
        .getByTestId('pressing-units')
        .getByRole('button', { name: new RegExp(unit) })
        .click(),
    );
  }

  async backTo(unit: string): Promise<void> {
    await tableReloadedBy(this.page, 'pressing-units', () =>
      this.page.locator('.ant-breadcrumb').getByRole('button', { name: unit }).click(),
    );
  }
}
