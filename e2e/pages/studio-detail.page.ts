import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { dialog, dialogButton, popconfirmOk } from './overlays.ts';

const transitionCall = (url: string, method: string) =>
  method === 'POST' && /\/api\/studios\/\d+\/[a-z/-]+$/.test(new URL(url).pathname);

/** The OK button of each step's dialog. */
const CONFIRM: Record<string, string> = {
  communityReview: '提交审核意见',
  streetReview: '提交审核意见',
  sign: '签订',
  award: '授牌',
  rectify: '下达整改',
  completeRectification: '确认整改完成',
  revoke: '取消牌匾',
  close: '关闭',
  renew: '续签',
};

/** Steps that cannot be undone: after the form, the shared confirmation asks once more, by this title. */
const ASKED: Record<string, RegExp> = {
  award: /^为“.+”授牌？$/,
  revoke: /^取消“.+”的牌匾？$/,
};

/** One studio: status, reason, the allowed steps and their dialogs, documents and history. */
export class StudioDetailPage {
  readonly page: Page;
  readonly root: Locator;
  readonly heading: Locator;
  readonly reason: Locator;
  readonly steps: Locator;
  readonly dialog: Locator;
  readonly dialogError: Locator;
  readonly documents: Locator;
  readonly history: Locator;
  /** The step whose dialog was opened last. */
  private opened = '';

  constructor(page: Page) {
    this.page = page;
    this.root = page.locator('[data-studio-id]');
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 }).first();
    this.reason = page.getByTestId('status-reason');
    this.steps = page.getByRole('group', { name: '可办理的事项' });
    this.dialog = page.getByRole('dialog');
    this.dialogError = page.getByTestId('action-error');
    this.documents = page.getByTestId('studio-documents');
    this.history = page.getByTestId('studio-history');
  }

  /** Where the progress bar says the studio stands, as read aloud ("当前：街道审核"). */
  async progressNow(): Promise<string> {
    return (await this.page.getByTestId('studio-progress-now').innerText({ timeout: 1_000 })).trim();
  }

  /** The history entries' text, oldest first. */
  async historyEntries(): Promise<string[]> {
    return (await this.history.getByRole('listitem').allInnerTexts()).map((s) => s.trim());
  }

  async goto(id: number): Promise<void> {
    await this.page.goto(`/studios/${id}`);
    await this.heading.waitFor();
  }

  /** The studio's id, from the address. */
  id(): number {
    const match = /\/studios\/(\d+)/.exec(this.page.url());
    if (!match?.[1]) throw new Error(`not on a studio page: ${this.page.url()}`);
    return Number(match[1]);
  }

  /** Waits until the page shows the studio in `status` (the machine name, e.g. 'active'). */
  async waitForStatus(status: string): Promise<void> {
    await this.page.locator(`[data-studio-id][data-status="${status}"]`).waitFor();
  }

  /** The studio's status (machine name) as the page shows it now. */
  async status(): Promise<string | null> {
    return this.root.getAttribute('data-status', { timeout: 1_000 });
  }

  /** The steps (data-action, e.g. 'submit') the page offers now; none once the studio is loaded without any. */
  async actions(): Promise<string[]> {
    await this.root.waitFor();
    return this.steps
      .locator('[data-action]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
  }

  action(name: string): Locator {
    return this.steps.locator(`[data-action="${name}"]`);
  }

  /** Opens a step's dialog and gives it. */
  async open(action: string): Promise<Locator> {
    await this.action(action).click();
    await this.dialog.waitFor();
    this.opened = action;
    return this.dialog;
  }

  /** Presses the open dialog's OK button and waits for the transition's answer. */
  async confirmDialog(): Promise<number> {
    const ok = CONFIRM[this.opened];
    if (!ok) throw new Error(`no dialog of a known step is open (last opened: "${this.opened}")`);
    const asked = ASKED[this.opened];
    if (!asked) {
      const response = await untilResponse(this.page, transitionCall, () => dialogButton(this.dialog, ok).click());
      return response.status();
    }
    await dialogButton(this.dialog, ok).click();
    const again = dialog(this.page, asked);
    const response = await untilResponse(this.page, transitionCall, () => dialogButton(again, ok).click());
    return response.status();
  }

  /** Presses the step's OK, then 取消 in the confirmation that asks again; the step's form stays open. */
  async confirmThenCancel(): Promise<void> {
    const ok = CONFIRM[this.opened];
    const asked = ASKED[this.opened];
    if (!ok || !asked) throw new Error(`the step "${this.opened}" asks no confirmation`);
    await dialogButton(this.dialog, ok).click();
    const again = dialog(this.page, asked);
    await again.waitFor();
    await dialogButton(again, '取消').click();
    await again.waitFor({ state: 'hidden' });
  }

  /** A step needing only a confirmation (submit, reopen). */
  async confirmAction(action: string): Promise<void> {
    await this.action(action).click();
    await untilResponse(this.page, transitionCall, () => popconfirmOk(this.page).click());
  }

  /** Fills the 资质把关 checklist; `fail` marks those items as failing (the decision follows). */
  async review(
    options: {
      fail?: Array<'politicalQuality' | 'professionalSpecialty' | 'serviceItems'>;
      /** Items left without a pass or fail (the form then refuses to send). */
      unjudged?: Array<'politicalQuality' | 'professionalSpecialty' | 'serviceItems'>;
      comment?: string;
      reason?: string;
    } = {},
  ): Promise<number> {
    const stage = (await this.action('communityReview').count()) > 0 ? 'communityReview' : 'streetReview';
    const form = await this.open(stage);
    const legends = { politicalQuality: '政治素质', professionalSpecialty: '专业特长', serviceItems: '服务项目' };
    for (const [item, legend] of Object.entries(legends)) {
      const group = form.getByRole('group', { name: legend, exact: true });
      if (options.unjudged?.includes(item as keyof typeof legends)) continue;
      const fails = options.fail?.includes(item as keyof typeof legends);
      await group.getByRole('radio', { name: fails ? '不合格' : '合格', exact: true }).check();
      if (options.comment) await group.getByRole('textbox', { name: '意见' }).fill(options.comment);
    }
    // A failing item switches the decision to 不通过 by itself; a pass is the reviewer's own click.
    if (!options.fail?.length) await this.dialog.getByRole('radio', { name: '通过', exact: true }).check();
    if (options.reason) await form.getByRole('textbox', { name: '不通过的理由' }).fill(options.reason);
    return this.confirmDialog();
  }

  async closeDialog(): Promise<void> {
    await dialogButton(this.dialog, '取消').click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  /** The href of a document link by its visible text. */
  async documentHref(text: string): Promise<string> {
    const href = await this.documents.getByRole('link', { name: text }).getAttribute('href');
    if (!href) throw new Error(`no document link "${text}"`);
    return href;
  }
}
