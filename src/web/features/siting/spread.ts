// Pure layout of markers that must all stay visible; no Leaflet here, so it is tested in node.

/** The eight places of a ring around a point, clockwise from above, one step apart. */
const ring = [
  [0, -1],
  [1, -1],
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
] as const;

/**
 * Where each marker of `size` pixels goes, as an offset from its point, so that none covers
 * another (their boxes are apart, not only their circles): in rank order, each stays on its
 * point if it is free there, or else takes the first free place on rings around it, one
 * size further each ring.
 */
export function spreadApart(
  points: ReadonlyArray<{ x: number; y: number }>,
  size: number,
): Array<{ dx: number; dy: number }> {
  const placed: Array<{ x: number; y: number }> = [];
  return points.map((p) => {
    for (let step = 0; ; step++) {
      const places =
        step === 0 ? [{ dx: 0, dy: 0 }] : ring.map(([x, y]) => ({ dx: x * size * step, dy: y * size * step }));
      const free = places.find((c) =>
        placed.every((q) => Math.max(Math.abs(p.x + c.dx - q.x), Math.abs(p.y + c.dy - q.y)) >= size),
      );
      if (free) {
        placed.push({ x: p.x + free.dx, y: p.y + free.dy });
        return free;
      }
    }
  });
}
