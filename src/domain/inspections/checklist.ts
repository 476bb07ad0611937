import { DomainError } from '../errors.ts';

/** How an item was found: A (100 %), B (66 %), C (33 %) or 不合格 (0). */
export const ratings = ['A', 'B', 'C', 'fail'] as const;
export type Rating = (typeof ratings)[number];

/** The share of an item's weight each rating earns, in per cent. */
export const ratingPercent: Record<Rating, number> = { A: 100, B: 66, C: 33, fail: 0 };

/** One item of the inspection checklist, in the three languages of the interface. */
export interface ChecklistItem {
  code: string;
  title: { 'zh-CN': string; 'zh-TW': string; en: string };
  weight: number;
}

/** A version of the checklist and the score below which a studio is proposed for rectification. */
export interface ChecklistConfig {
  items: ChecklistItem[];
  /** Per cent (0–100): a total below it proposes rectification. */
  threshold: number;
}

/** The studio rated on one item, with the supervisor's note. */
export interface ItemRating {
  code: string;
  rating: Rating;
  note: string;
}

/** The checklist every install starts with; the district edits it later (each edit is a new version). */
export const defaultChecklist: ChecklistConfig = {
  threshold: 60,
  items: [
    {
      code: 'commitments_posted',
      title: { 'zh-CN': '承诺事项公开上墙', 'zh-TW': '承諾事項公開上牆', en: 'Commitments posted on the wall' },
      weight: 20,
    },
    {
      code: 'open_as_promised',
      title: { 'zh-CN': '按承诺时间开放', 'zh-TW': '按承諾時間開放', en: 'Open at the promised hours' },
      weight: 25,
    },
    {
      code: 'record_book',
      title: { 'zh-CN': '服务记录本填写完整', 'zh-TW': '服務記錄本填寫完整', en: 'Service record book complete' },
      weight: 20,
    },
    {
      code: 'service_cards',
      title: { 'zh-CN': '便民服务卡发放', 'zh-TW': '便民服務卡發放', en: 'Convenience service cards handed out' },
      weight: 15,
    },
    {
      code: 'residents_view',
      title: { 'zh-CN': '群众评价', 'zh-TW': '群眾評價', en: "Residents' opinion" },
      weight: 20,
    },
  ],
};

/** Refuses a checklist the district could not mean: no items, repeated codes, weights that add to nothing. */
export function checkChecklist(config: ChecklistConfig): void {
  const codes = config.items.map((i) => i.code);
  if (codes.length === 0) throw new DomainError('VALIDATION_FAILED', { field: 'items' });
  if (new Set(codes).size !== codes.length) throw new DomainError('VALIDATION_FAILED', { field: 'items.code' });
  if (config.items.some((i) => !Number.isInteger(i.weight) || i.weight < 1))
    throw new DomainError('VALIDATION_FAILED', { field: 'items.weight' });
  if (!(config.threshold >= 0 && config.threshold <= 100))
    throw new DomainError('VALIDATION_FAILED', { field: 'threshold' });
}

/**
 * Checks a supervisor's ratings against the checklist they fill: exactly one rating per
 * item, no item the checklist lacks. Answers the ratings in the checklist's order.
 */
export function orderRatings(items: readonly ChecklistItem[], given: readonly ItemRating[]): ItemRating[] {
  const byCode = new Map(given.map((r) => [r.code, r]));
  if (byCode.size !== given.length || given.length !== items.length)
    throw new DomainError('CHECKLIST_MISMATCH', { expected: items.length, given: given.length });
  return items.map((item) => {
    const r = byCode.get(item.code);
    if (!r) throw new DomainError('CHECKLIST_MISMATCH', { expected: items.length, given: given.length });
    return r;
  });
}

/** The total: the weighted mean of the items' percentages, to one decimal. */
export function totalScore(items: readonly ChecklistItem[], given: readonly ItemRating[]): number {
  const ordered = orderRatings(items, given);
  const weights = items.reduce((s, i) => s + i.weight, 0);
  const earned = items.reduce((s, item, k) => s + item.weight * ratingPercent[ordered[k]?.rating ?? 'fail'], 0);
  return Math.round((earned / weights) * 10) / 10;
}

/** Whether a total proposes the studio for rectification to its street. */
export function belowThreshold(total: number, threshold: number): boolean {
  return total < threshold;
}
