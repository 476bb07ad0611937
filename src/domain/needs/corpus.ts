// Reads the labelled needs corpus (assets/needs/corpus.tsv) from its text, so the format and
// its rules live in the domain and the server only supplies the bytes.
import { defaultCategories } from '../categories/defaults.ts';

/** One corpus line: the category code and the text of the need, with its line number for error messages. */
export interface CorpusEntry {
  line: number;
  category: string;
  text: string;
}

/** The header the corpus must start with, so a file with shifted columns is rejected rather than mislearned. */
export const CORPUS_HEADER = 'category\ttext';

/**
 * Parses TSV text (`category<TAB>text`, header first, blank lines and `#` comments ignored),
 * rejecting unknown category codes, empty texts and duplicate texts with the line number.
 */
export function parseCorpus(
  tsv: string,
  categories: readonly string[] = defaultCategories.map((c) => c.code),
): CorpusEntry[] {
  const known = new Set(categories);
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r?\n/);
  if ((lines[0] ?? '').trim() !== CORPUS_HEADER) throw new Error(`corpus line 1: expected header "${CORPUS_HEADER}"`);
  const entries: CorpusEntry[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (line === 1 || raw.trim() === '' || raw.startsWith('#')) return;
    const cells = raw.split('\t');
    if (cells.length !== 2)
      throw new Error(`corpus line ${line}: expected 2 tab-separated columns, got ${cells.length}`);
    const category = (cells[0] ?? '').trim();
    const text = (cells[1] ?? '').trim();
    if (!known.has(category)) throw new Error(`corpus line ${line}: unknown category "${category}"`);
    if (text === '') throw new Error(`corpus line ${line}: empty text`);
    const earlier = seen.get(text);
    if (earlier !== undefined) throw new Error(`corpus line ${line}: same text as line ${earlier}`);
    seen.set(text, line);
    entries.push({ line, category, text });
  });
  return entries;
}
