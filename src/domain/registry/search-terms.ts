/**
 * The registry's search terms: what makes "who matches q" an index lookup instead of a scan of
 * every record with five LIKEs (a province holds hundreds of thousands of people).
 *
 * Each record gets terms in three namespaces, kept in a byte-ordered column keyed together with
 * the record's unit (so "in this subtree" narrows the same index):
 * - `g:` grams of its text, lowercased and without spaces: every character and every pair of
 *   adjacent characters of the name and the profession, every pair of the qualifications;
 * - `p:` its full pinyin and `i:` its initials (张婉珍 → p:zhangwanzhen, i:zwz), found by prefix
 *   with a range scan.
 * A query's candidates are the records holding its first gram or a pinyin/initials prefix. For one
 * or two characters that is the answer (case and spaces ignored); a longer query's candidates are
 * confirmed by the substring conditions on the record. A record whose text contains q always holds
 * q's first gram, so nothing a scan would find is missed, with one exception: a single character
 * matches names and professions, not qualifications (which get pairs only, to keep the table small).
 */

/** Lowercase, no whitespace: the form both terms and queries are compared in. */
export function normalizeSearchText(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}

function grams(text: string | null | undefined, singles: boolean, into: Set<string>): void {
  if (!text) return;
  const chars = [...normalizeSearchText(text)];
  for (let i = 0; i < chars.length; i++) {
    if (singles || chars.length === 1) into.add(`g:${chars[i]}`);
    if (i + 1 < chars.length) into.add(`g:${chars[i]}${chars[i + 1]}`);
  }
}

export interface SearchableRecord {
  name: string;
  profession?: string | null | undefined;
  qualifications?: string | null | undefined;
  pinyin: string;
  initials: string;
}

/** Every term of a record, without repeats. */
export function volunteerSearchTerms(r: SearchableRecord): string[] {
  const terms = new Set<string>();
  grams(r.name, true, terms);
  grams(r.profession, true, terms);
  grams(r.qualifications, false, terms);
  if (r.pinyin) terms.add(`p:${r.pinyin}`);
  if (r.initials) terms.add(`i:${r.initials}`);
  return [...terms];
}

/** [from, to): every string starting with `prefix`, in byte order. */
function prefixRange(prefix: string): { from: string; to: string } {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
}

/** How to find a query's candidates: one gram, and the pinyin and initials prefix ranges. */
export interface TermLookup {
  gram: string;
  pinyin: { from: string; to: string };
  initials: { from: string; to: string };
  /**
   * True when the terms alone answer the query (one or two characters: the gram is the whole
   * query), so no candidate needs its text checked and counting never reads a record.
   */
  exact: boolean;
  /** False when the query holds anything but a-z and 0-9: no pinyin or initials can start with it. */
  keyed: boolean;
}

/** The lookup for a query; null when it has nothing to search for (only spaces). */
export function termLookup(q: string): TermLookup | null {
  const chars = [...normalizeSearchText(q)];
  if (chars.length === 0) return null;
  const key = chars.join('');
  return {
    gram: `g:${chars.slice(0, 2).join('')}`,
    pinyin: prefixRange(`p:${key}`),
    initials: prefixRange(`i:${key}`),
    exact: chars.length <= 2,
    keyed: /^[a-z0-9]+$/.test(key),
  };
}

/**
 * A search's total estimated from its first matches in record order: `seen` matches have ids up
 * to `reach`, the records' ids go up to `last`, so about seen × last ÷ reach match in all. Rounded
 * to three significant digits (it is shown as "about N"), and never below what was seen.
 */
export function estimateTotal(seen: number, reach: number, last: number): number {
  const raw = reach > 0 ? (seen * Math.max(last, reach)) / reach : seen;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 2);
  return Math.max(seen, Math.round(raw / unit) * unit);
}
