import { renderText, textRuns, type BulletinContent } from '../../../domain/statistics/bulletin.ts';
import { chineseDate } from '../../../domain/text/chinese-date.ts';

// The bulletin as a page to print (and to save as PDF from the browser): A4 with GB/T 9704
// margins, the official fonts first and open ones after them, Chinese line breaking by the
// browser, each figure marked with the query behind it (title attribute; hidden in print).
// No system Noto Sans CJK in the stacks: Debian's is a CFF font, which Chromium can only put
// into a PDF as Type 3 glyphs (not a font a reader's viewer can search or substitute well).

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function marked(text: string, c: BulletinContent): string {
  return textRuns(text)
    .map((run) => {
      if (!run.figure) return esc(run.text);
      const fig = c.figures[run.figure];
      if (!fig) return esc(run.text);
      return `<span class="figure" title="${esc(`${fig.label}：${fig.source}`)}">${esc(String(fig.value))}</span>`;
    })
    .join('');
}

/** The print view of a bulletin, a complete HTML document. */
export function bulletinHtml(c: BulletinContent): string {
  const title = esc(renderText(c.title, c.figures));
  const sections = c.sections
    .map((s) =>
      s.paragraphs
        .map((p, i) => `<p>${i === 0 ? `<b class="lead">${esc(s.lead)}</b>` : ''}${marked(p, c)}</p>`)
        .join('\n'),
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${title}</title>
<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { margin: 0 auto; max-width: 156mm; font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "Noto Serif SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16pt; line-height: 28.9pt; color: #000; line-break: strict; word-break: normal; }
.masthead { text-align: center; color: #e60000; font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif SC", "Noto Serif CJK SC", serif; font-size: 42pt; line-height: 1.2; letter-spacing: 0.5em; margin: 0; }
.number { text-align: center; margin: 6pt 0 12pt; }
.issue { display: flex; justify-content: space-between; border-bottom: 2.25pt solid #e60000; padding-bottom: 4pt; margin-bottom: 24pt; }
h1 { text-align: center; font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif SC", "Noto Serif CJK SC", serif; font-weight: normal; font-size: 22pt; line-height: 1.5; margin: 0 0 6pt; }
.subtitle { text-align: center; font-family: "楷体_GB2312", "KaiTi", "Noto Serif SC", serif; margin: 0 0 18pt; }
p { text-indent: 2em; text-align: justify; margin: 0; }
.lead { font-family: "黑体", "SimHei", "Noto Serif SC", sans-serif; font-weight: bold; }
.figure { border-bottom: 1px dotted #888; }
.tail { margin-top: 36pt; font-size: 14pt; line-height: 22pt; border-top: 0.75pt solid #000; }
.tail p { text-indent: 0; padding-left: 1em; }
.tail .foot { display: flex; justify-content: space-between; border-top: 0.75pt solid #000; border-bottom: 0.75pt solid #000; padding: 0 1em; }
@media print { .figure { border: none; } }
</style>
</head>
<body>
<p class="masthead">${esc(c.masthead.name)}</p>
<div class="number">第 ${c.masthead.number} 期</div>
<div class="issue"><span>${esc(c.masthead.issuer)}</span><span>${esc(chineseDate(c.masthead.date))}</span></div>
<h1>${title}</h1>
<div class="subtitle">${marked(c.subtitle, c)}</div>
<p>${marked(c.opening, c)}</p>
${sections}
<div class="tail">
<p>报：${esc(c.tail.report)}</p>
<p>送：${esc(c.tail.send)}</p>
<p>发：${esc(c.tail.distribute)}</p>
<div class="foot"><span>${esc(c.masthead.issuer)}</span><span>共印 ${c.tail.copies} 份</span></div>
</div>
</body>
</html>
`;
}
