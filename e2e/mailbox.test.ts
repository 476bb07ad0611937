import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './fixtures/axe.ts';
import { openPage } from './fixtures/browser.ts';
import { countOf, textOf } from './fixtures/expect.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { LettersScreen, ResidentMailbox, type PhotoFile } from './pages/mailbox.page.ts';
import { apiSession, ResidentPages } from './pages/resident.page.ts';
import { Shell } from './pages/shell.page.ts';

const e2e = useE2E();
const phone = { width: 390, height: 844 };
const overflowsSideways = () => document.documentElement.scrollWidth > window.innerWidth + 1;
const HANDLER = { username: 'xicheng-xinfang', displayName: '西城街道信访专干', password: 'Xinfang#2026-Huimin' };

/** A phone camera's photo, larger than the 1600 px the page scales photos to. */
function cameraPhoto(): PhotoFile {
  const png = new PNG({ width: 2400, height: 1800 });
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      png.data[i] = (x * 255) / png.width;
      png.data[i + 1] = (y * 255) / png.height;
      png.data[i + 2] = 120;
      png.data[i + 3] = 255;
    }
  return { name: 'IMG_0412.png', mimeType: 'image/png', buffer: PNG.sync.write(png) };
}

/** The id of 婉珍文艺专业服务室, as a resident's search for it finds it. */
async function wanzhenId(): Promise<number> {
  const response = await fetch(`${e2e.url}/api/public/studios?q=${encodeURIComponent('婉珍')}`);
  const [studio] = (await response.json()) as Array<{ id: number; name: string }>;
  if (studio?.name !== '婉珍文艺专业服务室') throw new Error('婉珍文艺专业服务室 not found');
  return studio.id;
}

/** Signs a demo account (or the handler made below) into a fresh desktop browser context. */
async function signedIn(user: 'xicheng' | 'admin' | 'handler') {
  const opened = await openPage(e2e.browser, e2e.url);
  const login = new LoginPage(opened.page);
  await login.goto();
  if (user === 'handler') {
    await login.signIn(HANDLER.username, HANDLER.password);
    await opened.page.locator('main#main').waitFor();
  } else await login.signInAs(user);
  return { ...opened, shell: new Shell(opened.page), letters: new LettersScreen(opened.page) };
}

/** Fails with the rules broken, so a report names them. */
async function expectAxeClean(page: Parameters<typeof axeViolations>[0]): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

let code = '';
let letterId = 0;

describe('the supervision mailbox (监督信箱), from the resident to the ruling', () => {
  it('a resident writes a complaint about 婉珍文艺专业服务室 from its page, with a photo, on a phone, and gets a code', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    const mailbox = new ResidentMailbox(page);
    await r.goto(`/s/${await wanzhenId()}`);
    await page.getByRole('link', { name: '写信监督' }).click();
    await r.headingIs('监督信箱');
    await expect.poll(textOf(mailbox.chosenStudio)).toBe('婉珍文艺专业服务室');
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await expectAxeClean(page);

    // 检举控告 says where it goes before it is sent.
    await mailbox.chooseType('检举控告');
    await expect.poll(textOf(page.getByTestId('accusation-notice'))).toContain('转交区纪委监委');
    await mailbox.chooseType('投诉');
    await expect.poll(countOf(page.getByTestId('accusation-notice'))).toBe(0);

    code = await mailbox.send({
      text: '婉珍文艺工作室承诺每周六上午开放，上周六上午九点去了两次都没开门，电话也没人接。',
      photos: [cameraPhoto()],
      name: '林秀英',
      phone: '13905971234',
    });
    expect(code).toMatch(/^[2-9A-Z]{6,16}$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expectAxeClean(page);
    await page.screenshot({ path: '/tmp/huimin-e2e-mailbox-sent.png', fullPage: true });
    await context.close();
  });

  it('the street names a handler; the handler acknowledges and replies before the deadline', async () => {
    // A second member of 西城街道's staff, who will own the letter (首接负责).
    const admin = await apiSession(e2e.url, 'admin');
    const xicheng = await apiSession(e2e.url, 'xicheng');
    const { unit } = await xicheng.get<{ unit: { id: number } }>('/api/auth/me');
    await admin.post('/api/accounts', { ...HANDLER, role: 'street_admin', unitId: unit.id });

    const street = await signedIn('xicheng');
    await street.shell.open('监督信箱', '监督信箱来信');
    await street.letters.settled();
    await expect.poll(textOf(street.letters.row(code).getByTestId('letter-status'))).toBe('待分派');
    await expectAxeClean(street.page);
    // The demo's late letters are flagged; the filter keeps only them.
    await street.letters.filterOverdue(true);
    const rows = street.letters.table.locator('tbody tr:not([aria-hidden="true"])');
    await expect.poll(countOf(rows)).toBeGreaterThan(0);
    await expect.poll(countOf(street.letters.table.getByTestId('letter-overdue'))).toBe(await rows.count());
    await street.letters.filterOverdue(false);
    await street.letters.open(code);
    letterId = Number(/\/letters\/(\d+)/.exec(street.page.url())?.[1]);
    await expect.poll(textOf(street.page.getByTestId('letter-writer'))).toMatch(/^林\*/);
    expect(await street.letters.main.innerText()).not.toContain('13905971234');
    // The photo arrives scaled on the phone (1600 px), re-encoded by the server, and shows.
    const photo = street.letters.main.getByRole('img', { name: '来信照片 1' });
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await expect.poll(() => street.letters.actions()).toEqual(['指定负责人']);
    await expectAxeClean(street.page);

    await street.letters.assign('西城街道信访专干');
    await expect.poll(textOf(street.letters.status)).toBe('待受理');
    await expect.poll(textOf(street.page.getByTestId('letter-handler'))).toBe('西城街道信访专干');
    // Only the handler acknowledges: the street admin who assigned has no step left.
    await expect.poll(() => street.letters.actions()).toEqual([]);

    const handler = await signedIn('handler');
    await handler.page.goto(`/letters/${letterId}`);
    await handler.letters.heading(code).waitFor();
    await expect.poll(() => handler.letters.actions()).toEqual(['受理']);
    await handler.letters.acknowledge();
    await expect.poll(textOf(handler.letters.status)).toBe('办理中');
    await expect.poll(() => handler.letters.actions()).toEqual(['延期', '答复']);
    await handler.letters.reply(
      '已核实：上周六工作室负责人临时外出，未安排人员值守。已要求工作室每周六安排两人值守并公示电话。',
    );
    await expect.poll(textOf(handler.letters.status)).toBe('已答复');
    await expect.poll(textOf(handler.page.getByTestId('letter-history'))).toContain('答复');
    await handler.page.screenshot({ path: '/tmp/huimin-e2e-mailbox-letter.png', fullPage: true });
    await street.context.close();
    await handler.context.close();
  });

  it('the resident follows the letter by its code, reads the reply and rates it 不满意: the letter reopens', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const mailbox = new ResidentMailbox(page);
    await page.goto(`/mailbox/${code}`);
    await expect.poll(() => mailbox.status()).toEqual({ status: 'replied', text: '已答复，请您评价' });
    await expect.poll(textOf(page.getByTestId('letter-reply').first())).toContain('每周六安排两人值守');
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await expectAxeClean(page);
    await mailbox.rate('不满意', '这周六去还是没开门。');
    await expect.poll(async () => (await mailbox.status()).status).toBe('reopened');
    await expect.poll(textOf(mailbox.main)).toContain('感谢您的评价');
    await expect.poll(textOf(page.getByTestId('letter-next-due'))).toMatch(/前$/);
    await context.close();
  });

  it('a second reply; a second 不满意 sends the complaint to review; another member of the street rules it 属实', async () => {
    const handler = await signedIn('handler');
    await handler.page.goto(`/letters/${letterId}`);
    await handler.letters.heading(code).waitFor();
    await expect.poll(textOf(handler.letters.status)).toBe('重新办理');
    await handler.letters.reply(
      '已约谈工作室负责人，本周六起由街道干部现场督查开放情况，督查结果在公告栏公示。',
      '再次答复',
    );
    await expect.poll(textOf(handler.letters.status)).toBe('已再次答复');

    const resident = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const mailbox = new ResidentMailbox(resident.page);
    await resident.page.goto(`/mailbox/${code}`);
    await expect.poll(() => mailbox.status()).toEqual({ status: 'second_replied', text: '已再次答复，请您评价' });
    await expect.poll(countOf(resident.page.getByTestId('letter-reply'))).toBe(2);
    await mailbox.rate('不满意', '督查也没有落实。');
    await expect.poll(async () => (await mailbox.status()).status).toBe('under_review');

    // The handler may not rule on their own handling; the street admin who assigned it may.
    await handler.page.reload();
    await handler.letters.heading(code).waitFor();
    await expect.poll(textOf(handler.letters.status)).toBe('待复核');
    await expect.poll(() => handler.letters.actions()).toEqual([]);
    const street = await signedIn('xicheng');
    await street.page.goto(`/letters/${letterId}`);
    await street.letters.heading(code).waitFor();
    await expect.poll(() => street.letters.actions()).toEqual(['复核认定']);
    await street.letters.rule('属实', '经现场核查，工作室两次未按承诺时间开放，投诉属实。');
    await expect.poll(textOf(street.letters.status)).toBe('已办结');
    await expect.poll(textOf(street.page.getByTestId('letter-ruling'))).toContain('属实');
    await expectAxeClean(street.page);

    await resident.page.reload();
    await expect.poll(() => mailbox.status()).toEqual({ status: 'closed', text: '已办结' });
    await expect.poll(textOf(resident.page.getByTestId('letter-ruling'))).toMatch(/^属实/);
    await expect.poll(textOf(resident.page.getByTestId('letter-verdict'))).toBe('不满意');
    await resident.page.screenshot({ path: '/tmp/huimin-e2e-mailbox-track.png', fullPage: true });
    await resident.context.close();
    await handler.context.close();
    await street.context.close();
  });

  it('the 三率 table counts the substantiated complaint; the district changes a deadline and adds a day off', async () => {
    const district = await signedIn('admin');
    await district.shell.open('信箱三率', '监督信箱三率');
    const table = district.page.getByTestId('rates-table');
    await district.page
      .locator('[data-testid="rates-table"][aria-busy="false"] tbody tr:not([aria-hidden="true"])')
      .first()
      .waitFor();
    const xicheng = table.getByRole('row').filter({ hasText: '西城街道' }).first();
    // The columns: 名称, 来信, 已评价, 响应率, 解决率, 满意率, 综合得分, 投诉属实.
    await expect.poll(async () => (await xicheng.getByRole('cell').last().innerText()).trim()).toMatch(/^[1-9]\d*$/);
    await expectAxeClean(district.page);
    await district.shell.open('信箱设置', '监督信箱设置');
    const replyDays = district.page.getByRole('spinbutton', { name: '投诉答复期限' });
    await expect.poll(() => replyDays.inputValue()).toBe('15');
    await expectAxeClean(district.page);
    await replyDays.fill('14');
    await district.page.getByRole('button', { name: '保存设置' }).click();
    await district.page.getByText('设置已保存，新期限适用于此后的来信。').waitFor();
    await district.page.reload();
    await expect.poll(() => district.page.getByRole('spinbutton', { name: '投诉答复期限' }).inputValue()).toBe('14');

    // A day off the district adds shows in the year's calendar, and can be taken back.
    const day = `${new Date().getFullYear()}-12-31`;
    const date = district.page.getByRole('textbox', { name: '日期' });
    await date.click();
    await date.fill(day);
    await date.press('Enter');
    await district.page.getByRole('textbox', { name: '原因' }).fill('区委统一安排调休');
    await district.page.getByRole('button', { name: '增加休息日' }).click();
    await expect.poll(textOf(district.page.getByTestId('days-off'))).toContain('区委统一安排调休');
    await district.page.getByRole('button', { name: `删除 ${day}` }).click();
    await district.page.getByText('暂无增加的休息日').waitFor();
    await district.context.close();
  });
});

describe('the mailbox for every resident', () => {
  it('a 检举控告 about the service in a community is forwarded to the discipline body at once, with the date', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    const mailbox = new ResidentMailbox(page);
    await r.goto('/mailbox');
    await mailbox.chooseType('检举控告');
    await page.getByRole('radio', { name: '总体服务（选择社区）' }).check();
    await r.chooseCommunity('letter-unit', '西兴', '西兴社区居委会');
    const forwarded = await mailbox.send({ text: '反映某党员利用工作室名义收取费用的问题，具体情况如下。' });
    await expect.poll(textOf(page.getByTestId('letter-forwarded'))).toMatch(/^已于 .+ 转交新罗区纪委监委办理。$/);
    await page.getByRole('link', { name: '查看进度' }).click();
    await expect.poll(() => mailbox.status()).toEqual({ status: 'closed', text: '已办结' });
    expect(page.url()).toContain(`/mailbox/${forwarded}`);
    await context.close();
  });

  it('reads in English and in large print on a phone, still accessible and without sideways scrolling', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url, { viewport: phone });
    const r = new ResidentPages(page);
    await r.goto('/mailbox');
    await r.chooseLanguage('English', 'en');
    await r.headingIs('Supervision mailbox');
    await r.largeFont.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('hm-large'))).toBe(true);
    await expect.poll(textOf(page.getByRole('button', { name: 'Send', exact: true }))).toBe('Send');
    await expect.poll(() => page.evaluate(overflowsSideways)).toBe(false);
    await expectAxeClean(page);
    await page.goto(`/mailbox/${code}`);
    await expect.poll(async () => (await new ResidentMailbox(page).status()).text).toBe('Closed');
    await expectAxeClean(page);
    await page.screenshot({ path: '/tmp/huimin-e2e-mailbox-large-en.png', fullPage: true });
    await context.close();
  });
});
