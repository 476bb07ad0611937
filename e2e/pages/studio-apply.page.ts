import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { choose } from './antd-select.ts';

/** What the test types into the application form. */
export interface Application {
  name: string;
  categories: string[];
  items: Array<{ title: string; description?: string }>;
  venue: string;
  hours: string;
  phone?: string;
  /** The leading member, for an admin's recommendation (a member always leads their own). */
  leader?: string;
  /** 一岗多人 with these members (names as listed); 一人一岗 when absent. */
  members?: string[];
  qualifications?: Array<{ holder: string; title: string; issuer?: string }>;
}

/** 申办工作室: the application form (new or a draft being edited), its fields found by their labels. */
export class StudioApplyPage {
  readonly page: Page;
  readonly main: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.error = page.getByTestId('form-error');
  }

  /** A text field by its label (the required mark before it aside). */
  field(label: string): Locator {
    return this.main.getByRole('textbox', { name: label });
  }

  /** The field `label` of the n-th row (from 1) of a list such as 服务项目名称 1. */
  rowField(label: string, n: number): Locator {
    return this.main.getByRole('textbox', { name: new RegExp(`${label} ${n}$`) });
  }

  async waitForForm(): Promise<void> {
    await this.field('工作室名称').waitFor();
  }

  async fill(app: Application): Promise<void> {
    await this.waitForForm();
    await this.field('工作室名称').fill(app.name);
    for (const c of app.categories) await choose(this.main.getByRole('combobox', { name: '服务类别' }), c);
    await this.page.keyboard.press('Escape');
    const items = this.main.getByRole('group', { name: '服务项目' });
    for (const [i, item] of app.items.entries()) {
      if (i > 0) await items.getByRole('button', { name: /添加服务项目/ }).click();
      await this.rowField('服务项目名称', i + 1).fill(item.title);
      if (item.description) await this.rowField('服务内容说明', i + 1).fill(item.description);
    }
    await this.field('服务场所').fill(app.venue);
    await this.field('服务时间').fill(app.hours);
    if (app.phone) await this.field('联系电话').fill(app.phone);
    if (app.leader) await choose(this.main.getByRole('combobox', { name: '领岗党员' }), app.leader);
    if (app.members) {
      await this.main.getByRole('radiogroup', { name: '岗位设置' }).getByLabel('一岗多人').check();
      for (const m of app.members) await choose(this.main.getByRole('combobox', { name: '岗位成员' }), m);
      await this.page.keyboard.press('Escape');
    }
    const quals = this.main.getByRole('group', { name: '专业资质' });
    for (const [i, q] of (app.qualifications ?? []).entries()) {
      await quals.getByRole('button', { name: /添加专业资质/ }).click();
      await this.rowField('持证人', i + 1).fill(q.holder);
      await this.rowField('资质名称', i + 1).fill(q.title);
      if (q.issuer) await this.rowField('发证机关', i + 1).fill(q.issuer);
    }
  }

  /** Saves the draft and waits for the studio page it leads to. */
  async saveDraft(): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => /\/api\/studios(\/\d+)?$/.test(new URL(url).pathname) && (method === 'POST' || method === 'PUT'),
      () => this.main.getByRole('button', { name: '保存草稿' }).click(),
    );
    await this.page.waitForURL(/\/studios\/\d+$/);
  }

  /** Saves and submits; waits for the submit call's answer. */
  async submit(): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/submit') && method === 'POST',
      () => this.main.getByRole('button', { name: '提交申请' }).click(),
    );
  }
}
