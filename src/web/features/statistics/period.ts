/** The periods the dashboard offers at a click. */
export type Preset = 'quarter' | 'lastQuarter' | 'year' | 'lastYear';

const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;

/** A preset period around a day, `to` exclusive. */
export function presetPeriod(p: Preset, now: Date): { from: string; to: string } {
  const y = now.getFullYear();
  const q = Math.floor(now.getMonth() / 3);
  switch (p) {
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
