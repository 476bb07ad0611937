import { describe, expect, it } from 'vitest';
import { statusesAt } from './studio-states.ts';

describe('statusesAt', () => {
  it('reads the present status of a studio without history at every instant', () => {
    expect(statusesAt('active', [], 2)).toEqual(['active', 'active']);
  });

  it('reads the last transition before each instant, and nothing before the first', () => {
    const history = [
      { toStatus: 'submitted', before: [false, true, true] },
      { toStatus: 'approved', before: [false, true, true] },
      { toStatus: 'active', before: [false, false, true] },
    ];
    expect(statusesAt('closed', history, 3)).toEqual([null, 'approved', 'active']);
  });
});
