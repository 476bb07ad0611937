import type { Locale } from '../../contract/common.ts';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const htmlLang: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en' };

// Song/Ming faces the reader's machine is likely to have, Simplified or Traditional first
// to match the page, so printing needs no web font.
const serifStack: Record<Locale, string> = {
  'zh-CN': '"Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Serif CJK SC", serif',
  'zh-TW': '"Noto Serif TC", "Source Han Serif TC", "Songti TC", PMingLiU, "Noto Serif CJK TC", serif',
  en: 'Georgia, "Times New Roman", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Serif CJK SC", serif',
};

/** A complete HTML page: the title is escaped here, `css` and `body` must already be safe. */
export function htmlPage(input: { locale: Locale; title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="${htmlLang[input.locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
:root { --serif: ${serifStack[input.locale]}; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body { font-family: var(--serif); color: #1f1f1f; background: #e9e6df; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print { body { background: none; } .sheet { margin: 0 !important; box-shadow: none !important; } }
${input.css}
</style>
</head>
<body>
${input.body}
</body>
</html>
`;
}
