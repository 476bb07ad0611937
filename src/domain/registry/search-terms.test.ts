import { describe, expect, it } from 'vitest';
import { estimateTotal, normalizeSearchText, termLookup, volunteerSearchTerms } from './search-terms.ts';

const zhang = {
  name: '张婉珍',
  profession: '书法教师',
  qualifications: '书法家协会 会员',
  pinyin: 'zhangwanzhen',
  initials: 'zwz',
};

describe('volunteerSearchTerms', () => {
  it('holds every character and pair of the name and profession, pairs of the qualifications, and the pinyin and initials', () => {
    const terms = volunteerSearchTerms(zhang);
    for (const t of [
      'g:张',
      'g:婉',
      'g:珍',
      'g:张婉',
      'g:婉珍',
      'g:书',
      'g:教师',
      'g:法家',
      'g:会会',
      'p:zhangwanzhen',
      'i:zwz',
    ])
      expect(terms).toContain(t);
    // Qualifications give pairs only; the gap between words is gone.
    expect(terms).not.toContain('g:协');
    expect(terms).not.toContain('g:会 ');
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('gives a one-character text its character, and lowercases latin text', () => {
    expect(volunteerSearchTerms({ name: '阿', qualifications: 'X', pinyin: 'a', initials: 'a' })).toEqual([
      'g:阿',
      'g:x',
      'p:a',
      'i:a',
    ]);
    expect(volunteerSearchTerms({ name: '李', profession: 'IT', pinyin: 'li', initials: 'l' })).toContain('g:it');
  });
});

describe('termLookup', () => {
  it('looks up the first pair of a query, and its prefix ranges in byte order', () => {
    expect(termLookup('婉珍书')).toEqual({
      gram: 'g:婉珍',
      pinyin: { from: 'p:婉珍书', to: 'p:婉珍乧' },
      initials: { from: 'i:婉珍书', to: 'i:婉珍乧' },
      exact: false,
      keyed: false,
    });
    expect(termLookup('婉珍')?.exact).toBe(true);
    // Only letters and digits can begin a pinyin or initials key.
    expect(termLookup(' ZW z')?.keyed).toBe(true);
    expect(termLookup('zw珍')?.keyed).toBe(false);
    expect(termLookup('陈')?.exact).toBe(true);
    const zwz = termLookup(' ZW z');
    expect(zwz?.gram).toBe('g:zw');
    expect(zwz?.initials).toEqual({ from: 'i:zwz', to: 'i:zw{' });
    expect('i:zwz' >= zwz!.initials.from && 'i:zwz' < zwz!.initials.to).toBe(true);
    expect('i:zwzx' < zwz!.initials.to).toBe(true);
    expect('i:zx' < zwz!.initials.to).toBe(false);
  });

  it('finds the candidates of every substring a record holds (two or more characters)', () => {
    const terms = new Set(volunteerSearchTerms(zhang));
    const text = normalizeSearchText(`${zhang.name}|${zhang.profession}|${zhang.qualifications}`);
    for (let i = 0; i < text.length; i++) {
      for (let j = i + 2; j <= text.length; j++) {
        const q = text.slice(i, j);
        if (q.includes('|')) continue;
        expect(terms.has(termLookup(q)!.gram), q).toBe(true);
      }
    }
  });

  it('has nothing to look up for spaces', () => {
    expect(termLookup('   ')).toBeNull();
  });
});

describe('estimateTotal', () => {
  it('scales what the first matches reach to the whole id range, to three significant digits', () => {
    // 1,001 matches among ids 1…7,300 of 200,000: about 27,400.
    expect(estimateTotal(1001, 7300, 200_000)).toBe(27_400);
    expect(estimateTotal(1001, 1001, 1500)).toBe(1500);
    // Never below what was seen, even when the last id is below the reach (ids deleted since).
    expect(estimateTotal(1001, 5000, 4000)).toBe(1001);
  });
});
