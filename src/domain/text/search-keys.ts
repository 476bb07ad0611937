import { pinyin } from 'pinyin-pro';

/** Keys that let staff find a Chinese name by typing it, its full pinyin or its initials (`zwz` → 张婉珍). */
export interface SearchKeys {
  pinyin: string;
  initials: string;
}

/** Computes the lowercase full-pinyin and initials keys of a name; non-Chinese characters pass through. */
export function searchKeysOf(name: string): SearchKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true });
  const words = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((s) => s.length > 0);
  return {
    pinyin: words.join(''),
    initials: words.map((w) => w[0]).join(''),
  };
}

/** Normalises what a user typed into a search box: trimmed, lowercase, inner spaces removed for pinyin. */
export function normaliseQuery(q: string): { text: string; key: string } {
  const text = q.trim();
  return { text, key: text.toLowerCase().replace(/\s+/g, '') };
}
