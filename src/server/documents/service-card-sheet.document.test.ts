// The A4 sheets of many cards (the street's batch); one card's own pages are in service-card.document.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { aServiceCard, compact, keepPages } from './document-fixtures.ts';
import { decodePng, pdfInfo, pdfPages, pdfText, pdfWords, readQrCode, requirePoppler } from './pdf-inspection.ts';
import type { PdfWord } from './pdf-inspection.ts';
import { renderServiceCardsSheetPdf } from './service-card.document.ts';
import type { ServiceCardDocument } from './service-card.document.ts';

const pt = (mm: number) => (mm * 72) / 25.4;
const card = { width: pt(90), height: pt(54) };
const a4 = { width: 595.28, height: 841.89 };
// Noto Serif SC's line box, which pdftotext reports as a word's height, is 1.437 em.
const fontSizeOf = (word: PdfWord) => (word.yMax - word.yMin) / 1.437;

// pdftotext separates pages with a form feed.
const pagesOf = (text: string) => text.split('\f').map(compact);

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
