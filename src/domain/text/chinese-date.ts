// Dates as official documents print them.

/** A date as the masthead prints it: 2026年12月3日. */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}
