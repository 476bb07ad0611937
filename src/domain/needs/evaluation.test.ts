import { describe, expect, it } from 'vitest';
import { crossValidate, seededRandom, stratifiedFolds, tokenOverlap } from './evaluation.ts';

describe('cross-validation helpers', () => {
  it('seededRandom repeats for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(seededRandom(43)()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('stratifiedFolds spreads every category evenly and is deterministic', () => {
    const cats = [...Array(23).fill('a'), ...Array(10).fill('b'), ...Array(7).fill('c')] as string[];
    const folds = stratifiedFolds(cats, 5, 7);
    expect(stratifiedFolds(cats, 5, 7)).toEqual(folds);
    for (const c of ['a', 'b', 'c']) {
      const sizes = [0, 1, 2, 3, 4].map((f) => cats.filter((x, i) => x === c && folds[i] === f).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    const total = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...total) - Math.min(...total)).toBeLessThanOrEqual(1);
    expect(() => stratifiedFolds(cats, 1, 7)).toThrow(/k must/);
  });

  it('crossValidate scores each example exactly once with a model that did not see it', () => {
    const examples = [
      ...['漏水', '跳闸', '门锁', '灯坏'].map((t) => ({ category: 'repair', tokens: [t, '修'] })),
      ...['血压', '咳嗽', '发烧', '腰疼'].map((t) => ({ category: 'health', tokens: [t, '医生'] })),
    ];
    const cv = crossValidate(examples, 4, 1);
    expect(cv.predictions.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(cv.accuracy).toBe(1);
    expect(cv.foldAccuracy).toEqual([1, 1, 1, 1]);
    expect(cv.confusion.repair).toEqual({ health: 0, repair: 4 });
  });

  it('tokenOverlap is the shared share of the smaller token set', () => {
    expect(tokenOverlap(['a', 'b'], ['a', 'b', 'c', 'd'])).toBe(1);
    expect(tokenOverlap(['a', 'b', 'c', 'd'], ['a', 'x', 'y', 'z'])).toBe(0.25);
    expect(tokenOverlap([], ['a'])).toBe(0);
  });
});
