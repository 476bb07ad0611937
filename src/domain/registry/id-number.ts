/**
 * Resident identity card numbers (GB 11643-1999): 17 digits and a check character.
 * Huimin never shows them whole: only a masked form is displayed, and a keyed hash is
 * kept so that duplicates can be matched.
 */
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checks = '10X98765432';

/** True when an 18-character ID number has a valid date and check character. */
export function isValidIdNumber(id: string): boolean {
  const s = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(s)) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  const sum = weights.reduce((acc, w, i) => acc + w * Number(s[i]), 0);
  return checks[sum % 11] === s[17];
}

/** The check character that makes 17 digits a valid ID number (for generating test data). */
export function idCheckCharacter(first17: string): string {
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return checks[sum % 11] ?? '0';
}

/** The displayed form: region and last four kept, the birth date hidden (350802**********1234). */
export function maskIdNumber(id: string): string {
  const s = id.trim().toUpperCase();
  return s.length === 18 ? `${s.slice(0, 6)}********${s.slice(14)}` : '****';
}

/** Birth year encoded in an ID number. */
export function birthYearOf(id: string): number {
  return Number(id.slice(6, 10));
}

/** Masks a mobile number: 138****5678. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A mainland mobile number. */
export function isValidMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
