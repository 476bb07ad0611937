import { describe, expect, it } from 'vitest';
import { searchKeysOf } from './search-keys.ts';

describe('search keys', () => {
  it('gives full pinyin and initials of a Chinese name', () => {
    expect(searchKeysOf('张婉珍')).toEqual({ pinyin: 'zhangwanzhen', initials: 'zwz' });
    expect(searchKeysOf('西兴社区')).toEqual({ pinyin: 'xixingshequ', initials: 'xxsq' });
  });

  it('reads polyphonic characters in context (长汀 is cháng, 银行 is háng)', () => {
    expect(searchKeysOf('长汀').pinyin).toBe('changting');
    expect(searchKeysOf('银行').pinyin).toBe('yinhang');
  });

  it('keeps latin letters and digits', () => {
    expect(searchKeysOf('A区3号').pinyin).toBe('aqu3hao');
  });
});
