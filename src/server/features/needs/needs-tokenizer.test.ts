import { describe, expect, it } from 'vitest';
import { tokenizer } from './needs-tokenizer.service.ts';

const tokenize = await tokenizer();

describe('jieba tokenizer for needs', () => {
  it('segments Chinese into words, not characters or substrings', () => {
    const tokens = tokenize('雅金村养猪户的小猪拉稀，打了针还不见好');
    expect(tokens).toContain('养猪户');
    expect(tokens).toContain('拉稀');
    expect(tokens).not.toContain('的');
    expect(tokens).not.toContain('，');
  });

  it('drops numbers and punctuation and keeps place names whole', () => {
    const tokens = tokenize('东肖的老王在工地干了半年，包工头拖着3万多工钱！');
    expect(tokens).toContain('东肖');
    expect(tokens).toContain('包工头');
    expect(tokens.some((t) => /\d/.test(t))).toBe(false);
    expect(tokens.some((t) => /[，！]/.test(t))).toBe(false);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('  ，。！？ 123 ')).toEqual([]);
  });
});
