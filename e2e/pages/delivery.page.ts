import { untilResponse } from '../fixtures/browser.ts';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { chooseOption } from './antd-select.ts';

const isRecordPost = (url: string, method: string) => new URL(url).pathname === '/api/records' && method === 'POST';

/** 服务请求: the member's (or staff's) request cards and what can be done with them. */
export class RequestsScreen {
  readonly page: Page;
  readonly list: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('request-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/requests');
    await this.settled();
  }

  /** Waits until the list has loaded (cards or the empty message). */
  async settled(): Promise<void> {
    await this.page.waitForFunction(
      () => !!document.querySelector('[data-testid="request-list"][aria-busy="false"], main .ant-empty'),
    );
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
    await this.page.waitForFunction((previous) => {
      const key = document.querySelector('[data-testid="request-list"]')?.getAttribute('data-loaded');
      return (!!key && key !== previous) || !!document.querySelector('main .ant-empty');
    }, before);
  }

  card(code: string): Locator {
    return this.page.locator(`[data-testid="request-card"][data-code="${code}"]`);
  }

  async status(code: string): Promise<string> {
    return (await this.card(code).getByTestId('request-status').innerText()).trim();
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
    await this.post('/complete', () =>
      this.page.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click(),
    );
  }

  async decline(code: string, reason: string): Promise<void> {
    await this.card(code).getByRole('button', { name: '婉拒' }).click();
    const dialog = this.page.locator('.ant-modal').filter({ has: this.page.locator('form#decline-request') });
    await dialog.locator('#decline-request_reason').fill(reason);
    await this.post('/decline', () => dialog.locator('.ant-modal-footer .ant-btn-primary').click());
  }

  /** 查看联系方式: the resident's name and full phone, as the member sees them to call. */
  async showContact(code: string): Promise<string> {
    await this.card(code).getByRole('button', { name: '查看联系方式' }).click();
    const contact = this.card(code).getByTestId('request-contact');
    await contact.waitFor();
    return contact.innerText();
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

/** The service record form (/records/new, /records/:id/edit), found by the form's field ids. */
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

  async ready(): Promise<void> {
    await this.form.locator('#service-record_content').waitFor();
  }

  async value(field: string): Promise<string> {
    return this.form.locator(`#service-record_${field}`).inputValue();
  }

  async fill(fields: RecordFields): Promise<void> {
    const f = this.form;
    if (fields.category) {
      await chooseOption(this.page, 'service-record_categoryId', fields.category, { exact: true });
    }
    if (fields.mode) await f.getByRole('radiogroup').getByText(fields.mode, { exact: true }).click();
    for (const group of fields.groups ?? []) await f.getByRole('checkbox', { name: group, exact: true }).check();
    if (fields.content !== undefined) await f.locator('#service-record_content').fill(fields.content);
    if (fields.personTimes !== undefined)
      await f.locator('#service-record_personTimes').fill(String(fields.personTimes));
    if (fields.duration !== undefined) await f.locator('#service-record_durationMinutes').fill(String(fields.duration));
    if (fields.recipient !== undefined) await f.locator('#service-record_recipientName').fill(fields.recipient);
  }

  /** Submits and waits for the POST (online); offline nothing reaches the server, so only click. */
  async submit(options: { expectPost?: boolean } = {}): Promise<void> {
    const button = this.form.locator('button[type="submit"]');
    if (options.expectPost === false) await button.click();
    else await untilResponse(this.page, isRecordPost, () => button.click());
  }
}

/** 服务记录本: the queue of unsent records, the member's records, staff filters and tables. */
export class RecordBook {
  readonly page: Page;
  readonly queue: Locator;
  readonly queueCount: Locator;
  readonly cards: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.queue = page.getByTestId('record-queue');
    this.queueCount = page.getByTestId('queue-count');
    this.cards = page.getByTestId('record-card');
    this.table = page.getByTestId('records-table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/records');
    await this.page.locator('main h1').waitFor();
  }

  /** Records waiting on this phone, as the page counts them (0 when the queue panel is gone). */
  async queued(): Promise<number> {
    if ((await this.queueCount.count()) === 0) return 0;
    return Number(await this.queueCount.getAttribute('data-count'));
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
    const dialog = this.page.locator('.ant-modal').filter({ has: this.page.locator('form#record-feedback') });
    await dialog.locator('#record-feedback_result').fill(result);
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/feedback') && method === 'POST',
      () => dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    await this.card(text).getByTestId('record-feedback').filter({ hasText: result }).waitFor();
  }

  /** Staff: waits for the table to settle and gives its rows' texts. */
  async rows(): Promise<string[]> {
    await this.page.waitForFunction(() => {
      const table = document.querySelector('[data-testid="records-table"]');
      return (
        !!table &&
        !table.querySelector('.ant-spin-spinning') &&
        !!table.querySelector('tbody tr.ant-table-row, tbody tr.ant-table-placeholder')
      );
    });
    return this.table.locator('tbody tr.ant-table-row').allInnerTexts();
  }

  /** Staff: picks an option of a filter select by its visible text. */
  async filter(id: string, option: string): Promise<void> {
    await chooseOption(this.page, id, option, { exact: true });
  }
}

/** The number of the member's records on the server, through the API with the browser's session. */
export async function myRecordCount(request: APIRequestContext): Promise<number> {
  const response = await request.get('/api/records?mine=1&limit=1');
  if (!response.ok()) throw new Error(`GET /api/records answered ${response.status()}`);
  return ((await response.json()) as { total: number }).total;
}
