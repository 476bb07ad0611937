import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { fontData } from './document-fonts.ts';

describe('document fonts', () => {
  // pdftotext would read a missing glyph's character back all the same, so coverage is checked in the font itself.
  it('have a glyph for Simplified, Traditional and rare name characters in both weights', () => {
    const sample = '共产党员专业服务工作室共產黨員專業服務工作室臺灣婦兒權糾紛調解喆堃昇珺玥赟犇淼鑫〇“”（）：；、。';
    for (const weight of ['regular', 'bold'] as const) {
      const font = create(fontData(weight));
      if (!('hasGlyphForCodePoint' in font)) throw new Error('expected a single font, not a collection');
      const missing = [...sample].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
      expect(missing, weight).toEqual([]);
    }
  });

  it('cover every CJK Unified Ideograph, so any Chinese name prints', () => {
    const font = create(fontData('regular'));
    if (!('hasGlyphForCodePoint' in font)) throw new Error('expected a single font, not a collection');
    let missing = 0;
    for (let c = 0x4e00; c <= 0x9fff; c++) if (!font.hasGlyphForCodePoint(c)) missing++;
    expect(missing).toBe(0);
  });
});
