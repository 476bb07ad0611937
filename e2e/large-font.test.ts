import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Request } from 'playwright-core';
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
 * A Chinese font for every page. This machine's Chromium has no CJK font of its own, so Chinese
 * would be drawn as narrow missing-glyph boxes and a table too wide for a real phone would pass.
 * Users' phones and PCs all have one: the test gives the page the open Noto Serif SC the PDFs
 * embed (ideographs are a full em in any CJK face), under a name in the app's own font stack.
 */
const cjkFont = readFileSync(
  createRequire(import.meta.url).resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
);
async function withChineseFont(context: BrowserContext) {
  await context.route('**/__e2e__/cjk.ttf', (route) =>
    route.fulfill({ body: cjkFont, contentType: 'font/ttf', headers: { 'cache-control': 'max-age=3600' } }),
  );
  // Loaded at once, not when first used, so `document.fonts.ready` below waits for it.
  await context.addInitScript(() => {
    const face = new FontFace('Noto Sans SC', "url('/__e2e__/cjk.ttf')", { display: 'block' });
    document.fonts.add(face);
    void face.load();
  });
}

/** How wide an ideograph is drawn in the page's body font, in em: 1 in any CJK font. */
function ideographWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;font-size:100px';
    probe.textContent = '服务工作室';
    document.body.appendChild(probe);
    const width = probe.getBoundingClientRect().width / 500;
    probe.remove();
    return Math.round(width * 100) / 100;
  });
}

/** Counts a page's requests in flight, so a test can wait until the network has been quiet a while. */
function trackRequests(page: Page) {
  // A set, not a counter: a request begun before the tracking started may end after it.
  const state = { inFlight: new Set<Request>(), lastChange: Date.now() };
  page.on('request', (request) => {
    state.inFlight.add(request);
    state.lastChange = Date.now();
  });
  const done = (request: Request) => {
    state.inFlight.delete(request);
    state.lastChange = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return state;
}

/**
 * Waits for the page to settle (data loaded, fonts applied) and answers how wide its content
 * is, and, when it is too wide, the outermost elements that stick out (what to fix). With
 * `requests`, the page is reached the way the menu reaches it, through the app's router without
 * a reload: the console is one document, and its font is fetched once, not on every page.
 */
async function widthOf(
  page: Page,
  path: string,
  requests?: ReturnType<typeof trackRequests>,
): Promise<number | { width: number; sticksOut: string[] }> {
  if (requests) {
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);
    await expect.poll(() => new URL(page.url()).pathname).toBe(path);
    await page.locator('main').first().waitFor();
    await expect.poll(() => requests.inFlight.size === 0 && Date.now() - requests.lastChange >= 500).toBe(true);
  } else {
    await page.goto(path);
    await page.locator('main').first().waitFor();
    await page.waitForLoadState('networkidle');
  }
  await page.evaluate(() => document.fonts.ready);
  expect(await ideographWidth(page), `${path}: Chinese is drawn in a real CJK font`).toBe(1);
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
  await withChineseFont(opened.context);
  // The choice a user makes with the A+ switch, stored as the app stores it.
  await opened.context.addInitScript(() => window.localStorage.setItem('huimin.largeFont', '1'));
  return opened;
}

describe('large-font mode on a 360 px wide screen', () => {
  it('never scrolls sideways on any resident page', { timeout: 180_000 }, async () => {
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

  // One test per account: a page is about 2 s (a full em-square font on a busy machine).
  for (const { user, paths } of consolePages)
    it(`never scrolls sideways on any console page of ${user}`, { timeout: 180_000 }, async () => {
      const widths: Record<string, Awaited<ReturnType<typeof widthOf>>> = {};
      const { context, page } = await largeFontContext();
      const login = new LoginPage(page);
      await login.goto();
      widths[`/login`] = await page.evaluate(() => document.documentElement.scrollWidth);
      await login.signInAs(user);
      const requests = trackRequests(page);
      for (const path of paths) widths[path] = await widthOf(page, path, requests);
      await context.close();
      console.log(`console widths of ${user} at 360 px, large font`, widths);
      expect(tooWide(widths)).toEqual([]);
    });
});
