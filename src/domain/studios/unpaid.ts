import { DomainError } from '../errors.ts';
/**
 * The unpaid rule (领岗服务的党员不领取报酬): no fee, price or payment may be recorded
 * anywhere. Structured fees are impossible because no schema has such a field; this
 * catches fees written into free text (service items, commitments, descriptions).
 * "免费" (free of charge) is allowed, so the patterns name charging, not the character 费.
 */
const feePatterns: readonly RegExp[] = [
  /收费|付费|缴费|交费|费用|价格|价位|报酬|酬金|佣金|定价|标价|优惠价|打折/,
  /[￥¥$]\s*\d/,
  /\d+(\.\d+)?\s*(元|块钱|块\/|rmb|yuan)/i,
  /(元|块)\s*[/／每]\s*(次|人|小时|课时|节)/,
  /\b(fee|fees|price|charge[sd]?|paid|payment)\b/i,
];

/** True when a text records a fee, price or payment (and so breaks the unpaid rule). */
export function mentionsFee(text: string): boolean {
  return feePatterns.some((p) => p.test(text));
}

/** The clause every contract states. */
export const unpaidClause =
  '领岗服务的党员不领取任何报酬，工作室不向服务对象收取任何费用；工作室以社会化管理为主，作为社区工作的有益补充，防止出现“行政化”“趋利化”倾向。';

/**
 * Refuses texts that record a fee: the error names the first field (a path in the request body,
 * such as `items.2.text`) so the form can mark the text that mentions it.
 */
export function refuseFees(texts: Record<string, string | null | undefined>): void {
  for (const [field, text] of Object.entries(texts)) {
    if (text && mentionsFee(text)) throw new DomainError('FEE_NOT_ALLOWED', { field });
  }
}
