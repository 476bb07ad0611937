import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demo, type DemoUser } from '../fixtures/browser.ts';

/**
 * The resident pages (resident.html: /find, /ask, /track, /rate, /s, /board, /sms), driven as
 * a resident on a phone would: fields by their labels, buttons and links by role.
 */
export class ResidentPages {
  readonly page: Page;
  readonly main: Locator;
  readonly heading: Locator;
  readonly nav: Locator;
  readonly language: Locator;
  readonly largeFont: Locator;

  constructor(page: Page) {
    this.page = page;
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 }).first();
    this.nav = page.getByRole('navigation');
    this.language = page.getByRole('banner').getByRole('combobox');
    this.largeFont = page.getByRole('banner').getByRole('button');
  }

  /** Opens a resident path and waits for its first heading (pages with data show it once loaded). */
  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.heading.waitFor();
  }

  /** Waits until the page's heading says `text`. */
  async headingIs(text: string): Promise<void> {
    await this.main.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  }

  /** Picks a language by its own name ("English") and waits until the page is in it. */
  async chooseLanguage(name: string, lang: string): Promise<void> {
    await this.language.selectOption({ label: name });
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  /** The task links of the resident home (`/`), by their titles. */
  homeTask(title: string): Locator {
    return this.page.getByTestId('home-tasks').getByRole('link', { name: new RegExp(`^${title}`) });
  }

  /** The notice a page shows for what does not exist, and its ways back. */
  get gone(): Locator {
    return this.page.getByTestId('gone');
  }

  /** The width the page's content needs (above the viewport's width it scrolls sideways). */
  scrollWidth(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth);
  }

  /** Picks a category by its name in the select with this label. */
  async chooseCategory(name: string, label = '服务类别'): Promise<void> {
    await this.main.getByRole('combobox', { name: label }).selectOption({ label: name });
  }

  /** Searches a community by name, pinyin or initials in the picker `fieldId` and picks the result `name`. */
  async chooseCommunity(fieldId: string, query: string, name: string): Promise<void> {
    await this.page.locator(`#${fieldId}`).fill(query);
    await this.main
      .getByRole('list')
      .getByRole('button', { name: new RegExp(name) })
      .first()
      .click();
    await this.page.getByTestId('chosen-unit').filter({ hasText: name }).waitFor();
  }

  /** The labels of the result list on /find, nearest first, once the answer is in. */
  async foundStudios(): Promise<Array<{ name: string; distance: string }>> {
    await this.page.getByTestId('find-results').waitFor();
    return this.page.getByTestId('find-result').evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('h3')?.textContent?.trim() ?? '',
        distance: item.querySelector('.r-result-dist')?.textContent?.trim() ?? '',
      })),
    );
  }

  /** Fills the request form (community and category are expected to be chosen already) and sends it. */
  async sendRequest(fields: { text: string; time?: string; name: string; phone: string }): Promise<string> {
    await this.main.getByRole('textbox', { name: '需要什么帮助' }).fill(fields.text);
    if (fields.time) await this.main.getByRole('textbox', { name: '方便的时间' }).fill(fields.time);
    await this.main.getByRole('textbox', { name: '您的称呼' }).fill(fields.name);
    await this.main.getByRole('textbox', { name: '手机号码' }).fill(fields.phone);
    await this.main.getByRole('button', { name: '提交求助' }).click();
    return (await this.trackingCode.innerText()).trim();
  }

  get trackingCode(): Locator {
    return this.page.getByTestId('tracking-code');
  }

  /** The status on /track/:code, as its machine value (data-status) and its words. */
  async trackedStatus(): Promise<{ status: string; text: string }> {
    const badge = this.page.getByTestId('track-status');
    await badge.waitFor();
    return { status: (await badge.getAttribute('data-status')) ?? '', text: (await badge.innerText()).trim() };
  }

  /** Chooses a number of stars and a comment in a rating form and sends it. */
  async rate(stars: number, comment: string): Promise<void> {
    // The radio itself is visually hidden behind its star; a person taps the star (the label).
    await this.main.locator(`label[for$="-star-${stars}"]`).click();
    await this.main.locator('textarea[id$="-comment"]').fill(comment);
    await this.main.locator('form:has(fieldset.r-stars) button[type="submit"]').click();
  }
}

/** A signed-in API session for setting the scene (a record to rate, a studio's id) outside the browser. */
export async function apiSession(baseURL: string, user: DemoUser) {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: demo[user].username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login as ${user} answered ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetch(`${baseURL}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
  };
}
