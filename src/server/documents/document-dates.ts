import type { Locale } from '../../contract/common.ts';
import { chinaDate } from '../time.ts';

const digits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Dates arrive as calendar days (YYYY-MM-DD) or as instants (ISO-8601 UTC); an instant is
// the day it was in China, where the document is signed.
function parts(value: string): { year: number; month: number; day: number } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : chinaDate(new Date(value));
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`Not a date: ${value}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

// 1–31 in Chinese numerals: 十, 十一, 二十, 二十五, 三十一.
function chineseNumber(n: number): string {
  if (n < 10) return digits[n] ?? '';
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${units === 0 ? '' : digits[units]}`;
}

/** A day as agreements write it: 2026年11月25日, or 25 November 2026 in English. */
export function formatDate(value: string, locale: Locale): string {
  const { year, month, day } = parts(value);
  if (locale === 'en') return `${day} ${englishMonths[month - 1]} ${year}`;
  return `${year}年${month}月${day}日`;
}

/** A day as certificates write it, in Chinese numerals: 二〇二六年十一月二十五日. */
export function formatCertificateDate(value: string, locale: Locale): string {
  if (locale === 'en') return formatDate(value, locale);
  const { year, month, day } = parts(value);
  const yearText = [...String(year)].map((d) => digits[Number(d)]).join('');
  return `${yearText}年${chineseNumber(month)}月${chineseNumber(day)}日`;
}
