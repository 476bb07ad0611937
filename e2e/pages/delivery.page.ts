import { untilResponse } from '../fixtures/browser.ts';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { choose } from './antd-select.ts';
import { dialog, dialogButton, pickRadio, popconfirmOk } from './overlays.ts';
import { DataTable } from './table.ts';

const isRecordPost = (url: string, method: string) => new URL(url).pathname === '/api/records' && method === 'POST';

/** What the request list says when it has nothing to show. */
const NO_REQUESTS = '暂无服务请求';

/** 服务请求: the member's (or staff's) request cards and what can be done with them. */
export class RequestsScreen {
  readonly page: Page;
  readonly list: Locator;
  readonly filters: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('request-list');
    this.filters = page.getByRole('search', { name: '筛选条件' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/requests');
    await this.settled();
  }

  /** Waits until the list has loaded (cards or the empty message). */
  async settled(): Promise<void> {
    await this.page
      .locator('[data-testid="request-list"][aria-busy="false"]')
      .or(this.page.getByRole('main').getByText(NO_REQUESTS))
      .first()
      .waitFor();
  }

  /**
   * Posts through `click` (the call ending in `path`), checks the answer, and waits for the list's
   * answer to the reload it causes (a new data-loaded key, or the empty message): right after the
   * POST is answered the list still shows the old answer and reports itself idle until React
   * starts the reload.
   */
  private async post(path: string, click: () => Promise<void>): Promise<void> {
    const before = await this.list.getAttribute('data-loaded');
    const response = await untilResponse(this.page, (url, method) => url.endsWith(path) && method === 'POST', click);
    if (!response.ok()) throw new Error(`${path} answered ${response.status()}`);
    await this.page.waitForFunction(
      ([previous, empty]) => {
        const key = document.querySelector('[data-testid="request-list"]')?.getAttribute('data-loaded');
        return (!!key && key !== previous) || !!document.querySelector('main')?.textContent?.includes(empty!);
      },
      [before, NO_REQUESTS] as const,
    );
  }

  card(code: string): Locator {
    return this.page.locator(`[data-testid="request-card"][data-code="${code}"]`);
  }

  /** The status tag of a request's card. */
  status(code: string): Locator {
    return this.card(code).getByTestId('request-status');
  }

  /** Filters the list by status (its label) and waits for the answer. */
  async filterStatus(label: string): Promise<void> {
    await choose(this.filters.getByRole('combobox', { name: '状态' }), label, { exact: true });
    await this.settled();
  }

  private async act(code: string, label: string, path: string): Promise<void> {
    await this.post(path, () => this.card(code).getByRole('button', { name: label }).click());
  }

  async accept(code: string): Promise<void> {
    await this.act(code, '接单', '/accept');
  }

  /** 完成服务, confirmed in the popover. */
  async complete(code: string): Promise<void> {
    await this.card(code).getByRole('button', { name: '完成服务' }).click();
    await this.post('/complete', () => popconfirmOk(this.page).click());
  }

  async decline(code: string, reason: string): Promise<void> {
    await this.card(code).getByRole('button', { name: '婉拒' }).click();
    const declining = dialog(this.page, '婉拒这个请求');
    await declining.getByRole('textbox', { name: '婉拒原因' }).fill(reason);
    await this.post('/decline', () => dialogButton(declining, '婉拒并转交').click());
  }

  /** 查看联系方式: the resident's name and full phone, as the member sees them to call. */
  async showContact(code: string): Promise<Locator> {
    await this.card(code).getByRole('button', { name: '查看联系方式' }).click();
    const contact = this.card(code).getByTestId('request-contact');
    await contact.waitFor();
    return contact;
  }

  async writeRecord(code: string): Promise<RecordFormScreen> {
    await this.card(code).getByRole('button', { name: '填写服务记录' }).click();
    const form = new RecordFormScreen(this.page);
    await form.ready();
    return form;
  }
}

/** What a member types into the record form; anything left out keeps the form's value. */
export interface RecordFields {
  groups?: string[];
  mode?: string;
  content?: string;
  personTimes?: number;
  duration?: number;
  recipient?: string;
  category?: string;
}

/** The record form's text and number fields, by their labels. */
const FIELDS = {
  content: '服务内容',
  personTimes: '服务人次',
  duration: '时长（分钟）',
  recipient: '服务对象（选填）',
} as const;

/** The service record form (/records/new, /records/:id/edit), its fields found by their labels. */
export class RecordFormScreen {
  readonly page: Page;
  readonly form: Locator;
  readonly error: Locator;
  readonly offlineBanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.locator('form#service-record');
    this.error = page.getByTestId('record-error');
    this.offlineBanner = page.getByTestId('offline-banner');
  }

  field(name: keyof typeof FIELDS): Locator {
    return this.form.getByLabel(FIELDS[name]);
  }

  async ready(): Promise<void> {
    await this.field('content').waitFor();
  }

  async fill(fields: RecordFields): Promise<void> {
    const f = this.form;
    if (fields.category) await choose(f.getByRole('combobox', { name: '服务类别' }), fields.category, { exact: true });
    if (fields.mode) await pickRadio(f.getByRole('radiogroup', { name: '服务方式' }), fields.mode);
    for (const group of fields.groups ?? []) await f.getByRole('checkbox', { name: group, exact: true }).check();
    if (fields.content !== undefined) await this.field('content').fill(fields.content);
    if (fields.personTimes !== undefined) await this.field('personTimes').fill(String(fields.personTimes));
    if (fields.duration !== undefined) await this.field('duration').fill(String(fields.duration));
    if (fields.recipient !== undefined) await this.field('recipient').fill(fields.recipient);
  }

  /** The button that sends the form: 保存记录 for a new record, 保存更正 for a correction. */
  get submitButton(): Locator {
    return this.form.getByRole('button', { name: /^保存(记录|更正)$/ });
  }

  /** After a walk-in is saved online: its receipt (服务回执) is shown; the link goes back to the book. */
  async leaveReceipt(): Promise<void> {
    await this.page.getByTestId('receipt').waitFor();
    await this.page.getByRole('link', { name: '返回服务记录本' }).click();
  }

  /** Submits and waits for the POST (online); offline nothing reaches the server, so only click. */
  async submit(options: { expectPost?: boolean } = {}): Promise<void> {
    if (options.expectPost === false) await this.submitButton.click();
    else await untilResponse(this.page, isRecordPost, () => this.submitButton.click());
  }
}

/** 服务记录本: the queue of unsent records, the member's records, staff filters and tables. */
export class RecordBook {
  readonly page: Page;
  readonly queue: Locator;
  readonly queueCount: Locator;
  readonly cards: Locator;
  readonly table: DataTable;
  readonly filters: Locator;

  constructor(page: Page) {
    this.page = page;
    this.queue = page.getByTestId('record-queue');
    this.queueCount = page.getByTestId('queue-count');
    this.cards = page.getByTestId('record-card');
    this.table = new DataTable(page, 'records-table');
    this.filters = page.getByRole('search', { name: '筛选条件' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/records');
    await this.page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
  }

  /** Records waiting on this phone, as the page counts them (0 when the queue panel is gone). */
  async queued(): Promise<number> {
    if ((await this.queueCount.count()) === 0) return 0;
    return Number(await this.queueCount.getAttribute('data-count', { timeout: 1_000 }));
  }

  async waitForQueued(n: number): Promise<void> {
    await this.page.waitForFunction(
      (want) => Number(document.querySelector('[data-testid="queue-count"]')?.getAttribute('data-count') ?? 0) === want,
      n,
    );
  }

  async openNew(): Promise<RecordFormScreen> {
    await this.page.getByTestId('new-record').click();
    const form = new RecordFormScreen(this.page);
    await form.ready();
    return form;
  }

  card(text: string): Locator {
    return this.cards.filter({ hasText: text });
  }

  async addFeedback(text: string, result: string): Promise<void> {
    await this.card(text).getByRole('button', { name: '添加跟踪反馈' }).click();
    const feedback = dialog(this.page, '添加跟踪反馈');
    await feedback.getByRole('textbox', { name: '反馈结果' }).fill(result);
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/feedback') && method === 'POST',
      () => dialogButton(feedback, '确定').click(),
    );
    await this.card(text).getByTestId('record-feedback').filter({ hasText: result }).waitFor();
  }

  /** Staff: the table's rows' texts, once it shows an answer (not loading, rows or "no records"). */
  async rows(): Promise<string[]> {
    await this.page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="records-table"]');
      return (
        !!table &&
        !table.querySelector('[aria-busy="true"]') &&
        !!table.querySelector('tbody tr:not([aria-hidden="true"])')
      );
    });
    return this.table.rows.allInnerTexts();
  }

  /** Staff: picks an option of a filter select (by its label) by its visible text. */
  async filter(label: string, option: string): Promise<void> {
    await choose(this.filters.getByRole('combobox', { name: label }), option, { exact: true });
  }
}

/** The number of the member's records on the server, through the API with the browser's session. */
export async function myRecordCount(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/records?mine=1&limit=1');
  if (!response.ok()) throw new Error(`GET /api/records answered ${response.status()}`);
  return ((await response.json()) as { total: number }).total;
}
