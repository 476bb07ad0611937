import { beforeAll, describe, expect, it } from 'vitest';
import { aServiceCard, compact, keepPages } from './document-fixtures.ts';
import {
  countPixelsNear,
  decodePng,
  pdfFonts,
  pdfInfo,
  pdfPages,
  pdfText,
  pdfWords,
  readQrCode,
  requirePoppler,
} from './pdf-inspection.ts';
import type { PdfWord } from './pdf-inspection.ts';
import { renderServiceCardHtml, renderServiceCardPdf } from './service-card.document.ts';

const pt = (mm: number) => (mm * 72) / 25.4;
const card = { width: pt(90), height: pt(54) };
// Noto Serif SC's line box, which pdftotext reports as a word's height, is 1.437 em.
const fontSizeOf = (word: PdfWord) => (word.yMax - word.yMin) / 1.437;

// pdftotext separates pages with a form feed.
const pagesOf = (text: string) => text.split('\f').map(compact);

describe('renderServiceCardPdf', () => {
  const doc = aServiceCard();
  let pdf: Buffer;
  let front: string;
  let back: string;
  let pages: Buffer[];
  beforeAll(async () => {
    requirePoppler();
    pdf = await renderServiceCardPdf(doc);
    [front = '', back = ''] = pagesOf(await pdfText(pdf));
    // 300 dpi is a print resolution; the QR code is then 442 px across.
    pages = await pdfPages(pdf, 300, keepPages('service-card'));
  });

  it('is two business-card pages, 90 × 54 mm, front then back, with its fonts embedded', async () => {
    const info = await pdfInfo(pdf);
    expect(info['Pages']).toBe('2');
    expect(info['Page size']).toMatch(/^255\.1\d* x 153\.07\d* pts/);
    expect(info['Title']).toBe('便民服务卡（张婉珍）');
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(decodePng(page)).toMatchObject({ width: 1063, height: 638 });
    for (const font of await pdfFonts(pdf))
      expect(font).toMatchObject({ isEmbedded: true, isSubset: true, hasUnicode: true });
  });

  it('has on the front the title, the member, the studio, its categories, four service items, opening hours and phone', () => {
    for (const expected of [
      '便民服务卡',
      '共产党员专业服务工作室',
      '张婉珍',
      '婉珍文艺专业服务室',
      '西城街道西门社区',
      '文化艺术',
      '教育培训',
      '书法、绘画公益课堂',
      '社区文艺队排练指导',
      '节假日文艺演出策划与组织，为辖区老年人、青少年提供文化服务',
      '老年合唱团声乐辅导',
      '服务时间每周六9:00-11:30，每周三15:00-17:00',
      '联系电话0851-86123456',
    ]) {
      expect(front).toContain(expected);
    }
    expect(front).not.toContain('第五项不上卡片');
    expect(front).not.toContain('扫码');
  });

  it('has on the back the QR caption, the studio address and the unpaid promise', () => {
    for (const expected of [
      '扫码查看工作室并评价服务',
      '婉珍文艺专业服务室',
      '服务党员：张婉珍',
      'https://huimin.example.cn/s/42',
      '无偿服务·不收取任何费用',
    ]) {
      expect(back).toContain(expected);
    }
  });

  it("carries on the back a QR code that opens the studio's rating form, and none on the front", () => {
    expect(readQrCode(pages[1] ?? Buffer.alloc(0))).toBe('https://huimin.example.cn/s/42?rate=1');
    expect(readQrCode(pages[0] ?? Buffer.alloc(0))).toBeNull();
  });

  it('is accented in red on both sides', () => {
    // The header band on the front, the promise band on the back: each a fair share of the card.
    for (const page of pages) expect(countPixelsNear(page, [168, 21, 27])).toBeGreaterThan(1063 * 638 * 0.1);
  });

  it('sets no text smaller than 6 pt, and keeps it all inside a 4 mm safe margin', async () => {
    const words = await pdfWords(pdf);
    expect(words.length).toBeGreaterThan(20);
    for (const word of words) {
      expect(fontSizeOf(word), word.text).toBeGreaterThanOrEqual(5.99);
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(pt(4) - 0.5);
      expect(word.xMax, word.text).toBeLessThanOrEqual(card.width - pt(4) + 0.5);
      expect(word.yMin, word.text).toBeGreaterThanOrEqual(0);
      expect(word.yMax, word.text).toBeLessThanOrEqual(card.height - pt(2));
    }
  });

  it('leaves out the phone line when the member gave no number', async () => {
    const text = compact(await pdfText(await renderServiceCardPdf(aServiceCard({ contactPhone: null }))));
    expect(text).toContain('服务时间');
    expect(text).not.toContain('联系电话');
  });

  it('keeps long names, studio names, addresses and many categories on the two pages, shrinking type but not below 6 pt', async () => {
    const long = aServiceCard({
      memberName: '阿卜杜热合曼·买买提明·喆堃',
      studioName: '共产党员法律专业服务工作室（东门社区婦女兒童權益保護與家庭糾紛調解服務點）',
      unitName: '西城街道东门社区居民委员会第三网格党支部（老旧小区改造临时办公点）',
      categories: ['法律咨询', '医疗健康', '心理疏导', '家电维修', '文化艺术', '教育培训'],
      serviceItems: ['婚姻家庭、邻里纠纷、劳动争议等各类矛盾纠纷的法律咨询与调解，协助困难群众申请法律援助'],
      openingHours: '每周一至周五 8:30-12:00、14:30-18:00，法定节假日除外，遇特殊情况另行通知（详见工作室公众号）',
      studioUrl: 'https://huimin.example.cn/studios/0000012345/xicheng-street/dongmen-community/legal-aid',
      ratingUrl: 'https://huimin.example.cn/studios/0000012345/xicheng-street/dongmen-community/legal-aid?rate=1',
    });
    const longPdf = await renderServiceCardPdf(long);
    expect((await pdfInfo(longPdf))['Pages']).toBe('2');
    const [longFront = '', longBack = ''] = pagesOf(await pdfText(longPdf));
    // The name is the card's point: whole, even if smaller; the address is whole, so it can be typed in.
    expect(longFront).toContain(compact(long.memberName));
    expect(longBack).toContain(long.studioUrl);
    expect(longFront).toContain('共产党员法律专业服务工作室（东门社区');
    for (const word of await pdfWords(longPdf)) expect(fontSizeOf(word), word.text).toBeGreaterThanOrEqual(5.99);
    const longPages = await pdfPages(longPdf, 300, keepPages('service-card-long'));
    expect(readQrCode(longPages[1] ?? Buffer.alloc(0))).toBe(long.ratingUrl);
  });

  it('renders one card in well under a second', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await renderServiceCardPdf(aServiceCard({ ratingUrl: `https://huimin.example.cn/s/${i}?rate=1` }));
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[2] ?? Infinity;
    console.info(`service card PDF: median ${median.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`);
    expect(median).toBeLessThan(500);
  });
});

describe('renderServiceCardHtml', () => {
  it('is a printable page of two 90 × 54 mm cards in the reader’s language, the QR code inline', () => {
    const cn = renderServiceCardHtml(aServiceCard(), 'zh-CN');
    expect(cn).toContain('@page { size: 90mm 54mm; margin: 0; }');
    expect(cn.match(/<section class="sheet card /g)).toHaveLength(2);
    expect(cn).toContain('<title>便民服务卡 · 张婉珍</title>');
    expect(cn).toMatch(/<svg[^>]+aria-label="扫码查看工作室并评价服务"/);
    expect(cn).toContain('无偿服务 · 不收取任何费用');
    expect(cn).toContain('<b>联系电话</b>0851-8612 3456');
    expect(cn).toContain('<a href="https://huimin.example.cn/s/42">');
    expect(cn).toContain('老年合唱团声乐辅导');
    expect(cn).not.toContain('第五项不上卡片');
    const tw = renderServiceCardHtml(aServiceCard(), 'zh-TW');
    expect(tw).toContain('便民服務卡');
    expect(tw).toContain('無償服務 · 不收取任何費用');
    const en = renderServiceCardHtml(aServiceCard({ contactPhone: null }), 'en');
    expect(en).toContain('Community Service Card');
    expect(en).toMatch(/aria-label="Scan to view the studio and rate our service"/);
    expect(en).not.toContain('Phone');
  });

  it('escapes every text a user typed, and links only web addresses', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderServiceCardHtml(
      aServiceCard({
        memberName: evil,
        studioName: evil,
        unitName: evil,
        streetName: evil,
        categories: [evil],
        serviceItems: [evil],
        contactPhone: evil,
        openingHours: evil,
        studioUrl: 'javascript:alert(1)',
      }),
      'zh-CN',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
  });
});
