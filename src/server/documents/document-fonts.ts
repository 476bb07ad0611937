import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// Noto Serif SC (SIL OFL 1.1) comes from npm, so a fresh `npm install` is enough to print
// Chinese: no system font, no download at run time. It covers every CJK Unified Ideograph
// (U+4E00–9FFF) and Extension A, so Traditional characters and rare name characters render.
// A serif (Song/Ming style) face is what official agreements and certificates are set in.
const fontFiles = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
} as const;

/** The weights documents are set in; pdfkit knows them by these names once registered. */
export type FontWeight = keyof typeof fontFiles;

const require = createRequire(import.meta.url);
// Each file is about 15 MB: read once per process, not once per document.
const loaded = new Map<FontWeight, Buffer>();

/** Where the TrueType file of one weight lies (a browser printing HTML loads it from there). */
export function fontPath(weight: FontWeight): string {
  return require.resolve(fontFiles[weight]);
}

/** The TrueType data of one weight, read on first use. */
export function fontData(weight: FontWeight): Buffer {
  const cached = loaded.get(weight);
  if (cached) return cached;
  const data = readFileSync(fontPath(weight));
  loaded.set(weight, data);
  return data;
}
