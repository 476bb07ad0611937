import { describe, expect, it } from 'vitest';
import { parseCorpus } from './corpus.ts';

describe('parseCorpus', () => {
  it('reads entries with their line numbers, skipping blank lines and comments', () => {
    const tsv = '\uFEFFcategory\ttext\r\nrepair\t厨房水龙头一直滴水\r\n\r\n# 注释\nhealth\t血压偏高想找医生\n';
    expect(parseCorpus(tsv)).toEqual([
      { line: 2, category: 'repair', text: '厨房水龙头一直滴水' },
      { line: 5, category: 'health', text: '血压偏高想找医生' },
    ]);
  });

  it('rejects a missing header', () => {
    expect(() => parseCorpus('repair\t水管漏水\n')).toThrow(/line 1/);
  });

  it('rejects unknown categories, wrong column counts, empty and duplicate texts, with the line', () => {
    expect(() => parseCorpus('category\ttext\nplumbing\t水管漏水\n')).toThrow(/line 2: unknown category "plumbing"/);
    expect(() => parseCorpus('category\ttext\nrepair\t水管\t漏水\n')).toThrow(/line 2: expected 2/);
    expect(() => parseCorpus('category\ttext\nrepair\t \n')).toThrow(/line 2: empty/);
    expect(() => parseCorpus('category\ttext\nrepair\t水管漏水\nlegal\t水管漏水\n')).toThrow(
      /line 3: same text as line 2/,
    );
  });

  it('validates against the configured categories when given', () => {
    expect(parseCorpus('category\ttext\nplumbing\t水管漏水\n', ['plumbing'])).toHaveLength(1);
  });
});
