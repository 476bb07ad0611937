import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from './fixtures/browser.ts';
import { residentPaths } from './fixtures/pages.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';

const e2e = useE2E();
/** The narrowest phone screen in common use. */
const narrow = { width: 360, height: 740 };

/**
 * The console's pages, as its menu and its detail links reach them (src/web/app/router.tsx),
 * each with the demo account that works there.
 */
const consolePages: ReadonlyArray<{ user: 'admin' | 'xicheng' | 'zhangwanzhen'; paths: string[] }> = [
  {
    user: 'admin',
    paths: [
      '/org',
      '/accounts',
      '/audit',
      '/registry',
      '/needs',
      '/pressing',
      '/map',
      '/categories',
      '/studios',
      '/studio-reviews',
      '/letters',
      '/letter-rates',
      '/supervision-overview',
      '/mailbox-settings',
      '/public-address',
      '/reminders',
      '/outbox',
      '/legal-aid',
      '/about',
      '/records',
    ],
  },
  { user: 'xicheng', paths: ['/requests', '/studios'] },
  { user: 'zhangwanzhen', paths: ['/my-studios', '/studio-apply', '/requests', '/records', '/records/new'] },
];

/**
 * Waits for the page to settle (data loaded, fonts applied) and answers how wide its content
 * is, and, when it is too wide, the outermost elements that stick out (what to fix).
 */
async function widthOf(page: Page, path: string): Promise<number | { width: number; sticksOut: string[] }> {
  await page.goto(path);
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
  return page.evaluate((limit) => {
    const width = document.documentElement.scrollWidth;
    if (width <= limit) return width;
    const out = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
    const outermost = out.filter((el) => !out.includes(el.parentElement as Element));
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
    return { width, sticksOut: outermost.slice(0, 5).map(describe) };
  }, narrow.width);
}

const tooWide = (widths: Record<string, Awaited<ReturnType<typeof widthOf>>>) =>
  Object.entries(widths).filter(([, w]) => typeof w !== 'number');

async function largeFontContext() {
  const opened = await openPage(e2e.browser, e2e.url, { viewport: narrow });
  // The choice a user makes with the A+ switch, stored as the app stores it.
  await opened.context.addInitScript(() => window.localStorage.setItem('huimin.largeFont', '1'));
  return opened;
}

describe('large-font mode on a 360 px wide screen', () => {
  it('never scrolls sideways on any resident page', async () => {
    const { context, page } = await largeFontContext();
    const widths: Record<string, Awaited<ReturnType<typeof widthOf>>> = {};
    for (const path of await residentPaths(e2e.url)) {
      widths[path] = await widthOf(page, path);
      expect(await page.evaluate(() => document.documentElement.classList.contains('hm-large')), path).toBe(true);
    }
    console.log('resident widths at 360 px, large font', widths);
    expect(tooWide(widths)).toEqual([]);
    await context.close();
  });

  it('never scrolls sideways on any console page', async () => {
    const widths: Record<string, Awaited<ReturnType<typeof widthOf>>> = {};
    for (const { user, paths } of consolePages) {
      const { context, page } = await largeFontContext();
      const login = new LoginPage(page);
      await login.goto();
      widths[`/login`] = await page.evaluate(() => document.documentElement.scrollWidth);
      await login.signInAs(user);
      for (const path of paths) widths[`${user} ${path}`] = await widthOf(page, path);
      await context.close();
    }
    console.log('console widths at 360 px, large font', widths);
    expect(tooWide(widths)).toEqual([]);
  });
});
