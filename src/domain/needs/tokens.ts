// Turns the raw output of a Chinese word segmenter into classifier features. The segmenter
// itself (jieba, a WASM module) lives outside the domain so this stays pure and testable.

/**
 * Function words and filler that appear in needs of every category, so they only add noise
 * to a small corpus; words that carry meaning in one category (不, 没, 想) are kept.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '着', '过', '地', '得', '之', '所',
  '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '啦', '哈', '噢', '咯',
  '和', '与', '及', '或', '或者', '还是', '而', '并', '并且', '跟', '同',
  '是', '在', '有', '也', '就', '都', '又', '还', '很', '太', '更', '最', '挺',
  '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这边', '那边', '这里', '那里',
  '一个', '一些', '一点', '一下', '一直', '个', '些', '点',
  '我', '你', '他', '她', '它', '我们', '你们', '他们', '她们', '咱们', '大家', '自己', '家里人',
  '说', '问', '问问', '想', '想要', '希望', '要', '能', '会', '能不能', '可以', '可不可以',
  '被', '把', '给', '让', '对', '从', '到', '向', '往', '为', '为了', '因为', '所以', '但', '但是', '可是', '如果', '就是',
  '怎么', '怎么样', '什么', '哪里', '哪个', '哪些', '多少', '有没有', '是不是', '要不要',
  '反映', '提出', '表示', '了解到', '听说', '现在', '已经', '今年', '最近',
]);

/** Characters that are never part of a word: punctuation, symbols and every kind of space. */
const NOT_A_WORD = /^[\p{P}\p{S}\p{Z}\s]+$/u;

/** Numbers say how much, not what about: digits, and Chinese numerals with their units. */
const NUMBER = /^(?:[\p{Nd}.,%]+|[零〇一二两三四五六七八九十百千万亿几多余半]+)$/u;

/**
 * Normalises segmenter tokens into features: trimmed, lowercased, with punctuation,
 * whitespace, numbers and stop words removed, order kept (bigrams may depend on it).
 */
export function normaliseTokens(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of raw) {
    const t = token.trim().toLowerCase();
    if (t.length === 0 || NOT_A_WORD.test(t) || NUMBER.test(t) || STOP_WORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}
