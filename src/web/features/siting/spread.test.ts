import { describe, expect, it } from 'vitest';
import { spreadApart } from './spread.ts';

const boxesApart = (points: Array<{ x: number; y: number }>, size: number) => {
  const at = spreadApart(points, size).map((o, i) => ({ x: points[i]!.x + o.dx, y: points[i]!.y + o.dy }));
  return at.every((a, i) => at.slice(i + 1).every((b) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)) >= size));
};

describe('spreadApart', () => {
  it('leaves markers that do not touch where they are', () => {
    expect(
      spreadApart(
        [
          { x: 0, y: 0 },
          { x: 100, y: 0 },
        ],
        30,
      ),
    ).toEqual([
      { dx: 0, dy: 0 },
      { dx: 0, dy: 0 },
    ]);
  });

  it('keeps the first in place and moves the next one clear of it', () => {
    const [first, second] = spreadApart(
      [
        { x: 0, y: 0 },
        { x: 5, y: 5 },
      ],
      30,
    );
    expect(first).toEqual({ dx: 0, dy: 0 });
    expect(Math.max(Math.abs(5 + second!.dx), Math.abs(5 + second!.dy))).toBeGreaterThanOrEqual(30);
  });

  it('separates any number of markers on one spot, box from box', () => {
    const same = Array.from({ length: 12 }, () => ({ x: 50, y: 50 }));
    expect(boxesApart(same, 30)).toBe(true);
    const crowd = Array.from({ length: 20 }, (_, i) => ({ x: (i * 7) % 23, y: (i * 11) % 17 }));
    expect(boxesApart(crowd, 30)).toBe(true);
  });
});
