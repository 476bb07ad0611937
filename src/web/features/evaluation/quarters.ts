import { previousQuarter, quarterOfDay, type Quarter } from '../../../domain/inspections/quarters.ts';

/** The last `n` quarters that are over, newest first (China's calendar day decides the current one). */
export function pastQuarters(now: Date, n = 6): Quarter[] {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const list: Quarter[] = [];
  let q = quarterOfDay(today);
  for (let i = 0; i < n; i++) {
    q = previousQuarter(q);
    list.push(q);
  }
  return list;
}
