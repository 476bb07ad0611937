import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';

const transitionCall = (url: string, method: string) =>
  method === 'POST' && /\/api\/studios\/\d+\/[a-z/-]+$/.test(new URL(url).pathname);

/** One studio: status, reason, the allowed steps and their dialogs, documents and history. */
export class StudioDetailPage {
  readonly page: Page;
  readonly root: Locator;
  readonly heading: Locator;
  readonly reason: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly documents: Locator;
  readonly history: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('.hm-studio-detail');
    this.heading = page.locator('main h1').first();
    this.reason = page.getByTestId('status-reason');
    this.dialog = page.locator('.ant-modal-wrap:not([style*="display: none"]) .ant-modal');
    this.dialogError = page.getByTestId('action-error');
    this.documents = page.getByTestId('studio-documents');
    this.history = page.getByTestId('studio-history');
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/studios/${id}`);
    await this.page.locator('main h1').first().waitFor();
  }

  /** The studio's id, from the address. */
  id(): number {
    const match = /\/studios\/(\d+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a studio page: ${this.page.url()}`);
    return Number(match[1]);
  }

  /** Waits until the page shows the studio in `status` (the machine name, e.g. 'active'). */
  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`.hm-studio-detail[data-status="${status}"]`).waitFor();
  }

  async status(): Promise<string | null> {
    await this.root.waitFor();
    return this.root.getAttribute('data-status');
  }

  /** The data-action values of the step buttons on show. */
  async actions(): Promise<string[]> {
    await this.root.waitFor();
    return this.root
      .locator('.hm-studio-actions [data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }

  action(name: string): Locator {
    return this.root.locator(`.hm-studio-actions [data-action="${name}"]`);
  }

  /** Opens a step's dialog and waits for its form. */
  async open(action: string, formName: string): Promise<Locator> {
    await this.action(action).click();
    const form = this.page.locator(`form#${formName}`);
    await form.waitFor();
    return form;
  }

  /** Presses the dialog's OK button and waits for the transition's answer. */
  async confirmDialog(): Promise<number> {
    const response = await untilResponse(this.page, transitionCall, () =>
      this.dialog.locator('.ant-modal-footer .ant-btn-primary').click(),
    );
    return response.status();
  }

  /** A step needing only a confirmation (submit, reopen). */
  async confirmAction(action: string): Promise<void> {
    await this.action(action).click();
    await untilResponse(this.page, transitionCall, () =>
      this.page.locator('.ant-popover:not(.ant-popover-hidden) .ant-btn-primary').click(),
    );
  }

  /** Fills the 资质把关 checklist; `fail` marks those items as failing (the decision follows). */
  async review(
    options: {
      fail?: Array<'politicalQuality' | 'professionalSpecialty' | 'serviceItems'>;
      comment?: string;
      reason?: string;
    } = {},
  ): Promise<number> {
    const stage = (await this.action('communityReview').count()) > 0 ? 'communityReview' : 'streetReview';
    const form = await this.open(stage, 'studio-review');
    for (const item of ['politicalQuality', 'professionalSpecialty', 'serviceItems'] as const) {
      const group = form.getByTestId(`check-${item}`);
      if (options.fail?.includes(item)) await group.getByLabel('不合格').check();
      if (options.comment) await group.locator('textarea').fill(options.comment);
    }
    if (options.reason) await form.locator('#studio-review_reason').fill(options.reason);
    return this.confirmDialog();
  }

  async closeDialog(): Promise<void> {
    await this.dialog.locator('.ant-modal-footer button:not(.ant-btn-primary)').click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** The href of a document link by its visible text. */
  async documentHref(text: string): Promise<string> {
    const href = await this.documents.getByRole('link', { name: text }).getAttribute('href');
    if (!href) throw new Error(`no document link "${text}"`);
    return href;
  }
}
