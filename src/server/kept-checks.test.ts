import { describe, expect, it } from 'vitest';
import { KEPT_CHECK_MS, KEPT_CHECKS, keepCheck, keptChecks, takeCheck } from './kept-checks.ts';

describe('kept dry runs', () => {
  it('are taken once, and only under the inputs they were checked with', () => {
    keepCheck(1, 'v1', { rows: 1 }, 0);
    expect(takeCheck(1, 'v2', 0)).toBeUndefined();
    // A mismatch drops it: the commit checks again and nothing stale is left behind.
    expect(takeCheck(1, 'v1', 0)).toBeUndefined();
    keepCheck(1, 'v1', { rows: 1 }, 0);
    expect(takeCheck(1, 'v1', 0)).toEqual({ rows: 1 });
    expect(takeCheck(1, 'v1', 0)).toBeUndefined();
  });

  it('expire, and only the most recent few are held', () => {
    keepCheck(2, 'v', 'old', 0);
    expect(takeCheck(2, 'v', KEPT_CHECK_MS + 1)).toBeUndefined();
    for (let id = 10; id < 10 + KEPT_CHECKS + 3; id++) keepCheck(id, 'v', id, 0);
    expect(keptChecks()).toBe(KEPT_CHECKS);
    expect(takeCheck(10, 'v', 0)).toBeUndefined();
    expect(takeCheck(10 + KEPT_CHECKS + 2, 'v', 0)).toBe(10 + KEPT_CHECKS + 2);
  });
});
