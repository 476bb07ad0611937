import { describe, expect, it } from 'vitest';
import { billedText, smsSegments } from './segments.ts';

describe('billed SMS segments', () => {
  it('bills up to 70 characters as one SMS', () => {
    expect(smsSegments('')).toBe(0);
    expect(smsSegments('一')).toBe(1);
    expect(smsSegments('字'.repeat(70))).toBe(1);
  });

  it('bills a longer text in parts of 67', () => {
    expect(smsSegments('字'.repeat(71))).toBe(2);
    expect(smsSegments('字'.repeat(134))).toBe(2);
    expect(smsSegments('字'.repeat(135))).toBe(3);
  });

  it('counts the signature, and a character outside the BMP once', () => {
    // 【新罗惠民】 is six characters: a 64-character body just fits one SMS, a 65-character one does not.
    const text = billedText('新罗惠民', '字'.repeat(64));
    expect(text).toBe(`【新罗惠民】${'字'.repeat(64)}`);
    expect(smsSegments(text)).toBe(1);
    expect(smsSegments(billedText('新罗惠民', '字'.repeat(65)))).toBe(2);
    expect(smsSegments('😀'.repeat(70))).toBe(1);
  });
});
