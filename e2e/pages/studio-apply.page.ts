import type { Locator, Page } from 'playwright-core';
import { untilResponse } from '../fixtures/browser.ts';
import { chooseOption } from './antd-select.ts';

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

/** 申办工作室: the application form (new or a draft being edited). Ids come from the form name. */
export class StudioApplyPage {
  readonly page: Page;
  readonly form: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.form = page.locator('form#studio-application');
    this.error = page.getByTestId('form-error');
  }

  async waitForForm(): Promise<void> {
    await this.page.locator('#studio-application_name').waitFor();
  }

  private async pick(selectId: string, label: string): Promise<void> {
    await chooseOption(this.page, selectId, label);
  }

  async fill(app: Application): Promise<void> {
    await this.waitForForm();
    await this.page.locator('#studio-application_name').fill(app.name);
    for (const c of app.categories) await this.pick('studio-application_categoryIds', c);
    await this.page.keyboard.press('Escape');
    const items = this.page.getByTestId('list-serviceItems');
    for (const [i, item] of app.items.entries()) {
      if (i > 0) await items.getByRole('button', { name: /添加服务项目/ }).click();
      await this.page.locator(`#studio-application_serviceItems_${i}_title`).fill(item.title);
      if (item.description)
        await this.page.locator(`#studio-application_serviceItems_${i}_description`).fill(item.description);
    }
    await this.page.locator('#studio-application_venueAddress').fill(app.venue);
    await this.page.locator('#studio-application_openingHours').fill(app.hours);
    if (app.phone) await this.page.locator('#studio-application_contactPhone').fill(app.phone);
    if (app.leader) await this.pick('studio-application_leaderVolunteerId', app.leader);
    if (app.members) {
      await this.form.getByLabel('一岗多人').check();
      for (const m of app.members) await this.pick('studio-application_memberVolunteerIds', m);
      await this.page.keyboard.press('Escape');
    }
    const quals = this.page.getByTestId('list-qualifications');
    for (const [i, q] of (app.qualifications ?? []).entries()) {
      await quals.getByRole('button', { name: /添加专业资质/ }).click();
      await this.page.locator(`#studio-application_qualifications_${i}_holder`).fill(q.holder);
      await this.page.locator(`#studio-application_qualifications_${i}_title`).fill(q.title);
      if (q.issuer) await this.page.locator(`#studio-application_qualifications_${i}_issuer`).fill(q.issuer);
    }
  }

  /** Saves the draft and waits for the studio page it leads to. */
  async saveDraft(): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => /\/api\/studios(\/\d+)?$/.test(new URL(url).pathname) && (method === 'POST' || method === 'PUT'),
      () => this.page.getByTestId('save-draft').click(),
    );
    await this.page.waitForURL(/\/studios\/\d+$/);
  }

  /** Saves and submits; waits for the submit call's answer. */
  async submit(): Promise<void> {
    await untilResponse(
      this.page,
      (url, method) => url.endsWith('/submit') && method === 'POST',
      () => this.page.getByTestId('submit-application').click(),
    );
  }
}
