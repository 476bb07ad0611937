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
import { renderServiceCardHtml, renderServiceCardPdf, renderServiceCardsSheetPdf } from './service-card.document.ts';
import type { ServiceCardDocument } from './service-card.document.ts';

const pt = (mm: number) => (mm * 72) / 25.4;
const card = { width: pt(90), height: pt(54) };
const a4 = { width: 595.28, height: 841.89 };
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

const surnames = [
  '张',
  '李',
  '王',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
];
const givenNames = [
  '婉珍',
  '建国',
  '秀兰',
  '海涛',
  '惠敏',
  '秀英',
  '德胜',
  '丽',
  '晓东',
  '雪',
  '卫东',
  '明',
  '志强',
  '桂芳',
  '红梅',
  '国华',
  '玉兰',
  '文斌',
  '春燕',
  '振华',
  '淑贞',
  '永红',
  '喆',
];

// 23 members of one street, each with their own studio page; every third gave no phone number.
function streetMembers(count: number): ServiceCardDocument[] {
  return Array.from({ length: count }, (_, i) =>
    aServiceCard({
      memberName: `${surnames[i % surnames.length] ?? ''}${givenNames[i % givenNames.length] ?? ''}`,
      studioName: i % 2 === 0 ? '婉珍文艺专业服务室' : '西门法律援助工作室',
      categories: i % 2 === 0 ? ['文化艺术', '教育培训'] : ['法律咨询'],
      contactPhone: i % 3 === 0 ? null : `138 0851 ${String(1000 + i)}`,
      studioUrl: `https://huimin.example.cn/s/${100 + (i % 2)}`,
      ratingUrl: `https://huimin.example.cn/s/${100 + (i % 2)}?rate=1&m=${i}`,
    }),
  );
}

// The sheet's geometry as the brief gives it: ten 90 × 54 mm cards, two across, five down, centred on A4.
const grid = { left: (a4.width - 2 * card.width) / 2, top: (a4.height - 5 * card.height) / 2 };

/** Where card `slot` (0–9) of a sheet is, in points: backs are mirrored left to right. */
function cellOf(slot: number, side: 'front' | 'back'): { x: number; y: number } {
  const column = slot % 2;
  return {
    x: grid.left + (side === 'front' ? column : 1 - column) * card.width,
    y: grid.top + Math.floor(slot / 2) * card.height,
  };
}

function inCell(word: PdfWord, cell: { x: number; y: number }): boolean {
  return (
    word.xMin >= cell.x && word.xMax <= cell.x + card.width && word.yMin >= cell.y && word.yMax <= cell.y + card.height
  );
}

describe('renderServiceCardsSheetPdf', () => {
  const members = streetMembers(23);
  let pdf: Buffer;
  let pages: Buffer[];
  let words: PdfWord[];
  let renderMs: number;
  const dpi = 150;
  beforeAll(async () => {
    requirePoppler();
    const started = performance.now();
    pdf = await renderServiceCardsSheetPdf(members);
    renderMs = performance.now() - started;
    pages = await pdfPages(pdf, dpi, keepPages('service-card-sheet'));
    words = await pdfWords(pdf);
  });

  it('prints 23 cards on three A4 sheets, each page of fronts followed by the page of their backs', async () => {
    const info = await pdfInfo(pdf);
    expect(info['Pages']).toBe('6');
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(info['Title']).toBe('便民服务卡（西城街道，共 23 张）');
    expect(pages).toHaveLength(6);
    // A4 at 150 dpi is 1240.2 × 1753.9 px; pdftoppm rounds each side its own way.
    for (const page of pages) {
      const { width, height } = decodePng(page);
      expect(Math.abs(width - 1240.2)).toBeLessThan(1);
      expect(Math.abs(height - 1753.9)).toBeLessThan(1);
    }
    const text = pagesOf(await pdfText(pdf));
    for (const [p, expected] of [
      [0, '第1/3页·正面'],
      [1, '第1/3页·背面'],
      [4, '第3/3页·正面'],
      [5, '第3/3页·背面'],
    ] as const)
      expect(text[p]).toContain(expected);
  });

  it('has every member’s name in their own cell on a page of fronts, and again behind it on the next page', () => {
    members.forEach((member, i) => {
      const sheet = Math.floor(i / 10);
      const slot = i % 10;
      const onFront = words.filter((w) => w.page === 2 * sheet + 1 && w.text === member.memberName);
      expect(onFront, member.memberName).toHaveLength(1);
      expect(inCell(onFront[0] as PdfWord, cellOf(slot, 'front')), member.memberName).toBe(true);
      const onBack = words.filter((w) => w.page === 2 * sheet + 2 && w.text === `服务党员：${member.memberName}`);
      expect(onBack, member.memberName).toHaveLength(1);
      expect(inCell(onBack[0] as PdfWord, cellOf(slot, 'back')), member.memberName).toBe(true);
    });
  });

  it("puts each member's QR code in the cell behind their front, so duplex printing flipped on the long edge lines them up", () => {
    const px = dpi / 72;
    const region = (cell: { x: number; y: number }) => ({
      left: cell.x * px,
      top: cell.y * px,
      width: card.width * px,
      height: card.height * px,
    });
    for (let sheet = 0; sheet < 3; sheet++) {
      const back = decodePng(pages[2 * sheet + 1] ?? Buffer.alloc(0));
      for (let slot = 0; slot < 10; slot++) {
        // Empty cells on the last sheet read as no code.
        expect(readQrCode(back, region(cellOf(slot, 'back'))), `sheet ${sheet + 1} slot ${slot}`).toBe(
          members[sheet * 10 + slot]?.ratingUrl ?? null,
        );
      }
    }
    // The fronts carry no code at all.
    const front = decodePng(pages[0] ?? Buffer.alloc(0));
    for (let slot = 0; slot < 10; slot++) expect(readQrCode(front, region(cellOf(slot, 'front')))).toBeNull();
  });

  it('sets no text on the cards smaller than 6 pt', () => {
    const onCards = words.filter((w) => w.yMin >= grid.top && w.yMax <= grid.top + 5 * card.height);
    expect(onCards.length).toBeGreaterThan(23 * 20);
    for (const word of onCards) expect(fontSizeOf(word), word.text).toBeGreaterThanOrEqual(5.99);
  });

  it('draws light crop marks in the margins, clear of the cards', () => {
    const page = decodePng(pages[0] ?? Buffer.alloc(0));
    const px = dpi / 72;
    // A hairline is antialiased over a pixel or two: the darkest pixel within 2 px of the point tells.
    const grey = (x: number, y: number) => {
      let darkest = 255;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++)
          darkest = Math.min(darkest, page.data[((Math.round(y) + dy) * page.width + Math.round(x) + dx) * 4] ?? 255);
      }
      return darkest < 230;
    };
    // Above the grid, on each of the three vertical cut lines, 5.5 mm from the grid; and nothing between them.
    for (const x of [grid.left, grid.left + card.width, grid.left + 2 * card.width])
      expect(grey(x * px, (grid.top - pt(5.5)) * px), `x ${x}`).toBe(true);
    expect(grey((grid.left + card.width / 2) * px, (grid.top - pt(5.5)) * px)).toBe(false);
    // Left of the grid, on each of the six horizontal cut lines.
    for (let r = 0; r <= 5; r++)
      expect(grey((grid.left - pt(5.5)) * px, (grid.top + r * card.height) * px), `row ${r}`).toBe(true);
  });

  it('handles any count: one card makes one sheet of two pages, ten exactly fill it', async () => {
    for (const [count, pages] of [
      [1, '2'],
      [10, '2'],
      [11, '4'],
    ] as const) {
      expect((await pdfInfo(await renderServiceCardsSheetPdf(streetMembers(count))))['Pages'], `${count} cards`).toBe(
        pages,
      );
    }
  });

  it('refuses an empty list with a clear error', async () => {
    await expect(renderServiceCardsSheetPdf([])).rejects.toThrow(/no service cards to print/);
  });

  it('renders a street of 23 cards quickly', async () => {
    const times = [renderMs];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      await renderServiceCardsSheetPdf(members);
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[1] ?? Infinity;
    console.info(
      `service card sheet, 23 cards / 6 pages: first ${renderMs.toFixed(0)} ms, median ${median.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`,
    );
    expect(median).toBeLessThan(1500);
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
