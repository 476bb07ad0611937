import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { choose } from './antd-select.ts';

/** 公开承诺: the editor, the published list and the publish result. */
export class StudioCommitmentsPage {
  readonly page: Page;
  readonly main: Locator;
  readonly rows: Locator;
  readonly result: Locator;
  readonly published: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.rows = this.main.getByRole('group', { name: /^第 \d+ 条承诺$/ });
    this.result = page.getByTestId('publish-result');
    this.published = page.getByTestId('published-commitments');
  }

  /** The editor's n-th promise (from 1). */
  row(n: number): Locator {
    return this.main.getByRole('group', { name: `第 ${n} 条承诺`, exact: true });
  }

  async waitForEditor(): Promise<void> {
    await this.row(1).waitFor();
  }

  /** Replaces the rows with these promises (kind labels as shown, e.g. 服务时间). */
  async fill(items: Array<{ kind: string; text: string; target?: number }>): Promise<void> {
    await this.waitForEditor();
    for (let n = await this.rows.count(); n > items.length; n--) {
      await this.row(n)
        .getByRole('button', { name: `删除公开承诺第 ${n} 项` })
        .click();
      await this.row(n).waitFor({ state: 'detached' });
    }
    for (const [i, item] of items.entries()) {
      const row = this.row(i + 1);
      if ((await row.count()) === 0) await this.main.getByRole('button', { name: /添加承诺/ }).click();
      await choose(row.getByRole('combobox', { name: '类型' }), item.kind);
      await row.getByRole('textbox', { name: '承诺内容' }).fill(item.text);
      if (item.target !== undefined) await row.getByRole('spinbutton').fill(String(item.target));
    }
  }

  /** Presses 发布并短信告知: the drafts are saved and the SMS preview asks for confirmation. */
  async askToPublish(): Promise<Locator> {
    await this.main.getByRole('button', { name: '发布并短信告知' }).click();
    const dialog = this.page.getByRole('dialog', { name: '确认发送短信' });
    await dialog.getByTestId('sms-preview').waitFor();
    return dialog;
  }

  /** What the preview says: the text, signature, billed length and recipients. */
  async preview(dialog: Locator): Promise<Record<'text' | 'signature' | 'length' | 'recipients' | 'total', string>> {
    const read = async (id: string) => (await dialog.getByTestId(id).innerText()).trim();
    return {
      text: await read('sms-text'),
      signature: await read('sms-signature'),
      length: await read('sms-length'),
      recipients: await read('sms-recipients'),
      total: await read('sms-total'),
    };
  }

  /** Confirms in the preview (the button names how many SMS go out) and waits for the result. */
  async confirmPublish(dialog: Locator): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/commitments/publish') && method === 'POST',
      () => dialog.getByRole('button', { name: /^发布并发送 \d+ 条短信$/ }).click(),
    );
    await this.result.waitFor();
  }
}
