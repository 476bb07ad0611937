import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, demo, type DemoUser } from '../fixtures/browser.ts';

/**
 * The sign-in page (plain HTML, no antd: it loads first on a slow phone). The fields and the
 * submit button are found by the form's ids, the rest by role, so the page object works in every
 * language the page can switch to.
 */
export class LoginPage {
  readonly page: Page;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly notice: Locator;
  readonly heading: Locator;
  readonly language: Locator;
  readonly largeFont: Locator;

  constructor(page: Page) {
    this.page = page;
    this.username = page.locator('#login_username');
    this.password = page.locator('#login_password');
    this.submit = page.locator('form#login button[type="submit"]');
    this.error = page.getByTestId('login-error');
    this.notice = page.getByRole('main').getByRole('status');
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.language = page.getByRole('banner').getByRole('combobox');
    this.largeFont = page.getByRole('banner').getByRole('switch');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
    await this.username.waitFor();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** Signs in as a demo account and waits for the signed-in shell's <main>. */
  async signInAs(user: DemoUser): Promise<void> {
    await this.signIn(demo[user].username, DEMO_PASSWORD);
    await this.page.locator('main#main').waitFor();
  }

  /** Picks a language from the menu above the form (a plain <select>; each shown in its own name, e.g. "English"). */
  async chooseLanguage(name: string): Promise<void> {
    await this.language.selectOption({ label: name });
  }

  async toggleLargeFont(): Promise<void> {
    await this.largeFont.click();
  }
}
