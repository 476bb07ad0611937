/** Characters one SMS carries when the text fits in one (UCS-2, as Chinese text always is). */
export const SINGLE_SMS_CHARS = 70;
/** Characters each part of a longer SMS carries (the rest of the 70 goes to the joining header). */
export const PART_SMS_CHARS = 67;

/** The text a phone receives and the gateway bills: the 【signature】 and the body. */
export function billedText(signature: string, body: string): string {
  return `【${signature}】${body}`;
}

/**
 * How many SMS a text is billed as: one up to 70 characters, otherwise one per 67. Characters
 * are counted as the phone shows them (an emoji outside the BMP counts once, as gateways do).
 */
export function smsSegments(text: string): number {
  const length = [...text].length;
  if (length === 0) return 0;
  return length <= SINGLE_SMS_CHARS ? 1 : Math.ceil(length / PART_SMS_CHARS);
}
