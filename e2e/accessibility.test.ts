import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, type AxeViolation } from './fixtures/axe.ts';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { consoleDetailPathsOf, consolePagesOf, residentPaths } from './fixtures/pages.ts';
import { useE2E } from './fixtures/suite.ts';
import { textOf } from './fixtures/expect.ts';
import { EvaluationPage } from './pages/evaluation.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { popconfirmOk } from './pages/overlays.ts';
import { BulletinPages } from './pages/statistics.page.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const modes = ['normal', 'large font'] as const;
type Mode = (typeof modes)[number];

/**
 * Whose menus are walked: the district admin's, the member's and the supervisor's whole menus
 * (their pages show each role's own data: the record book, 申办, 我的检查), then what only the
 * street or the community admin opens (审核), so every menu page is checked at least once.
 */
const fullMenus: DemoUser[] = ['admin', 'zhangwanzhen', 'jiandu'];
const seen = new Set(fullMenus.flatMap(consolePagesOf));
const pagesOf = new Map<DemoUser, string[]>([
  ...fullMenus.map((user) => [user, consolePagesOf(user)] as const),
  ...(['xicheng', 'xixing'] as const).map(
    (user) => [user, consolePagesOf(user).filter((path) => !seen.has(path) && seen.add(path))] as const,
  ),
]);

/** A fresh context in the mode, as a user's A+ choice stores it. */
async function contextIn(mode: Mode, viewport?: { width: number; height: number }) {
  const opened = await openPage(e2e.browser, e2e.url, viewport ? { viewport } : {});
  if (mode === 'large font')
    await opened.context.addInitScript(() => window.localStorage.setItem('huimin.largeFont', '1'));
  return opened;
}

/** Opens a page, waits until its data is in, and answers what axe finds (WCAG 2.1 A and AA). */
async function violationsAt(page: Page, path: string): Promise<AxeViolation[]> {
  await page.goto(path);
  await page.locator('main').first().waitFor();
  await page.waitForLoadState('networkidle');
  // A page still loading shows a spinner; axe looks at what the person finally gets.
  await page
    .locator('.ant-spin-spinning, [aria-busy="true"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  return axeViolations(page);
}

/** The pages with violations, each with what is wrong where (an empty object when all pass). */
type Findings = Record<string, AxeViolation[]>;
const add = (findings: Findings, key: string, found: AxeViolation[]) => {
  if (found.length === 0) return;
  findings[key] = found;
  // Said at once as well, so a long walk shows what to fix before it ends.
  process.stdout.write(`[axe] ${key}: ${JSON.stringify(found)}\n`);
};

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  // The demo data holds last quarter's records but no evaluation run and no bulletin, so a score's
  // breakdown and a bulletin have no page to walk until someone makes them: the district admin
  // runs the quarter and generates its bulletin as a person would, before the walk.
  it('admin runs last quarter’s evaluation and generates its bulletin, so their detail pages are walked', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    await new LoginPage(page).goto();
    await new LoginPage(page).signInAs('admin');
    await page.goto('/evaluation');
    await new EvaluationPage(page).runButton.click();
    await popconfirmOk(page).click();
    await expect.poll(textOf(page.getByText(/^考评完成/))).toContain('个工作室');
    await page.goto('/bulletins');
    // The period the page proposes (last quarter), as a user leaves it.
    await new BulletinPages(page).generateProposedPeriod();
    await expect.poll(() => page.url()).toMatch(/\/bulletins\/\d+$/);
    await context.close();
  }, 120_000);

  for (const mode of modes) {
    it(`finds nothing on the login page and any resident page, on a phone, ${mode}`, async () => {
      const { context, page } = await contextIn(mode, phone);
      const findings: Findings = {};
      add(findings, `${mode} /login`, await violationsAt(page, '/login'));
      for (const path of await residentPaths(e2e.url)) add(findings, `${mode} ${path}`, await violationsAt(page, path));
      await context.close();
      expect(findings).toEqual({});
    }, 240_000);

    for (const [user, paths] of pagesOf) {
      if (paths.length === 0) continue;
      it(`finds nothing on the console pages ${user} is the first to open (${paths.join(' ')}), ${mode}`, async () => {
        const { context, page } = await contextIn(mode);
        const login = new LoginPage(page);
        await login.goto();
        await login.signInAs(user);
        const findings: Findings = {};
        // The menu pages, then the detail pages the account opens from them (a studio, a letter, …).
        const details = await consoleDetailPathsOf(page, user);
        process.stdout.write(`[axe] ${mode} ${user} detail pages: ${details.join(' ')}\n`);
        for (const path of [...paths, ...details])
          add(findings, `${mode} ${user} ${path}`, await violationsAt(page, path));
        await context.close();
        expect(findings).toEqual({});
      }, 600_000);
    }
  }
});
