import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { choose } from './antd-select.ts';
import { dialog, dialogButton, pickRadio } from './overlays.ts';
import { DataTable } from './table.ts';

const isSubmit = (url: string, method: string) => /\/api\/inspections\/\d+\/submit$/.test(url) && method === 'POST';

/** 我的检查: the supervisor's visits this quarter on a phone, and what waits on the phone. */
export class MyInspectionsScreen {
  readonly page: Page;
  readonly list: Locator;
  readonly queue: Locator;
  readonly queueCount: Locator;
  readonly offlineBanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.list = page.getByTestId('my-inspections');
    this.queue = page.getByTestId('visit-queue');
    this.queueCount = page.getByTestId('visit-queue-count');
    this.offlineBanner = page.getByTestId('offline-banner');
  }

  async goto(): Promise<void> {
    await this.page.goto('/my-inspections');
    await this.list.waitFor();
  }

  card(studio: string): Locator {
    return this.page.locator(`[data-testid="my-inspection"][data-studio="${studio}"]`);
  }

  /** The card's state: the inspection's status, or 待提交 while it waits on the phone. */
  status(studio: string): Locator {
    return this.card(studio).getByTestId('inspection-status').or(this.card(studio).getByTestId('queued-tag'));
  }

  /** Opens the form from the card (a link inside the app: it works without a network once loaded). */
  async start(studio: string): Promise<VisitFormScreen> {
    await this.card(studio)
      .getByRole('link', { name: /开始检查|继续填写/ })
      .click();
    const form = new VisitFormScreen(this.page);
    await form.ready();
    return form;
  }

  async waitForQueued(n: number): Promise<void> {
    await this.page.waitForFunction(
      (want) =>
        Number(document.querySelector('[data-testid="visit-queue-count"]')?.getAttribute('data-count') ?? 0) === want,
      n,
    );
  }
}

/** The inspection form (/my-inspections/:id), items found by their names. */
export class VisitFormScreen {
  readonly page: Page;
  readonly form: Locator;
  readonly error: Locator;
  readonly offlineBanner: Locator;
  readonly total: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.locator('form#inspection-visit');
    this.error = page.getByTestId('visit-error');
    this.offlineBanner = page.getByTestId('offline-banner');
    this.total = page.getByTestId('visit-total');
  }

  async ready(): Promise<void> {
    await this.form.getByRole('button', { name: /^(提交检查|保存更正)$/ }).waitFor();
  }

  /** Rates an item (A（好）, B（较好）, C（一般）, 不合格) by the item's name. */
  async rate(item: string, rating: string): Promise<void> {
    await pickRadio(this.form.getByRole('radiogroup', { name: `${item} 的评定` }), rating);
  }

  async note(item: string, text: string): Promise<void> {
    await this.form.getByLabel(`${item} 的备注（选填）`).fill(text);
  }

  async addPhoto(name: string, buffer: Buffer): Promise<void> {
    const before = Number(await this.page.getByTestId('visit-photos').getAttribute('data-count'));
    await this.form.locator('input[type="file"]').setInputFiles({ name, mimeType: 'image/png', buffer });
    await this.page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="visit-photos"]')?.getAttribute('data-count')) === n,
      before + 1,
    );
  }

  /** The radio of an item that is checked now (for reading back a kept draft). */
  checked(item: string, rating: string): Locator {
    return this.form
      .getByRole('radiogroup', { name: `${item} 的评定` })
      .getByRole('radio', { name: new RegExp(`^${rating}`), checked: true, includeHidden: true });
  }

  /** How many items the draft kept on the phone (IndexedDB) has rated, 0 when there is none. */
  async draftRatings(): Promise<number> {
    return this.page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('huimin-inspections');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const all = open.result.transaction('visit-outbox').objectStore('visit-outbox').getAll();
            all.onsuccess = () => {
              const drafts = (all.result as { state: string; body: { ratings: unknown[] } }[]).filter(
                (e) => e.state === 'draft',
              );
              resolve(drafts[0]?.body.ratings.length ?? 0);
              open.result.close();
            };
          };
        }),
    );
  }

  /** The notes of the draft kept on the phone, joined, so a test waits until the last keystroke is kept. */
  async draftNotes(): Promise<string> {
    return this.page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('huimin-inspections');
          open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
          open.onsuccess = () => {
            const all = open.result.transaction('visit-outbox').objectStore('visit-outbox').getAll();
            all.onsuccess = () => {
              const drafts = (all.result as { state: string; body: { ratings: { note: string }[] } }[]).filter(
                (e) => e.state === 'draft',
              );
              resolve((drafts[0]?.body.ratings ?? []).map((r) => r.note).join('|'));
              open.result.close();
            };
          };
        }),
    );
  }

  async confirm(): Promise<void> {
    await this.form.getByRole('checkbox', { name: '本人已到现场检查，以上情况属实' }).check();
  }

  /** 保存更正 (online): waits for the server's answer. */
  async saveCorrection(): Promise<void> {
    const response = await untilResponse(
      this.page,
      (url, method) => url.endsWith('/correct') && method === 'POST',
      () => this.form.getByRole('button', { name: '保存更正' }).click(),
    );
    if (!response.ok()) throw new Error(`correct answered ${response.status()}: ${await response.text()}`);
  }

  /** Submits; online it waits for the POST, offline nothing reaches the server, so it only clicks. */
  async submit(options: { expectPost?: boolean } = {}): Promise<void> {
    const button = this.form.getByRole('button', { name: '提交检查' });
    if (options.expectPost === false) await button.click();
    else await untilResponse(this.page, isSubmit, () => button.click());
  }
}

/** 季度检查: the street's plan, coverage and actions. */
export class InspectionPlanScreen {
  readonly page: Page;
  readonly table: DataTable;
  readonly coverage: Locator;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'inspections-table');
    this.coverage = page.getByTestId('coverage');
  }

  async goto(): Promise<void> {
    await this.page.goto('/inspections');
    await this.table.settled();
  }

  row(studio: string): Locator {
    return this.table.rows.filter({ has: this.page.getByRole('link', { name: studio, exact: true }) });
  }

  async open(studio: string): Promise<InspectionDetailScreen> {
    await this.row(studio).getByRole('link', { name: studio, exact: true }).click();
    const detail = new InspectionDetailScreen(this.page);
    await detail.root.waitFor();
    return detail;
  }
}

/** One inspection: ratings, photos, history and the proposal with its buttons. */
export class InspectionDetailScreen {
  readonly page: Page;
  readonly root: Locator;
  readonly total: Locator;
  readonly photos: Locator;
  readonly proposal: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('inspection-detail');
    this.total = page.getByTestId('inspection-total');
    this.photos = page.getByTestId('inspection-photos').getByRole('img');
    this.proposal = page.getByTestId('inspection-proposal');
  }

  /** 确认整改 with a deadline (YYYY-MM-DD), waiting for the server's answer. */
  async confirmProposal(deadline: string, findings: string): Promise<void> {
    await this.proposal.getByRole('button', { name: '确认整改' }).click();
    const confirming = dialog(this.page, /^确认整改：/);
    await confirming.getByLabel('整改期限').fill(deadline);
    await confirming.getByLabel('整改要求（选填）').fill(findings);
    const response = await untilResponse(
      this.page,
      (url, method) => url.endsWith('/confirm') && method === 'POST',
      () => dialogButton(confirming, '确认整改').click(),
    );
    if (!response.ok()) throw new Error(`confirm answered ${response.status()}: ${await response.text()}`);
  }
}

/** An inspection as the API gives it, read with the browser's session. */
export async function inspectionOf(
  request: APIRequestContext,
  id: number,
): Promise<{ status: string; total: number | null; photos: unknown[]; history: { action: string }[] }> {
  const response = await request.get(`/api/inspections/${id}`);
  if (!response.ok()) throw new Error(`GET /api/inspections/${id} answered ${response.status()}`);
  return (await response.json()) as {
    status: string;
    total: number | null;
    photos: unknown[];
    history: { action: string }[];
  };
}

/** 群众监督员: the street's roster and its dialogs. */
export class RosterScreen {
  readonly page: Page;
  readonly table: DataTable;

  constructor(page: Page) {
    this.page = page;
    this.table = new DataTable(page, 'supervisors-table');
  }

  async goto(): Promise<void> {
    await this.page.goto('/supervisors');
    await this.table.settled();
  }

  row(name: string): Locator {
    return this.table.rowWithCell(name);
  }

  /** 聘任监督员: picks the account, gives the phone and community, and waits for the new row. */
  async appoint(fields: { account: string; phone: string; community: string; card: string }): Promise<void> {
    await this.page.getByRole('button', { name: '聘任监督员' }).click();
    const appointing = dialog(this.page, '聘任群众监督员');
    await choose(appointing.getByRole('combobox', { name: '监督员账号' }), fields.account);
    await appointing.getByLabel('手机号码').fill(fields.phone);
    await choose(appointing.getByRole('combobox', { name: '居住社区' }), fields.community, { exact: true });
    await appointing.getByLabel('监督员证号（选填）').fill(fields.card);
    await this.table.reloadedBy(() =>
      untilResponse(
        this.page,
        (url, method) => new URL(url).pathname === '/api/supervisors' && method === 'POST',
        () => dialogButton(appointing, '确定').click(),
      ),
    );
  }

  /** A step on a row (续聘, 解聘) through its dialog; `fill` types into the dialog first. */
  async act(name: string, action: '续聘' | '解聘', fill?: (d: Locator) => Promise<void>): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `${action} ${name}` })
      .click();
    const d = dialog(this.page, `${action}：${name}`);
    await fill?.(d);
    await this.table.reloadedBy(() =>
      untilResponse(
        this.page,
        (url, method) => url.endsWith(action === '续聘' ? '/renew' : '/dismiss') && method === 'POST',
        () => dialogButton(d, action).click(),
      ),
    );
  }
}
