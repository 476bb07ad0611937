import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './fixtures/browser.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { BulletinPages } from './pages/statistics.page.ts';
import { StudioDetailPage } from './pages/studio-detail.page.ts';

// Issue 10, item 4: a print button where a paper form exists (the record book, the community
// bulletin board, the studio's documents, the year-end sheet, the bulletin). Each is clicked here
// as a person would, and the test checks that the browser was asked to print and what it prints.

const e2e = useE2E();
const STUDIO = '婉珍文艺专业服务室';

/**
 * A signed-in context whose pages count their print requests instead of opening the print dialog
 * (a headless browser has none to show): every page of the context, popups included, gets a
 * `window.print` that only counts.
 */
async function signedIn(user: 'admin' | 'zhangwanzhen'): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(e2e.browser, e2e.url);
  await opened.context.addInitScript(() => {
    const w = window as unknown as { prints: number; print: () => void };
    w.prints = 0;
    w.print = () => {
      w.prints += 1;
    };
  });
  const login = new LoginPage(opened.page);
  await login.goto();
  await login.signInAs(user);
  return opened;
}

/** How often the page has asked to print. */
const printsOf = (page: Page) => () => page.evaluate(() => (window as unknown as { prints: number }).prints);

/** Whether an element shows on the page as it is now (print media or screen). */
const shows = (locator: Locator) => () => locator.isVisible();

/** Clicks a button that opens a page in a new window, and answers that page once it has loaded. */
async function popupOf(page: Page, button: Locator): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), button.click()]);
  await popup.waitForLoadState('load');
  return popup;
}

describe('print buttons', () => {
  it('the record book prints the filtered records, without the console around them', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto('/records');
    const totals = page.getByTestId('records-totals');
    await expect.poll(textOf(totals)).toMatch(/共 [\d,]+ 条记录，服务 [\d,]+ 人次/);
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await expect.poll(printsOf(page)).toBe(1);
    // What the sheet holds: the records and their totals, not the menu, the header or the buttons.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(shows(totals)).toBe(true);
    await expect.poll(shows(page.getByTestId('records-table'))).toBe(true);
    await expect.poll(shows(page.getByRole('navigation').first())).toBe(false);
    await expect.poll(shows(page.getByRole('banner'))).toBe(false);
    await expect.poll(shows(page.getByRole('button', { name: '打印', exact: true }))).toBe(false);
    await context.close();
  });

  it('a studio’s agreement, plaque certificate and community board each open in a window and print', async () => {
    const { context, page } = await signedIn('admin');
    // The studio as its public search finds it (the console's list pages it among many).
    const hits = (await (
      await page.request.get(`/api/public/studios?q=${encodeURIComponent(STUDIO)}`)
    ).json()) as Array<{
      id: number;
      name: string;
    }>;
    const studio = hits.find((h) => h.name === STUDIO);
    expect(studio).toBeDefined();
    await new StudioDetailPage(page).goto(studio?.id ?? 0);
    const documents = page.getByTestId('studio-documents');

    const contract = await popupOf(page, documents.getByRole('button', { name: '打印服务协议' }));
    expect(new URL(contract.url()).pathname).toMatch(/^\/api\/studios\/\d+\/contract/);
    await expect.poll(printsOf(contract)).toBe(1);
    await expect.poll(textOf(contract.locator('body'))).toContain(STUDIO);
    await expect.poll(textOf(contract.locator('body'))).toContain('服务协议');
    await contract.close();

    const plaque = await popupOf(page, documents.getByRole('button', { name: '打印牌匾证书' }));
    expect(new URL(plaque.url()).pathname).toMatch(/^\/api\/studios\/\d+\/plaque/);
    await expect.poll(printsOf(plaque)).toBe(1);
    await expect.poll(textOf(plaque.locator('body'))).toContain(STUDIO);
    await plaque.close();

    // The board loads its studios after the page itself: it prints once they (and their QR codes) are in.
    const board = await popupOf(page, documents.getByRole('button', { name: '打印公告栏' }));
    expect(new URL(board.url()).pathname).toMatch(/^\/board\/\d+$/);
    await expect.poll(printsOf(board)).toBe(1);
    const listed = board.getByTestId('board-studio').filter({ hasText: STUDIO });
    await expect.poll(() => listed.count()).toBe(1);
    expect(await board.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
    // Its own button prints it again, as a resident or a community worker at the board would.
    await board.getByRole('button', { name: '打印公告栏（A4）' }).click();
    await expect.poll(printsOf(board)).toBe(2);
    await board.close();
    // The console page itself asked for nothing.
    expect(await printsOf(page)()).toBe(0);
    await context.close();
  });

  it('the year-end sheet prints in A4 without the console', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto('/year-end');
    await page.getByRole('heading', { level: 1, name: '年终评议参考' }).waitFor();
    const print = page.getByRole('button', { name: '打印（A4）' });
    await print.click();
    await expect.poll(printsOf(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(shows(page.getByRole('heading', { level: 1, name: '年终评议参考' }))).toBe(true);
    await expect.poll(shows(print)).toBe(false);
    await expect.poll(shows(page.getByRole('navigation').first())).toBe(false);
    await context.close();
  });

  it('a bulletin’s print view opens the bulletin as a page to print', async () => {
    const { context, page } = await signedIn('admin');
    await page.goto('/bulletins');
    await new BulletinPages(page).generateProposedPeriod();
    const title = (await page.getByTestId('bulletin-preview').getByRole('heading', { level: 3 }).innerText()).trim();
    expect(title.length).toBeGreaterThan(0);
    const view = await popupOf(page, page.getByRole('link', { name: '打印预览' }));
    expect(new URL(view.url()).pathname).toMatch(/^\/api\/bulletins\/\d+\/print$/);
    await expect.poll(textOf(view.locator('body'))).toContain(title);
    await context.close();
  });
});
