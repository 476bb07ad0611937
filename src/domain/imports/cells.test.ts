import { describe, expect, it } from 'vitest';
import { dateCell, listCell, repeatsInFile } from './cells.ts';

describe('the cells of the network imports', () => {
  it('reads the dates a record book is written with, and refuses days that do not exist', () => {
    expect(dateCell('2011-03-05')).toBe('2011-03-05');
    expect(dateCell('2011/3/5')).toBe('2011-03-05');
    expect(dateCell('2011年3月5日')).toBe('2011-03-05');
    expect(dateCell('2011-02-30')).toBeNull();
    expect(dateCell('三月五日')).toBeNull();
  });

  it('splits lists on 、 and the other separators people type', () => {
    expect(listCell('青少年、老年人，台胞侨眷; 残疾人')).toEqual(['青少年', '老年人', '台胞侨眷', '残疾人']);
  });

  it('reports each repeat against the first row with its key', () => {
    expect(
      repeatsInFile(
        [
          { row: 2, key: 'a' },
          { row: 3, key: 'b' },
          { row: 4, key: 'a' },
        ],
        'content',
      ),
    ).toEqual([{ row: 4, column: 'content', problem: 'duplicateInFile', other: 2 }]);
  });
});
