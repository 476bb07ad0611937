/** The periods the dashboard offers at a click. */
export type Preset = 'last12' | 'quarter' | 'lastQuarter' | 'year' | 'lastYear';

const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** A preset period around a day, `to` exclusive. */
export function presetPeriod(p: Preset, now: Date): { from: string; to: string } {
  const y = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3);
  switch (p) {
    case 'last12': {
      // The twelve months ending with this one: the demo period (src/db/seed/demo-world.ts).
      const m = y * 12 + now.getMonth();
      const at = (i: number) => day(Math.floor(i / 12), (i % 12) + 1);
      return { from: at(m - 11), to: at(m + 1) };
    }
    case 'year':
      return { from: day(y, 1), to: day(y + 1, 1) };
    case 'lastYear':
      return { from: day(y - 1, 1), to: day(y, 1) };
    case 'quarter':
      return { from: day(y, q * 3 + 1), to: q === 3 ? day(y + 1, 1) : day(y, q * 3 + 4) };
    case 'lastQuarter':
      return q === 0 ? { from: day(y - 1, 10), to: day(y, 1) } : { from: day(y, q * 3 - 2), to: day(y, q * 3 + 1) };
  }
}
