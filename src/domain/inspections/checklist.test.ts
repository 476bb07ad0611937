import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  belowThreshold,
  checkChecklist,
  defaultChecklist,
  orderRatings,
  totalScore,
  type ItemRating,
  type Rating,
} from './checklist.ts';
import { firstDayOf, lastDayOf, nextQuarter, previousQuarter, quarterInstants, quarterOfDay } from './quarters.ts';

const items = defaultChecklist.items;
const rate = (...r: Rating[]): ItemRating[] => items.map((i, k) => ({ code: i.code, rating: r[k] ?? 'A', note: '' }));

describe('the default checklist', () => {
  it('ships the five items of issue 11, weighted to 100, with a 60 % threshold', () => {
    expect(items.map((i) => i.title['zh-CN'])).toEqual([
      '承诺事项公开上墙',
      '按承诺时间开放',
      '服务记录本填写完整',
      '便民服务卡发放',
      '群众评价',
    ]);
    expect(items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(defaultChecklist.threshold).toBe(60);
    expect(() => checkChecklist(defaultChecklist)).not.toThrow();
  });

  it('refuses an empty checklist, repeated codes and weightless items', () => {
    expect(() => checkChecklist({ items: [], threshold: 60 })).toThrow(DomainError);
    expect(() => checkChecklist({ items: [items[0]!, items[0]!], threshold: 60 })).toThrow(DomainError);
    expect(() => checkChecklist({ items: [{ ...items[0]!, weight: 0 }], threshold: 60 })).toThrow(DomainError);
    expect(() => checkChecklist({ items, threshold: 101 })).toThrow(DomainError);
  });
});

describe('totalScore', () => {
  it('is the weighted mean of A 100 %, B 66 %, C 33 %, 不合格 0', () => {
    expect(totalScore(items, rate('A', 'A', 'A', 'A', 'A'))).toBe(100);
    expect(totalScore(items, rate('fail', 'fail', 'fail', 'fail', 'fail'))).toBe(0);
    // 20×100 + 25×66 + 20×33 + 15×0 + 20×100 = 6310 → 63.1 %
    expect(totalScore(items, rate('A', 'B', 'C', 'fail', 'A'))).toBe(63.1);
    // 20×33 + 25×0 + 20×66 + 15×100 + 20×33 = 4140 → 41.4 %
    expect(totalScore(items, rate('C', 'fail', 'B', 'A', 'C'))).toBe(41.4);
    const odd = [
      { code: 'a', title: { 'zh-CN': 'a', 'zh-TW': 'a', en: 'a' }, weight: 1 },
      { code: 'b', title: { 'zh-CN': 'b', 'zh-TW': 'b', en: 'b' }, weight: 2 },
    ];
    // (1×66 + 2×33) / 3 = 44
    expect(
      totalScore(odd, [
        { code: 'b', rating: 'C', note: '' },
        { code: 'a', rating: 'B', note: '' },
      ]),
    ).toBe(44);
  });

  it('proposes rectification strictly below the threshold', () => {
    expect(belowThreshold(59.9, 60)).toBe(true);
    expect(belowThreshold(60, 60)).toBe(false);
  });

  it('needs exactly one rating per item of the checklist used', () => {
    const code = (r: ItemRating[]) => {
      try {
        orderRatings(items, r);
        return undefined;
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code(rate().slice(1))).toBe('CHECKLIST_MISMATCH');
    expect(code([...rate().slice(1), { code: 'other', rating: 'A', note: '' }])).toBe('CHECKLIST_MISMATCH');
    expect(code([...rate(), rate()[0]!])).toBe('CHECKLIST_MISMATCH');
    expect(orderRatings(items, [...rate()].reverse()).map((r) => r.code)).toEqual(items.map((i) => i.code));
  });
});

describe('quarters', () => {
  it('name calendar quarters and their first and last days', () => {
    expect(quarterOfDay('2026-11-25')).toBe('2026-Q4');
    expect(quarterOfDay('2027-01-01')).toBe('2027-Q1');
    expect([firstDayOf('2026-Q3'), lastDayOf('2026-Q3')]).toEqual(['2026-07-01', '2026-09-30']);
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
  });

  it('begin and end at midnight in China', () => {
    expect(quarterInstants('2027-Q1')).toEqual({
      start: '2026-12-31T16:00:00.000Z',
      end: '2027-03-31T16:00:00.000Z',
    });
  });
});
