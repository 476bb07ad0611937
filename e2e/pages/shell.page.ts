import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';

const isSettingsSave = (url: string, method: string) => url.endsWith('/api/auth/me/settings') && method === 'PUT';

/** The signed-in shell: header, role menu, preferences, sign-out. */
export class Shell {
  readonly page: Page;
  readonly nav: Locator;
  readonly userName: Locator;
  readonly userUnit: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly logoutButton: Locator;
  readonly menuButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.locator('nav');
    this.userName = page.getByTestId('user-name').first();
    this.userUnit = page.getByTestId('user-unit').first();
    this.main = page.locator('main#main');
    this.heading = page.locator('main h1').first();
    this.logoutButton = page.locator('button.hm-logout');
    this.menuButton = page.locator('button[aria-controls="hm-nav-drawer"]');
  }

  /** The labels of the menu entries, in order. */
  async menuLabels(): Promise<string[]> {
    await this.nav.first().waitFor();
    return (await this.nav.first().locator('a').allInnerTexts()).map((s) => s.trim());
  }

  /** Clicks a menu entry by its visible label and waits for the page's heading (the label unless given). */
  async open(label: string, heading = label): Promise<void> {
    await this.nav.first().getByRole('link', { name: label, exact: true }).click();
    await this.page.waitForFunction((text) => document.querySelector('main h1')?.textContent === text, heading);
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await this.page.locator('#login_username').waitFor();
  }

  /** Chooses a language in the header and waits until the account has saved it. */
  async chooseLanguage(name: string): Promise<void> {
    await this.page.locator('#header-language').click();
    const response = await untilResponse(this.page, isSettingsSave, () =>
      this.page.locator(`.ant-select-item-option[title="${name}"]`).click(),
    );
    if (!response.ok()) throw new Error(`saving the language answered ${response.status()}`);
  }

  /** Flips large-font mode in the header and waits until the account has saved it. */
  async toggleLargeFont(): Promise<void> {
    await untilResponse(this.page, isSettingsSave, () => this.page.locator('#header-large-font').click());
  }
}
