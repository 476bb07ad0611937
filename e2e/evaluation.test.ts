import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { decodePng, pdfPages, pdfText } from '../src/server/documents/pdf-inspection.ts';
import { axeViolations } from './fixtures/axe.ts';
import { openPage } from './fixtures/browser.ts';
import { countOf, textOf, textsOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { EvaluationPage, EvaluationProposalsPage } from './pages/evaluation.page.ts';
import { choose } from './pages/antd-select.ts';
import { LoginPage } from './pages/login.page.ts';
import { dialog, dialogButton, pickRadio, popconfirmOk } from './pages/overlays.ts';
import { Shell } from './pages/shell.page.ts';

// The demo data holds the serving studios' last quarter (records and ratings): the district
// dry-runs it, runs it, reads a breakdown and confirms the commendation it proposed. 西城街道's
// 莲花家电便民维修室 had two complaints found substantiated in it: the run proposes it to the
// street, which revokes the plaque; nothing is revoked before that.

const COMPLAINED = '莲花家电便民维修室';

const e2e = useE2E();
let context: BrowserContext;
let page: Page;
let shell: Shell;
let evaluation: EvaluationPage;

beforeAll(async () => {
  ({ context, page } = await openPage(e2e.browser, e2e.url));
  await new LoginPage(page).goto();
  await new LoginPage(page).signInAs('admin');
  shell = new Shell(page);
  await shell.open('量化考评');
  evaluation = new EvaluationPage(page);
});
afterAll(() => context.close());

describe('量化考评 (district admin)', () => {
  it('dry-runs the last quarter: every serving demo studio scored, nothing saved', async () => {
    await evaluation.dryRunButton.click();
    await expect.poll(textOf(evaluation.dryRunResult)).toContain('试算完成');
    await expect.poll(textOf(evaluation.dryRunResult)).toContain('婉珍文艺专业服务室');
    await expect.poll(textOf(evaluation.dryRunResult)).toContain('来发医疗卫生专业服务室');
    await expect.poll(textOf(evaluation.dryRunResult)).toContain(COMPLAINED);
  });

  it('runs it after a confirmation, and lists the ranked scores', async () => {
    await evaluation.runButton.click();
    await popconfirmOk(page).click();
    await expect.poll(textOf(page.getByText(/^考评完成/))).toContain('6 个工作室');
    await evaluation.scores.settled();
    await expect.poll(countOf(evaluation.scores.rows)).toBe(6);
    await expect.poll(() => evaluation.scores.column('全区排名')).toEqual(['1', '2', '3', '4', '5', '6']);
    // Last, with both complaints deducted (5 points each).
    await expect.poll(textOf(evaluation.scores.rows.last())).toContain(COMPLAINED);
    const sheet = page.getByRole('link', { name: /年度党员评议参考表/ });
    await expect.poll(() => sheet.getAttribute('href')).toMatch(/^\/api\/evaluation\/year-end\.xlsx\?year=\d{4}$/);
  });

  it('explains a studio’s score item by item', async () => {
    await evaluation.openBreakdown('婉珍文艺专业服务室');
    // 78 person-times by two members against 西城街道's median (39 here, 6 at 莲花: 22.5) → full 15.
    await expect.poll(textOf(page.getByTestId('points-volume'))).toBe('+15');
    await expect.poll(textOf(page.getByRole('row', { name: /服务量/ }))).toContain('(78 ÷ 2) ÷ 22.5');
    // Six ratings, mean 28 ÷ 6 = 4.67 → 15 × 4.67 ÷ 5 = 14.
    await expect.poll(textOf(page.getByTestId('points-ratings'))).toBe('+14');
    await expect.poll(textOf(page.getByRole('row', { name: /群众评价/ }))).toContain('群众评价（6）');
    await expect.poll(textOf(page.getByTestId('score-history'))).not.toBe('');
  });

  it('confirms the commendation the run proposed', async () => {
    await shell.open('考评建议', '表扬与整改建议');
    const proposals = new EvaluationProposalsPage(page);
    await proposals.table.settled();
    const row = proposals.rowsOf('通报表扬').first();
    await expect.poll(textOf(row)).toContain('待确认');
    const studio = (await row.getByRole('link').innerText()).trim();
    await row.getByRole('button', { name: `确认 ${studio}` }).click();
    const confirm = dialog(page, `确认对“${studio}”的建议`);
    await dialogButton(confirm, '确认').click();
    await expect.poll(textOf(proposals.table.rowsWith(studio).filter({ hasText: '通报表扬' }))).toContain('已确认');
  });

  it('issues the commendation notice naming the top studio, as Word and as a PDF that renders Chinese', async () => {
    const top = (
      await page
        .getByTestId('proposals-table')
        .getByRole('row')
        .filter({ hasText: '通报表扬' })
        .first()
        .getByRole('link')
        .innerText()
    ).trim();
    await page.getByRole('button', { name: '生成通报' }).click();
    const notices = page.getByTestId('notices');
    await expect.poll(textOf(notices)).toContain('予以通报表扬的通报');
    await expect.poll(textOf(notices)).toContain(top);
    const docxLink = notices.getByRole('link', { name: /^下载 Word：/ }).first();
    const docx = await page.request.get((await docxLink.getAttribute('href')) ?? '');
    expect(docx.status()).toBe(200);
    const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')?.async('string');
    expect(xml).toContain(top);
    expect(xml).toContain('通报表扬');
    const pdfLink = notices.getByRole('link', { name: /^下载 PDF：/ }).first();
    const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = await pdf.body();
    expect((await pdfText(body)).replace(/\s+/g, '')).toContain(top.replace(/\s+/g, ''));
    // Rendered by poppler to an image: the page carries ink (the embedded Chinese font drew glyphs).
    const [png] = await pdfPages(body, 40);
    const { data } = decodePng(png as Buffer);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) ink++;
    expect(ink).toBeGreaterThan(500);
    expect(await axeViolations(page)).toEqual([]);

    // The commendation shows on the studio's public page.
    const hits = (await (await page.request.get(`/api/public/studios?q=${encodeURIComponent(top)}`)).json()) as Array<{
      id: number;
    }>;
    const studioId = hits[0]?.id;
    expect(studioId).toEqual(expect.any(Number));
    const resident = await context.newPage();
    await resident.goto(`${e2e.url}/s/${studioId}`);
    await expect
      .poll(textOf(resident.getByTestId('commendations')))
      .toMatch(/年第\d季度受到通报表扬\s*（.*量评〔\d{4}〕1号）/);
    await resident.close();
  });

  it('edits a draft scheme, previews last quarter under it, marks a refused field, and publishes it', async () => {
    await shell.open('考评办法', '量化考评办法');
    const previewButton = page.getByRole('button', { name: '用上季度数据预览' });
    const preview = page.getByTestId('scheme-preview');
    const draftTotal = async () =>
      Number(
        (
          await preview
            .getByRole('row', { name: /婉珍文艺专业服务室/ })
            .getByRole('cell')
            .last()
            .innerText()
        ).trim(),
      );
    // The draft as published: the preview gives what the run gave.
    await previewButton.click();
    await expect.poll(countOf(preview.locator('[data-row-key]'))).toBe(6);
    const before = await draftTotal();
    expect(before).toBeGreaterThan(0);

    // Ten points off the base: the preview, run again, gives ten less.
    await page.getByRole('spinbutton', { name: '基础分 分值' }).fill('30');
    await expect.poll(countOf(preview)).toBe(0);
    await previewButton.click();
    await expect.poll(draftTotal).toBe(before - 10);
    expect(await axeViolations(page)).toEqual([]);

    // A base that deducts is refused by the server, which names the field: the editor marks it.
    const direction = page.getByRole('combobox', { name: '基础分 加/减分' });
    await choose(direction, '扣分');
    await previewButton.click();
    const marked = page.getByTestId('scheme-items').getByRole('row').filter({ has: direction });
    await expect.poll(textOf(marked)).toContain('此项不符合要求');
    await choose(direction, '加分');
    await expect.poll(textOf(marked)).not.toContain('此项不符合要求');

    // The proposal rules are part of the draft; publishing makes it the next version.
    await page.getByRole('spinbutton', { name: '群众反映强烈：查实投诉件数' }).fill('3');
    await page.getByRole('button', { name: '发布新版本' }).click();
    await popconfirmOk(page).click();
    await expect.poll(textOf(page.getByRole('main'))).toContain('第 2 版');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs axe on the scores and a breakdown', async () => {
    await shell.open('量化考评');
    await evaluation.scores.settled();
    expect(await axeViolations(page)).toEqual([]);
    await evaluation.openBreakdown('婉珍文艺专业服务室');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('explains the complained-about studio’s deduction, down to the two letters', async () => {
    await shell.open('量化考评');
    await evaluation.scores.settled();
    await evaluation.openBreakdown(COMPLAINED);
    await expect.poll(textOf(page.getByTestId('points-complaints'))).toBe('−10');
    await expect.poll(textOf(page.getByRole('row', { name: /查实投诉/ }))).toContain('2');
  });

  it('the run proposed it to 西城街道, which revokes the plaque; the public page says so', async () => {
    // Nothing is revoked by the run itself: the public page still shows a serving studio.
    const reviews = (await (await page.request.get('/api/evaluation/proposals?kind=review&limit=100')).json()) as {
      items: Array<{ studioId: number; studioName: string; reasons: string[]; status: string }>;
    };
    const proposal = reviews.items.find((p) => p.studioName === COMPLAINED);
    expect(proposal).toMatchObject({ status: 'proposed', reasons: expect.arrayContaining(['complaints']) });
    const studioId = proposal?.studioId ?? 0;
    const resident = await context.newPage();
    await resident.goto(`${e2e.url}/s/${studioId}`);
    await expect.poll(textOf(resident.getByTestId('studio-status'))).not.toContain('取消牌匾');

    await shell.logout();
    await new LoginPage(page).signInAs('xicheng');
    await shell.open('考评建议', '表扬与整改建议');
    const proposals = new EvaluationProposalsPage(page);
    await proposals.table.settled();
    const row = proposals.table.rowsWith(COMPLAINED).filter({ hasText: '整改/取消牌匾' });
    await expect.poll(textOf(row)).toContain('群众反映强烈');
    await expect.poll(textOf(row)).toContain('待确认');
    await row.getByRole('button', { name: `确认 ${COMPLAINED}` }).click();
    const confirm = dialog(page, `确认对“${COMPLAINED}”的建议`);
    await pickRadio(confirm, '取消牌匾');
    await confirm.getByRole('textbox', { name: '理由' }).fill('一个季度内两件投诉经复核属实，群众反映强烈');
    await dialogButton(confirm, '确认').click();
    await expect.poll(textOf(row)).toContain('已确认');
    await expect.poll(textOf(row)).toContain('取消牌匾');
    expect(await axeViolations(page)).toEqual([]);

    await resident.reload();
    await expect.poll(textOf(resident.getByTestId('studio-status'))).toContain('该工作室已被取消牌匾');
    await expect.poll(textOf(resident.getByTestId('studio-status'))).toContain('群众反映强烈');
    await resident.close();
  });

  it('shows the member 张婉珍 her year-end sheet with the quarter just scored', async () => {
    await shell.logout();
    await new LoginPage(page).signInAs('zhangwanzhen');
    await shell.open('年终评议参考');
    const sheet = page.getByTestId('year-end-table');
    await expect
      .poll(textsOf(sheet.getByRole('row').and(page.locator('[data-row-key]'))))
      .toEqual([expect.stringContaining('张婉珍')]);
    await expect.poll(textOf(sheet.getByRole('row', { name: /张婉珍/ }))).toContain('8 / 78');
    await expect.poll(textOf(sheet.locator('[data-testid^="q3-"]'))).toMatch(/^\d+(\.\d+)?$/);
    // Her own sheet as Word (a member may download only her own).
    const docx = sheet.getByRole('link', { name: /^\.docx（张婉珍/ });
    const file = await page.request.get((await docx.getAttribute('href')) ?? '');
    expect(file.status()).toBe(200);
    const xml = await (await JSZip.loadAsync(await file.body())).file('word/document.xml')?.async('string');
    expect(xml).toContain('张婉珍');
    expect(xml).toContain('年度党员评议参考表');
    expect(await axeViolations(page)).toEqual([]);
  });
});
