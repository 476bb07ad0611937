import { beforeAll, describe, expect, it } from 'vitest';
import { aPlaque, compact, keepPages } from './document-fixtures.ts';
import { countPixelsNear, pdfFonts, pdfInfo, pdfPages, pdfText, readQrCode, requirePoppler } from './pdf-inspection.ts';
import { renderPlaqueHtml, renderPlaquePdf } from './plaque.document.ts';

describe('renderPlaquePdf', () => {
  let pdf: Buffer;
  let text: string;
  let page: Buffer;
  beforeAll(async () => {
    requirePoppler();
    pdf = await renderPlaquePdf(aPlaque());
    text = compact(await pdfText(pdf));
    page = (await pdfPages(pdf, 100, keepPages('plaque')))[0] ?? Buffer.alloc(0);
  });

  it('names the studio, its plaque number, leader, unit and services as real Chinese text', () => {
    for (const expected of [
      '共产党员专业服务工作室',
      '婉珍文艺专业服务室',
      '牌匾编号：XL-2026-0012',
      '张婉珍',
      '西城街道西门社区',
      '文化艺术、教育培训',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is awarded by the street party working committee, dated in Chinese numerals', () => {
    expect(text).toContain('中共西城街道工作委员会');
    expect(text).toContain('二〇二六年十一月二十五日');
  });

  it("carries a QR code that opens the studio's public page", () => {
    expect(readQrCode(page)).toBe('https://huimin.example.cn/s/42');
  });

  it('is one landscape A4 page framed in red and gold, with its fonts embedded', async () => {
    const info = await pdfInfo(pdf);
    expect(info['Pages']).toBe('1');
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(countPixelsNear(page, [168, 21, 27])).toBeGreaterThan(50_000);
    expect(countPixelsNear(page, [197, 154, 62])).toBeGreaterThan(2_000);
    for (const font of await pdfFonts(pdf))
      expect(font).toMatchObject({ isEmbedded: true, isSubset: true, hasUnicode: true });
  });

  it('keeps a very long studio name and Traditional characters on the one page', async () => {
    const studioName = '共产党员法律专业服务工作室（东门社区婦女兒童權益保護與家庭糾紛調解服務點）';
    const long = await renderPlaquePdf(aPlaque({ studioName, leaderName: '張喆堃' }));
    expect((await pdfInfo(long))['Pages']).toBe('1');
    const longText = compact(await pdfText(long));
    expect(longText).toContain(studioName);
    expect(longText).toContain('張喆堃');
  });

  it('renders one certificate in well under a second', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await renderPlaquePdf(aPlaque({ plaqueNumber: `XL-2026-${i}`, publicUrl: `https://huimin.example.cn/s/${i}` }));
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[2] ?? Infinity;
    console.info(`plaque PDF: median ${median.toFixed(0)} ms, ${(pdf.length / 1024).toFixed(0)} KB`);
    expect(median).toBeLessThan(500);
  });
});

describe('renderPlaqueHtml', () => {
  it("is a printable landscape A4 page in the reader's language with the QR code inline", () => {
    const cn = renderPlaqueHtml(aPlaque(), 'zh-CN');
    expect(cn).toContain('@page { size: A4 landscape; margin: 0; }');
    expect(cn).toContain('牌匾编号：XL-2026-0012');
    expect(cn).toContain('中共西城街道工作委员会');
    expect(cn).toMatch(/<svg[^>]+aria-label="扫码查看服务信息"/);
    expect(renderPlaqueHtml(aPlaque(), 'zh-TW')).toContain('共產黨員專業服務工作室');
    const en = renderPlaqueHtml(aPlaque(), 'en');
    expect(en).toContain('Plaque No. XL-2026-0012');
    expect(en).toContain('CPC 西城街道 Working Committee');
    expect(en).toContain('25 November 2026');
  });

  it('escapes every text a user typed', () => {
    const evil = '<script>alert("x")</script>';
    const html = renderPlaqueHtml(
      aPlaque({
        studioName: evil,
        unitName: evil,
        streetName: evil,
        leaderName: evil,
        categories: [evil],
        plaqueNumber: evil,
      }),
      'zh-CN',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
