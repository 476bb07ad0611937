import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, type DemoUser } from './fixtures/browser.ts';
import { countOf, inputValueOf, textOf } from './fixtures/expect.ts';
import { axeViolations } from './fixtures/axe.ts';
import { useE2E } from './fixtures/suite.ts';
import { LoginPage } from './pages/login.page.ts';
import { OutboxPage } from './pages/studio-outbox.page.ts';
import { Shell } from './pages/shell.page.ts';
import { StudioApplyPage } from './pages/studio-apply.page.ts';
import { StudioCommitmentsPage } from './pages/studio-commitments.page.ts';
import { StudioDetailPage } from './pages/studio-detail.page.ts';
import { choose } from './pages/antd-select.ts';
import { dialogButton } from './pages/overlays.ts';
import { DataTable } from './pages/table.ts';
import { StudioListPage } from './pages/studios.page.ts';

// One studio goes from application to plaque to revocation, each step taken by the
// person who takes it in real life, in the browser. The tests run in order and share it.
const e2e = useE2E();
const STUDIO = '婉珍书画公益课堂';
const phone = { width: 390, height: 844 };
let studioId = 0;
let boardUnitId = 0;
const open: Array<() => Promise<void>> = [];

// Each test closes its browser contexts, so a long file does not pile up open pages.
afterEach(async () => {
  for (const close of open.splice(0)) await close();
});

async function signedInAs(
  user: DemoUser,
  viewport?: { width: number; height: number },
): Promise<{ page: Page; shell: Shell }> {
  const { context, page } = await openPage(e2e.browser, e2e.url, viewport ? { viewport } : {});
  open.push(() => context.close());
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAs(user);
  return { page, shell: new Shell(page) };
}

describe('studio lifecycle, from application to revocation', () => {
  it('a member of 西兴社区 saves an application as a draft, edits it and submits it', async () => {
    const { page, shell } = await signedInAs('zhangwanzhen');
    await shell.open('申办工作室');
    const form = new StudioApplyPage(page);
    await form.waitForForm();
    await expect.poll(textOf(page.getByTestId('application-unit'))).toBe('西兴社区居委会');
    await expect.poll(textOf(page.getByTestId('application-leader'))).toBe('张婉珍');
    await form.fill({
      name: STUDIO,
      categories: ['文化宣传'],
      items: [{ title: '少儿书法公益课', description: '每周六上午，社区活动室' }, { title: '老年绘画兴趣班' }],
      venue: '西兴社区党群服务中心二楼活动室',
      hours: '每周六 9:00-11:00',
      phone: '0597-2345678',
      members: ['陈惠敏'],
      qualifications: [{ holder: '张婉珍', title: '龙岩市书法家协会会员', issuer: '龙岩市书法家协会' }],
    });
    await form.saveDraft();
    const detail = new StudioDetailPage(page);
    await detail.waitForStatus('draft');
    studioId = detail.id();
    await expect.poll(textOf(detail.heading)).toBe(STUDIO);
    await expect.poll(() => detail.actions()).toEqual(expect.arrayContaining(['submit']));

    // Edit the draft: the form comes back filled in; change the hours, then submit from the form.
    await page.getByRole('link', { name: '编辑申请' }).click();
    await form.waitForForm();
    await expect.poll(inputValueOf(form.rowField('服务项目名称', 2))).toBe('老年绘画兴趣班');
    await form.field('服务时间').fill('每周六 9:00-11:30');
    await form.submit();
    await detail.waitForStatus('submitted');
    await expect.poll(() => detail.progressNow()).toBe('当前：社区审核');
    // History says who acted by name and role, not by username.
    await expect.poll(() => detail.historyEntries()).toContainEqual(expect.stringContaining('张婉珍 · 领岗党员'));
    expect((await detail.historyEntries()).join('\n')).not.toContain('zhangwanzhen');
    await expect.poll(textOf(page.getByTestId('studio-info'))).toContain('每周六 9:00-11:30');
    await expect.poll(() => detail.actions()).toEqual([]);

    await shell.open('我的工作室');
    await expect.poll(() => new StudioListPage(page).names()).toContain(STUDIO);
  });

  it('the community admin (西兴社区) passes it on the 资质把关 checklist', async () => {
    const { page, shell } = await signedInAs('xixing');
    await shell.open('资质审核');
    const queue = new StudioListPage(page);
    await expect.poll(() => queue.names()).toContain(STUDIO);
    await queue.open(STUDIO);
    const detail = new StudioDetailPage(page);
    await expect.poll(() => detail.actions()).toEqual(['communityReview']);
    expect(await detail.review({ comment: '符合要求' })).toBe(200);
    await detail.waitForStatus('community_reviewed');
    await expect.poll(textOf(page.getByTestId('review-community'))).toContain('符合要求');
    await expect.poll(() => detail.progressNow()).toBe('当前：街道审核');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the street admin (西城街道) approves it, signs the agreement and awards the plaque', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('资质审核');
    const queue = new StudioListPage(page);
    await queue.open(STUDIO);
    const detail = new StudioDetailPage(page);
    expect(await detail.review()).toBe(200);
    await detail.waitForStatus('approved');

    const contract = await detail.open('sign');
    const signatory = (label: string, n: number) =>
      inputValueOf(contract.getByRole('textbox', { name: new RegExp(`${label} ${n}$`) }));
    await expect.poll(signatory('签约方', 1)).toBe('甲方');
    await expect.poll(signatory('名称或姓名', 1)).toBe('中共西城街道工作委员会');
    await expect.poll(signatory('签约方', 2)).toBe('乙方');
    await expect.poll(signatory('名称或姓名', 2)).toBe('张婉珍');
    expect(await detail.confirmDialog()).toBe(200);
    await detail.waitForStatus('contracted');
    await expect.poll(() => detail.progressNow()).toBe('当前：授牌');

    await detail.open('award');
    // Awarding asks once, naming the number and the date; cancelling sends nothing.
    let sent = 0;
    page.on('request', (r) => void (/\/api\/studios\/\d+\/plaque$/.test(r.url()) && sent++));
    await detail.confirmThenCancel();
    expect(sent).toBe(0);
    expect(await detail.status()).toBe('contracted');
    expect(await detail.confirmDialog()).toBe(200);
    expect(sent).toBe(1);
    await detail.waitForStatus('active');
    await expect.poll(() => detail.progressNow()).toBe('已授牌，正在服务');
    // No number typed: the server gave the next free one.
    await expect.poll(textOf(detail.root.getByText(/^牌匾编号 /))).toMatch(/牌匾编号 XL-\d{4}-\d+/);

    // The agreement and certificate print from the links on the page.
    const contractHtml = await page.request.get(await detail.documentHref('服务协议（打印）'));
    expect(contractHtml.status()).toBe(200);
    expect(await contractHtml.text()).toContain('中共西城街道工作委员会');
    const plaquePdf = await page.request.get(await detail.documentHref('牌匾证书 PDF'));
    expect(plaquePdf.headers()['content-type']).toBe('application/pdf');
    const cards = await page.request.get(await detail.documentHref('便民服务卡 PDF'));
    expect(cards.status()).toBe(200);
    boardUnitId = Number(/\/board\/(\d+)/.exec(await detail.documentHref('社区公告栏'))?.[1]);
    expect(boardUnitId).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/huimin-e2e-studio-active.png', fullPage: true });
  });

  it('the member publishes commitments; the SMS count is shown', async () => {
    const { page, shell } = await signedInAs('zhangwanzhen');
    await shell.open('我的工作室');
    await new StudioListPage(page).open(STUDIO);
    await page.getByRole('link', { name: '公开承诺：编辑并发布' }).click();
    const commitments = new StudioCommitmentsPage(page);
    await commitments.fill([
      { kind: '服务时间', text: '每周六上午在社区活动室开课' },
      { kind: '每月活动', text: '每月举办 2 次书画公益讲座', target: 2 },
    ]);
    // Before anything is sent: the message as phones show it, its signature, billed length and recipients.
    const dialog = await commitments.askToPublish();
    const preview = await commitments.preview(dialog);
    expect(preview.text).toMatch(/^【新罗惠民】婉珍书画公益课堂（西兴社区居委会）公开承诺：每周六上午在社区活动室开课/);
    expect(preview.signature).toBe('【新罗惠民】');
    const [, characters, segments] = /^(\d+) 字，按 (\d+) 条计费$/.exec(preview.length) ?? [];
    expect(Number(characters)).toBe([...preview.text].length);
    expect(Number(segments)).toBe(Number(characters) <= 70 ? 1 : Math.ceil(Number(characters) / 67));
    expect(preview.recipients).toBe('3 位订阅居民');
    expect(preview.total).toBe(`共计 ${Number(segments) * 3} 条计费短信`);
    expect(await axeViolations(page)).toEqual([]);
    await commitments.confirmPublish(dialog);
    // 西兴社区 has three subscribers in the demo data.
    await expect.poll(textOf(commitments.result)).toBe('已发布 2 条承诺，已排队发送 3 条短信。');
    await expect.poll(textOf(commitments.published)).toContain('每月举办 2 次书画公益讲座');
  });

  it('the community bulletin board shows the commitments', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.url);
    open.push(() => context.close());
    await page.goto(`/board/${boardUnitId}`);
    const entry = page.getByTestId('board-studio').filter({ hasText: STUDIO });
    await expect.poll(textOf(entry)).toContain('每月举办 2 次书画公益讲座');
    await page.screenshot({ path: '/tmp/huimin-e2e-board.png', fullPage: true });
  });

  it('the street sees one SMS per subscriber in its sent messages, numbers masked', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('已发短信');
    const outbox = new OutboxPage(page);
    const rows = async () => (await outbox.rows()).filter((r) => r.body.includes(STUDIO));
    await expect
      .poll(async () => (await rows()).map((r) => r.recipient).sort())
      .toEqual(['138****0001', '138****0002', '138****0003']);
    expect((await rows())[0]?.body).toContain('每月举办 2 次书画公益讲座');
  });

  it('the street revokes the plaque; the public page says so', async () => {
    const { page } = await signedInAs('xicheng');
    const detail = new StudioDetailPage(page);
    await detail.goto(studioId);
    const form = await detail.open('revoke');
    await form
      .getByRole('textbox', { name: '取消理由' })
      .fill('连续两个月未按承诺开展服务，经街道党工委研究决定取消牌匾。');
    expect(await detail.confirmDialog()).toBe(200);
    await detail.waitForStatus('revoked');
    await expect.poll(textOf(detail.reason)).toContain('连续两个月未按承诺开展服务');
    await expect.poll(() => detail.progressNow()).toBe('当前：已摘牌');
    await expect.poll(() => detail.historyEntries()).toContainEqual(expect.stringContaining('西城街道党工委 · 街道'));
    await expect.poll(() => detail.actions()).toEqual([]);

    const { context, page: resident } = await openPage(e2e.browser, e2e.url);
    open.push(() => context.close());
    await resident.goto(`/s/${studioId}`);
    await expect.poll(textOf(resident.getByTestId('studio-status'))).toContain('已取消牌匾');
    const pub = (await (await fetch(`${e2e.url}/api/public/studios/${studioId}`)).json()) as {
      status: string;
      serving: boolean;
    };
    expect(pub).toMatchObject({ status: 'revoked', serving: false });
  });

  it('another street’s admin (中城街道) sees none of it', async () => {
    const { page, shell } = await signedInAs('zhongcheng');
    await shell.open('工作室');
    const list = new StudioListPage(page);
    await expect.poll(() => list.names()).toContain('来发医疗卫生专业服务室');
    expect(await list.names()).not.toContain(STUDIO);
    await page.goto(`/studios/${studioId}`);
    await page.getByText('未找到该工作室').waitFor();
    await expect.poll(countOf(new StudioDetailPage(page).root)).toBe(0);
  });
});

describe('review refusals', () => {
  it('a failing review without a reason shows the server’s message and changes nothing', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('资质审核');
    const queue = new StudioListPage(page);
    await queue.open('晓燕心理疏导工作室');
    const detail = new StudioDetailPage(page);
    expect(await detail.review({ fail: ['serviceItems'] })).toBe(400);
    await expect.poll(textOf(detail.dialogError)).toBe('请填写理由或说明');
    // The decision followed the failing item; the reason field is marked as required.
    const decision = detail.dialog.getByRole('radiogroup', { name: '街道决定' });
    await expect.poll(() => decision.getByRole('radio', { name: '不通过' }).isChecked()).toBe(true);
    await detail.closeDialog();
    await expect.poll(() => detail.status()).toBe('community_reviewed');
  });
});

describe('recommendation, rejection and reapplying', () => {
  it('the community admin recommends a member (推荐): a draft with the community as recommender', async () => {
    const { page, shell } = await signedInAs('xixing');
    await shell.open('工作室');
    await page.getByRole('button', { name: '推荐工作室' }).click();
    const form = new StudioApplyPage(page);
    await form.fill({
      name: '惠敏舞蹈队',
      categories: ['文化宣传'],
      items: [{ title: '广场舞基础班' }],
      venue: '西兴社区广场',
      hours: '每周三 19:30-21:00',
      leader: '陈惠敏',
    });
    await form.saveDraft();
    const detail = new StudioDetailPage(page);
    await detail.waitForStatus('draft');
    await expect.poll(textOf(page.getByTestId('studio-info'))).toContain('西兴社区居委会推荐');
  });

  it('a recommended draft is submitted and passed by the community, rejected by the street with a reason, and reopened', async () => {
    const community = await signedInAs('xixing');
    await community.shell.open('工作室');
    await new StudioListPage(community.page).open('美玲学业辅导工作室');
    const atCommunity = new StudioDetailPage(community.page);
    await expect.poll(() => atCommunity.actions()).toEqual(['submit']);
    await atCommunity.confirmAction('submit');
    await atCommunity.waitForStatus('submitted');
    expect(await atCommunity.review()).toBe(200);
    await atCommunity.waitForStatus('community_reviewed');

    const street = await signedInAs('xicheng');
    const atStreet = new StudioDetailPage(street.page);
    await atStreet.goto(atCommunity.id());
    expect(
      await atStreet.review({ fail: ['professionalSpecialty'], reason: '缺少教师资格证明，请补充后重新申办。' }),
    ).toBe(200);
    await atStreet.waitForStatus('rejected');
    await expect.poll(textOf(atStreet.reason)).toContain('缺少教师资格证明');
    // The bar stops, in red, at the street's review that refused it.
    await expect.poll(() => atStreet.progressNow()).toBe('当前：街道审核');

    await community.page.reload();
    await atCommunity.waitForStatus('rejected');
    await expect.poll(() => atCommunity.actions()).toEqual(['reopen']);
    await atCommunity.confirmAction('reopen');
    await atCommunity.waitForStatus('draft');
    // Two sign-ins and two reviews judged item by item: longer than the default minute on a busy machine.
  }, 120_000);

  it('the status filter lists only studios in that state', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('工作室');
    const list = new StudioListPage(page);
    await list.filterStatus('已批准，待签约');
    await expect.poll(() => list.names()).toEqual(['海涛就业指导工作室']);
  });
});

describe('rectification and renewal', () => {
  it('the street flags profit-seeking drift (趋利化), closes the rectification and renews the agreement', async () => {
    const { page, shell } = await signedInAs('xicheng');
    await shell.open('工作室');
    await new StudioListPage(page).open('婉珍文艺专业服务室');
    const detail = new StudioDetailPage(page);
    const rectify = await detail.open('rectify');
    await choose(rectify.getByRole('combobox', { name: '整改类型' }), '趋利化倾向');
    await rectify.getByRole('textbox', { name: '发现的问题' }).fill('群众反映培训后推荐购买指定画材。');
    expect(await detail.confirmDialog()).toBe(200);
    await detail.waitForStatus('rectification');
    await expect.poll(textOf(page.getByTestId('rectification-record'))).toContain('趋利化倾向');

    const done = await detail.open('completeRectification');
    await done.getByRole('textbox', { name: '整改结果' }).fill('已停止推荐画材，向居民作出说明。');
    expect(await detail.confirmDialog()).toBe(200);
    await detail.waitForStatus('active');

    await detail.open('renew');
    expect(await detail.confirmDialog()).toBe(200);
    await page.getByTestId('contract-record').filter({ hasText: '续签' }).waitFor();
  });

  it('reminders: the district sees every street’s, a street only its own', async () => {
    const district = await signedInAs('admin');
    await district.shell.open('提醒');
    const all = new DataTable(district.page, 'reminders-table');
    const overdue = all.rowsWith('文斌家电维修服务室').filter({ hasText: '整改已超期' });
    await expect.poll(countOf(overdue)).toBeGreaterThan(0);
    const expiring = all.rowsWith('秀英养老护理服务室').filter({ hasText: '协议即将到期' });
    await expect.poll(countOf(expiring)).toBeGreaterThan(0);

    const street = await signedInAs('zhongcheng');
    await street.shell.open('提醒');
    const mine = new DataTable(street.page, 'reminders-table');
    await expect.poll(countOf(mine.rowsWith('秀英养老护理服务室'))).toBeGreaterThan(0);
    await mine.settled();
    expect(await mine.rowsWith('文斌家电维修服务室').count()).toBe(0);
  });
});

describe('on a phone (390×844)', () => {
  it('the member follows an application without sideways scrolling', async () => {
    const { page } = await signedInAs('zhangwanzhen', phone);
    await page.goto('/my-studios');
    const list = new StudioListPage(page);
    await list.open('婉珍文艺专业服务室');
    const detail = new StudioDetailPage(page);
    const overflowsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    await expect.poll(() => detail.status()).toBe('active');
    await detail.history.waitFor();
    await expect.poll(overflowsSideways).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-studio.png', fullPage: true });
    await page.goto('/studio-apply');
    await new StudioApplyPage(page).waitForForm();
    await expect.poll(overflowsSideways).toBe(false);
    await page.screenshot({ path: '/tmp/huimin-e2e-phone-apply.png', fullPage: true });
  });

  it('the member steps down: closing the studio asks for a reason', async () => {
    const { page } = await signedInAs('zhangwanzhen', phone);
    await page.goto('/my-studios');
    await new StudioListPage(page).open('婉珍文艺专业服务室');
    const detail = new StudioDetailPage(page);
    await expect.poll(() => detail.actions()).toEqual(['close']);
    const form = await detail.open('close');
    await dialogButton(form, '关闭').click();
    await form.getByText('此项必填').waitFor();
    await form.getByRole('textbox', { name: '关闭原因' }).fill('本人身体原因，不再领岗。');
    expect(await detail.confirmDialog()).toBe(200);
    await detail.waitForStatus('closed');
  });
});
