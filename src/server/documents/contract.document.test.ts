import { beforeAll, describe, expect, it } from 'vitest';
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import { renderContractHtml, renderContractPdf } from './contract.document.ts';
import { aContract, compact, keepPages } from './document-fixtures.ts';
import { countPixelsNear, decodePng, pdfFonts, pdfInfo, pdfPages, pdfText, requirePoppler } from './pdf-inspection.ts';

describe('renderContractPdf', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    requirePoppler();
    pdf = await renderContractPdf(aContract());
    text = compact(await pdfText(pdf));
  });

  it('states the agreement, both parties, the studio and its services as real Chinese text', () => {
    for (const expected of [
      '共产党员专业服务工作室服务协议',
      '协议编号：XLHT-2026-0007',
      '甲方（街道党工委）：中共西城街道工作委员会',
      '乙方（领岗党员）：张婉珍',
      '婉珍文艺专业服务室',
      '西城街道西门社区',
      '文化艺术、教育培训',
      '党员团队领办',
      '陈惠敏、吴秀英',
      '每周六9:00-11:30',
    ]) {
      expect(text).toContain(compact(expected));
    }
    for (const item of aContract().serviceItems) expect(text).toContain(compact(item));
  });

  it('states the unpaid rule in full: no pay, no fee, no drift into administration or profit', () => {
    expect(text).toContain('第四条公益服务原则');
    expect(text).toContain(compact(unpaidClause));
    expect(text).toContain('防止出现“行政化”“趋利化”倾向');
  });

  it('states the term and the signing day as calendar days in China', () => {
    expect(text).toContain('自2026年1月1日起至2027年12月31日止');
    // Signed at 02:30 UTC, which is 10:30 the same day in China.
    expect(text).toContain('签订日期：2025年12月28日');
  });

  it('falls back to the standard unpaid clause when the one given is blank', async () => {
    expect(compact(await pdfText(await renderContractPdf(aContract({ unpaidClause: '  ' }))))).toContain(
      compact(unpaidClause),
    );
  });

  it('embeds its fonts as subsets with Unicode maps, so it prints and copies the same without Chinese fonts installed', async () => {
    const fonts = await pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    for (const font of fonts) expect(font).toMatchObject({ isEmbedded: true, isSubset: true, hasUnicode: true });
  });

  it('is an A4 portrait document whose pages render with the red rules under the title and page numbers', async () => {
    const info = await pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
    expect(info['Title']).toBe('共产党员专业服务工作室服务协议（婉珍文艺专业服务室）');
    const pages = await pdfPages(pdf, 60, keepPages('contract'));
    expect(pages).toHaveLength(Number(info['Pages']));
    const first = pages[0] ?? Buffer.alloc(0);
    const { width, height } = decodePng(first);
    expect(height / width).toBeCloseTo(Math.SQRT2, 2);
    expect(countPixelsNear(first, [166, 27, 27])).toBeGreaterThan(200);
    expect(text).toContain(`第1页共${pages.length}页`);
  });

  it('carries long lists of services and members over to further pages without losing any', async () => {
    const serviceItems = Array.from({ length: 40 }, (_, i) => `第${i + 1}项便民服务：为辖区居民提供上门咨询与指导`);
    const long = await renderContractPdf(
      aContract({ serviceItems, memberNames: Array.from({ length: 30 }, (_, i) => `成员${i + 1}`) }),
    );
    const longText = compact(await pdfText(long));
    for (const item of serviceItems) expect(longText).toContain(compact(item));
    expect(Number((await pdfInfo(long))['Pages'])).toBeGreaterThan(2);
    expect(longText).toContain('成员30');
  });

  it('renders one agreement in well under a second', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await renderContractPdf(aContract({ contractNumber: `XLHT-2026-${i}` }));
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[2] ?? Infinity;
    console.info(`contract PDF: median ${median.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`);
    expect(median).toBeLessThan(500);
  });
});

describe('renderContractHtml', () => {
  it("is a printable A4 page in the reader's language, stating the unpaid rule", () => {
    const cn = renderContractHtml(aContract(), 'zh-CN');
    expect(cn).toContain('<html lang="zh-CN">');
    expect(cn).toContain('@page { size: A4 portrait;');
    expect(cn).toContain('共产党员专业服务工作室服务协议');
    expect(cn).toContain(unpaidClause.replaceAll('“', '“'));
    const tw = renderContractHtml(aContract(), 'zh-TW');
    expect(tw).toContain('共產黨員專業服務工作室服務協議');
    expect(tw).toContain('甲方（街道黨工委）：</span>中共西城街道工作委員會');
    const en = renderContractHtml(aContract(), 'en');
    expect(en).toContain('Service Agreement for a Party Member Professional Service Studio');
    expect(en).toContain('receive no pay of any kind');
    expect(en).toContain(unpaidClause);
    expect(en).toContain('the Chinese text prevails');
  });

  it('escapes every text a user typed', () => {
    const evil = '<img src=x onerror="alert(1)">&';
    const html = renderContractHtml(
      aContract({
        studioName: evil,
        leaderName: evil,
        memberNames: [evil],
        serviceItems: [evil],
        openingHours: evil,
        contractNumber: evil,
        signatories: [{ party: evil, name: evil }],
        unitName: evil,
        streetName: evil,
        categories: [evil],
      }),
      'zh-CN',
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;');
  });
});
