import { describe, expect, it } from 'vitest';
import { idCheckCharacter, isValidIdNumber, maskIdNumber, maskPhone } from './id-number.ts';

describe('ID numbers', () => {
  const valid = `35080219580314002${idCheckCharacter('35080219580314002')}`;

  it('accept a number with a valid date and check character', () => {
    expect(isValidIdNumber(valid)).toBe(true);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('refuse a wrong check character, an impossible date and a wrong length', () => {
    const wrong = valid.slice(0, 17) + (valid[17] === '1' ? '2' : '1');
    expect(isValidIdNumber(wrong)).toBe(false);
    expect(isValidIdNumber('350802195802300021')).toBe(false);
    expect(isValidIdNumber('35080219580314')).toBe(false);
  });

  it('are shown masked, never whole', () => {
    expect(maskIdNumber(valid)).toBe(`350802********${valid.slice(14)}`);
    expect(maskPhone('13905970101')).toBe('139****0101');
  });
});
