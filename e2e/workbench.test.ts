import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { axeViolations } from './fixtures/axe.ts';
import { textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { EvaluationPage } from './pages/evaluation.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { popconfirmOk } from './pages/overlays.ts';
import { Shell } from './pages/shell.page.ts';
import { DataTable } from './pages/table.ts';
import { WorkbenchPage } from './pages/workbench.page.ts';

const e2e = useE2E();

async function signedInAs(
  user: DemoUser,
): Promise<{ page: Page; shell: Shell; bench: WorkbenchPage; close(): Promise<void> }> {
  const { context, page } = await openPage(e2e.browser, e2e.url);
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page), bench: new WorkbenchPage(page), close: () => context.close() };
}

describe('工作台', () => {
  it('a street admin starts the day there and reaches the waiting review in one click', async () => {
    const { page, shell, bench, close } = await signedInAs('xicheng');
    await expect.poll(() => page.url()).toMatch(/\/workbench$/);
    await expect.poll(textOf(shell.heading)).toBe('工作台');
    await expect.poll(() => page.title()).toBe('工作台 · 惠民');
    // 晓燕心理疏导工作室 passed its community review and waits for the street.
    await expect.poll(() => bench.todoCount('待我审核的工作室申请')).toBe(1);
    // The menu's badge says the same.
    await expect.poll(() => shell.menuBadge('资质审核')).toBe('1 项待办');
    expect(await bench.todoLabels()).toEqual(
      expect.arrayContaining(['尚未分类的民情需求', '待确认入库的导入', '待办理的监督来信', '即将到期的服务协议']),
    );
    await expect.poll(() => bench.figure('在岗工作室')).not.toBe('0');
    expect(await axeViolations(page)).toEqual([]);

    await bench.todo('待我审核的工作室申请').click();
    await expect.poll(textOf(shell.heading)).toBe('资质审核');
    await expect.poll(() => new DataTable(page, 'studios-table').column('工作室')).toContain('晓燕心理疏导工作室');
    await close();
  });

  it('a member sees their studio, their requests and their record book, nothing of the organisations', async () => {
    const { page, bench, close } = await signedInAs('zhangwanzhen');
    await expect.poll(() => bench.todoLabels()).toEqual(['等待工作室接单的群众点单']);
    await expect.poll(() => bench.figure('我的工作室')).not.toBe('0');
    await expect.poll(() => bench.figure('服务人次')).toMatch(/^\d/);
    expect(await axeViolations(page)).toEqual([]);
    await bench.todo('等待工作室接单的群众点单').click();
    await expect.poll(() => page.url()).toMatch(/\/requests$/);
    await close();
  });

  it('a supervisor sees their inspection plan', async () => {
    const { page, bench, close } = await signedInAs('jiandu');
    await expect.poll(() => bench.todoLabels()).toEqual(expect.arrayContaining(['计划中的检查', '逾期未交的检查']));
    expect(await bench.todoLabels()).not.toContain('待我审核的工作室申请');
    expect(await axeViolations(page)).toEqual([]);
    await close();
  });

  it('after the quarter’s evaluation, the district sees its commendations to confirm and the street its reviews', async () => {
    const district = await signedInAs('admin');
    await district.shell.open('量化考评');
    await new EvaluationPage(district.page).runButton.click();
    await popconfirmOk(district.page).click();
    await expect.poll(textOf(district.page.getByText(/^考评完成/))).toContain('个工作室');
    await district.shell.open('工作台');
    // The run proposed the top studios for commendation: the district confirms them, in one click.
    await expect.poll(() => district.bench.todoCount('待我确认的考评建议')).toBeGreaterThan(0);
    await expect.poll(() => district.shell.menuBadge('考评建议')).toMatch(/^\d+ 项待办$/);
    await district.bench.todo('待我确认的考评建议').click();
    await expect.poll(textOf(district.shell.heading)).toBe('表扬与整改建议');
    await district.close();

    // 莲花家电便民维修室's two substantiated complaints put it up for review by its street, 西城街道.
    const street = await signedInAs('xicheng');
    await expect.poll(() => street.bench.todoCount('待我确认的考评建议')).toBeGreaterThan(0);
    expect(await axeViolations(street.page)).toEqual([]);
    await street.bench.todo('待我确认的考评建议').click();
    await expect.poll(textOf(street.shell.heading)).toBe('表扬与整改建议');
    await expect.poll(textOf(street.page.getByTestId('proposals-table'))).toContain('莲花家电便民维修室');
    await street.close();
  });
});
