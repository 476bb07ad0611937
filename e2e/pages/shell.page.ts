import { untilResponse } from '../fixtures/browser.ts';
import type { Locator, Page } from 'playwright-core';
import { choose } from './antd-select.ts';

const isSettingsSave = (url: string, method: string) => url.endsWith('/api/auth/me/settings') && method === 'PUT';

/** The signed-in shell: header, role menu, preferences, sign-out. */
export class Shell {
  readonly page: Page;
  /** The main menu: the first navigation landmark (a page may add its own, e.g. a breadcrumb). */
  readonly nav: Locator;
  readonly menuLinks: Locator;
  readonly userName: Locator;
  readonly userUnit: Locator;
  readonly main: Locator;
  readonly heading: Locator;
  readonly logoutButton: Locator;
  readonly menuButton: Locator;
  readonly language: Locator;
  readonly largeFont: Locator;

  constructor(page: Page) {
    this.page = page;
    this.nav = page.getByRole('navigation').first();
    this.menuLinks = this.nav.getByRole('link');
    this.userName = page.getByTestId('user-name').first();
    this.userUnit = page.getByTestId('user-unit').first();
    this.main = page.getByRole('main');
    this.heading = this.main.getByRole('heading', { level: 1 }).first();
    this.logoutButton = page.getByRole('banner').getByRole('button', { name: '退出登录' });
    this.menuButton = page.getByRole('banner').getByRole('button', { name: '打开菜单' });
    this.language = page.getByRole('banner').getByRole('combobox');
    this.largeFont = page.getByRole('banner').getByRole('switch');
  }

  /** The labels of the menu entries, in order. */
  async menuLabels(): Promise<string[]> {
    await this.menuLinks.first().waitFor();
    return (await this.nav.getByTestId('menu-label').allInnerTexts()).map((s) => s.trim());
  }

  /** A menu entry's link by its visible label (its name may add the count of to-dos waiting). */
  menuLink(label: string): Locator {
    return this.menuLinks.filter({ has: this.page.getByTestId('menu-label').getByText(label, { exact: true }) });
  }

  /** The to-do count a menu entry's badge says (as read aloud: "3 项待办"), '' when it has none. */
  async menuBadge(label: string): Promise<string> {
    const badge = this.menuLink(label).getByTestId('menu-badge');
    return (await badge.count()) === 0 ? '' : (await badge.innerText()).trim();
  }

  /** The headings of the menu's groups, in order. */
  async menuGroups(): Promise<string[]> {
    await this.menuLinks.first().waitFor();
    return (await this.nav.locator('.hm-menu-group').allInnerTexts()).map((s) => s.trim());
  }

  /** The breadcrumb trail of the page, as read. */
  async breadcrumb(): Promise<string[]> {
    const trail = this.page.getByRole('navigation', { name: '当前位置' }).getByRole('listitem');
    return (await trail.allInnerTexts()).map((s) => s.trim()).filter((s) => s !== '' && s !== '/');
  }

  /** Clicks a menu entry by its visible label and waits for the page's heading (the label unless given). */
  async open(label: string, heading = label): Promise<void> {
    await this.menuLink(label).click();
    await this.main.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  }

  async logout(): Promise<void> {
    await this.logoutButton.click();
    await this.page.locator('#login_username').waitFor();
  }

  /** Chooses a language in the header and waits until the account has saved it. */
  async chooseLanguage(name: string): Promise<void> {
    const response = await untilResponse(this.page, isSettingsSave, () => choose(this.language, name, { exact: true }));
    if (!response.ok()) throw new Error(`saving the language answered ${response.status()}`);
  }

  /** Flips large-font mode in the header and waits until the account has saved it. */
  async toggleLargeFont(): Promise<void> {
    await untilResponse(this.page, isSettingsSave, () => this.largeFont.click());
  }
}
