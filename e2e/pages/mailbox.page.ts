import type { Locator, Page } from 'playwright-core';
import { tableReloadedBy, untilResponse } from '../fixtures/browser.ts';
import { choose } from './antd-select.ts';
import { dialog, dialogButton } from './overlays.ts';

/** A photo to attach, as a file chooser takes it. */
export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** 监督信箱 on the resident side: /mailbox (write) and /mailbox/:code (follow, rate), by labels and roles. */
export class ResidentMailbox {
  readonly page: Page;
  readonly main: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
  }

  /** Picks the kind of letter (投诉, 建议, 表扬, 检举控告). */
  async chooseType(label: string): Promise<void> {
    await this.main.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
  }

  /** Searches a studio by a part of its name and picks it. */
  async chooseStudio(query: string, name: string): Promise<void> {
    await this.main.getByRole('searchbox', { name: /工作室/ }).fill(query);
    await this.main
      .getByRole('list', { name: '找到的工作室' })
      .getByRole('button', { name: new RegExp(name) })
      .click();
    await this.chosenStudio.filter({ hasText: name }).waitFor();
  }

  get chosenStudio(): Locator {
    return this.page.getByTestId('chosen-studio');
  }

  /** The thumbnails of the photos chosen so far. */
  get photos(): Locator {
    return this.main.getByRole('img', { name: /^第 \d 张照片$/ });
  }

  /** Fills the letter and sends it; returns the tracking code shown. */
  async send(fields: { text: string; photos?: PhotoFile[]; name?: string; phone?: string }): Promise<string> {
    await this.main.getByRole('textbox', { name: /^内容/ }).fill(fields.text);
    for (const [i, photo] of (fields.photos ?? []).entries()) {
      await this.main.getByLabel(/^照片（最多 3 张）/).setInputFiles(photo);
      await this.photos.nth(i).waitFor();
    }
    if (fields.name) await this.main.getByRole('textbox', { name: /^姓名/ }).fill(fields.name);
    if (fields.phone) await this.main.getByRole('textbox', { name: /^手机号码/ }).fill(fields.phone);
    await this.main.getByRole('button', { name: '提交', exact: true }).click();
    return (await this.code.innerText()).trim();
  }

  get code(): Locator {
    return this.page.getByTestId('letter-code');
  }

  /** The status on /mailbox/:code: its machine value and its words. */
  async status(): Promise<{ status: string; text: string }> {
    const badge = this.page.getByTestId('letter-status');
    await badge.waitFor();
    return { status: (await badge.getAttribute('data-status')) ?? '', text: (await badge.innerText()).trim() };
  }

  /** Gives the verdict (满意, 基本满意, 不满意) and waits for the server's answer. */
  async rate(verdict: string, comment: string): Promise<void> {
    const form = this.main.locator('form', { has: this.page.getByRole('group', { name: '您对办理结果' }) });
    await form.getByRole('radio', { name: verdict, exact: true }).check();
    await form.getByRole('textbox', { name: /^意见/ }).fill(comment);
    const response = await untilResponse(
      this.page,
      (url, method) => url.endsWith('/rating') && method === 'POST',
      () => form.getByRole('button', { name: '提交评价' }).click(),
    );
    if (!response.ok()) throw new Error(`rating answered ${response.status()}`);
  }
}

/** 监督信箱 in the console: the queue and one letter's page. */
export class LettersScreen {
  readonly page: Page;
  readonly main: Locator;
  readonly table: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.table = page.getByTestId('letters-table');
  }

  /** Waits until the queue shows the answer to its latest request. */
  async settled(): Promise<void> {
    await this.page
      .locator('[data-testid="letters-table"][aria-busy="false"] tbody tr:not([aria-hidden="true"])')
      .first()
      .waitFor();
  }

  /** Ticks or clears 只看超期 and waits for the queue's new answer. */
  async filterOverdue(on: boolean): Promise<void> {
    const box = this.page.getByRole('checkbox', { name: '只看超期' });
    await tableReloadedBy(this.page, 'letters-table', () => (on ? box.check() : box.uncheck()));
  }

  /** The queue's row of a letter, by its tracking code. */
  row(code: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name: code, exact: true }) });
  }

  /** Opens a letter from the queue and waits for its page. */
  async open(code: string): Promise<void> {
    await this.row(code).getByRole('link', { name: code, exact: true }).click();
    await this.heading(code).waitFor();
  }

  heading(code: string): Locator {
    return this.main.getByRole('heading', { level: 1, name: new RegExp(`^来信 ${code}`) });
  }

  /** The status tag on the letter's page. */
  get status(): Locator {
    return this.main.getByRole('heading', { level: 1 }).getByTestId('letter-status');
  }

  /** The step buttons the server allows this viewer now, in order. */
  async actions(): Promise<string[]> {
    const box = this.page.getByTestId('letter-actions');
    if ((await box.count()) === 0) return [];
    return (await box.getByRole('button').allInnerTexts()).map((s) => s.trim());
  }

  /** Runs one step through its dialog: `fill` fills the form, the dialog's OK sends it. */
  private async step(label: string, fill: (d: Locator) => Promise<void>): Promise<void> {
    await this.page.getByTestId('letter-actions').getByRole('button', { name: label, exact: true }).click();
    const d = dialog(this.page, label);
    await d.waitFor();
    await fill(d);
    const response = await untilResponse(
      this.page,
      (url, method) => /\/api\/letters\/\d+\/[a-z-]+$/.test(new URL(url).pathname) && method === 'POST',
      () => dialogButton(d, label).click(),
    );
    if (!response.ok()) throw new Error(`${label} answered ${response.status()}: ${await response.text()}`);
    await d.waitFor({ state: 'hidden' });
  }

  async assign(handler: string): Promise<void> {
    await this.step('指定负责人', (d) => choose(d.getByRole('combobox', { name: /负责人/ }), handler));
  }

  async acknowledge(): Promise<void> {
    await this.step('受理', async () => undefined);
  }

  async reply(text: string, label = '答复'): Promise<void> {
    await this.step(label, (d) => d.getByRole('textbox', { name: /答复内容/ }).fill(text));
  }

  async rule(finding: string, reason: string): Promise<void> {
    await this.step('复核认定', async (d) => {
      // 属实 is inside 不属实, so the label is matched whole (pickRadio matches a part).
      await d
        .getByRole('radiogroup')
        .locator('label')
        .filter({ hasText: new RegExp(`^${finding}$`) })
        .click();
      await d.getByRole('radio', { name: finding, exact: true, checked: true }).waitFor({ state: 'attached' });
      await d.getByRole('textbox', { name: /认定理由/ }).fill(reason);
    });
  }
}
