import { describe, expect, it } from 'vitest';
import { STOP_WORDS, normaliseTokens } from './tokens.ts';

describe('normaliseTokens', () => {
  it('drops punctuation, spaces, numbers and stop words and keeps the order of the rest', () => {
    const raw = [
      '雅金村',
      '张',
      '大爷',
      '家',
      '的',
      '猪',
      '，',
      '拉稀',
      ' ',
      '3',
      '三万',
      '了',
      '！',
      '想',
      '请',
      '兽医',
    ];
    expect(normaliseTokens(raw)).toEqual(['雅金村', '张', '大爷', '家', '猪', '拉稀', '请', '兽医']);
  });

  it('lowercases Latin letters and trims', () => {
    expect(normaliseTokens([' APP ', 'DNA'])).toEqual(['app', 'dna']);
  });

  it('keeps words that only start like numbers', () => {
    expect(normaliseTokens(['三胎', '二手车', '万安', '十几', '50%'])).toEqual(['三胎', '二手车', '万安']);
  });

  it('keeps negations, which carry meaning in needs (不会, 没人)', () => {
    expect(STOP_WORDS.has('不')).toBe(false);
    expect(normaliseTokens(['不会', '没人'])).toEqual(['不会', '没人']);
  });
});
