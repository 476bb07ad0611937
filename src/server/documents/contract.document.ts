import type { Locale } from '../../contract/common.ts';
import { contractContent } from './contract.content.ts';
import type { ContractArticle, ContractContent } from './contract.content.ts';
import { escapeHtml, htmlPage } from './html-page.ts';
import { createPdf } from './pdf-document.ts';
import type { Pdf } from './pdf-document.ts';

/** What a signed service agreement (服务协议) between a street party committee and a studio's leader says. */
export type ContractDocument = {
  contractNumber: string;
  studioName: string;
  unitName: string;
  streetName: string;
  categories: string[];
  serviceItems: string[];
  openingHours: string;
  staffingMode: 'single' | 'team';
  leaderName: string;
  memberNames: string[];
  termStart: string;
  termEnd: string;
  signatories: Array<{ party: string; name: string }>;
  signedAt: string;
  unpaidClause: string;
};

const ink = '#1f1f1f';
const muted = '#6b6b6b';
const red = '#a61b1b';
const tint = '#fbf0ec';
const margins = { top: 64, bottom: 64, left: 72, right: 72 };
const body = { size: 11.5, lineGap: 5 };
// Chinese paragraphs open with a two-character indent.
const indent = 2 * body.size;

/** The agreement as an A4 PDF in Chinese, with the fonts embedded so it prints the same everywhere. */
export async function renderContractPdf(doc: ContractDocument): Promise<Buffer> {
  const content = contractContent(doc, 'zh-CN');
  const { pdf, finished } = await createPdf({
    title: `${content.title}（${doc.studioName}）`,
    subject: `${content.numberLabel}：${doc.contractNumber}`,
    layout: 'portrait',
    margins,
  });
  const width = pdf.page.width - margins.left - margins.right;
  drawHeading(pdf, content, doc.contractNumber, width);
  for (const party of content.parties) labelled(pdf, `${party.label}：`, party.value, margins.left, width);
  pdf
    .moveDown(0.6)
    .font('regular')
    .fontSize(body.size)
    .fillColor(ink)
    .text(content.preamble, margins.left, pdf.y, { width, indent, lineGap: body.lineGap });
  for (const article of content.articles) drawArticle(pdf, article, width);
  drawSignatures(pdf, doc.signatories, content, width);
  numberPages(pdf, content);
  pdf.end();
  return finished;
}

function drawHeading(pdf: Pdf, content: ContractContent, contractNumber: string, width: number): void {
  pdf
    .font('regular')
    .fontSize(9.5)
    .fillColor(muted)
    .text(`${content.numberLabel}：${contractNumber}`, margins.left, margins.top - 18, { width, align: 'right' });
  pdf
    .font('bold')
    .fontSize(20)
    .fillColor(ink)
    .text(content.title, margins.left, margins.top + 14, { width, align: 'center', characterSpacing: 1 });
  // A thick and a thin red rule under the title, as on a party committee's own paper.
  const y = pdf.y + 10;
  pdf
    .moveTo(margins.left, y)
    .lineTo(margins.left + width, y)
    .lineWidth(1.8)
    .strokeColor(red)
    .stroke();
  pdf
    .moveTo(margins.left, y + 4)
    .lineTo(margins.left + width, y + 4)
    .lineWidth(0.6)
    .stroke();
  pdf.x = margins.left;
  pdf.y = y + 22;
}

// "Label：value" on one line, the label in bold; wraps under itself when long.
function labelled(pdf: Pdf, label: string, value: string, x: number, width: number): void {
  pdf.font('bold').fontSize(12).fillColor(ink).text(label, x, pdf.y, { width, lineGap: body.lineGap, continued: true });
  pdf.font('regular').text(value, { lineGap: body.lineGap });
}

function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.height - margins.bottom) pdf.addPage();
}

function drawArticle(pdf: Pdf, article: ContractArticle, width: number): void {
  const x = margins.left;
  pdf.moveDown(0.7);
  // Keep a heading with at least two lines of what follows it.
  ensureRoom(pdf, 60);
  pdf
    .font('bold')
    .fontSize(12.5)
    .fillColor(article.isHighlighted ? red : ink)
    .text(article.heading, x, pdf.y, { width });
  pdf.moveDown(0.3);
  if (article.isHighlighted) return drawHighlight(pdf, article.paragraphs ?? [], width);
  for (const field of article.fields ?? []) drawField(pdf, field.label, field.value, width);
  for (const paragraph of article.paragraphs ?? []) {
    pdf
      .font('regular')
      .fontSize(body.size)
      .fillColor(ink)
      .text(paragraph, x, pdf.y, { width, indent, lineGap: body.lineGap });
  }
  article.items?.forEach((item, i) => drawItem(pdf, `${i + 1}.`, item, width));
}

function drawField(pdf: Pdf, label: string, value: string, width: number): void {
  const labelWidth = 78;
  const valueX = margins.left + indent + labelWidth;
  const valueWidth = width - indent - labelWidth;
  pdf.font('regular').fontSize(body.size);
  const height = pdf.heightOfString(value, { width: valueWidth, lineGap: body.lineGap });
  ensureRoom(pdf, height);
  const y = pdf.y;
  pdf.fillColor(muted).text(`${label}`, margins.left + indent, y, { width: labelWidth, lineGap: body.lineGap });
  pdf.fillColor(ink).text(value, valueX, y, { width: valueWidth, lineGap: body.lineGap });
  pdf.y = y + height + 1;
}

function drawItem(pdf: Pdf, marker: string, text: string, width: number): void {
  const textX = margins.left + indent + 20;
  const textWidth = width - indent - 20;
  pdf.font('regular').fontSize(body.size);
  const height = pdf.heightOfString(text, { width: textWidth, lineGap: body.lineGap });
  ensureRoom(pdf, height);
  const y = pdf.y;
  pdf.fillColor(red).text(marker, margins.left + indent, y, { width: 20, lineGap: body.lineGap });
  pdf.fillColor(ink).text(text, textX, y, { width: textWidth, lineGap: body.lineGap });
  pdf.y = y + height + 1;
}

// The unpaid rule stands in a tinted box with a red bar so no reader can miss it.
function drawHighlight(pdf: Pdf, paragraphs: string[], width: number): void {
  const pad = 12;
  const textWidth = width - 2 * pad - 4;
  const options = { width: textWidth, lineGap: body.lineGap, paragraphGap: 4 };
  pdf.font('bold').fontSize(12);
  const text = paragraphs.join('\n');
  const height = pdf.heightOfString(text, options) + 2 * pad - options.lineGap;
  ensureRoom(pdf, height);
  const top = pdf.y + 2;
  pdf.rect(margins.left, top, width, height).fill(tint);
  pdf.rect(margins.left, top, 4, height).fill(red);
  pdf.fillColor('#7a1414').text(text, margins.left + 4 + pad, top + pad, options);
  pdf.x = margins.left;
  pdf.y = top + height;
}

function drawSignatures(
  pdf: Pdf,
  signatories: ContractDocument['signatories'],
  content: ContractContent,
  width: number,
): void {
  const rows = Math.ceil(signatories.length / 2);
  pdf.moveDown(1.6);
  ensureRoom(pdf, rows * 110);
  const columnWidth = width / 2;
  let rowTop = pdf.y;
  signatories.forEach((s, i) => {
    const x = margins.left + (i % 2) * columnWidth;
    if (i % 2 === 0 && i > 0) rowTop += 110;
    pdf
      .font('bold')
      .fontSize(12)
      .fillColor(ink)
      .text(`${s.party}：`, x, rowTop, { width: columnWidth - 16, continued: true });
    pdf.font('regular').text(s.name, { lineGap: 3 });
    const lineY = rowTop + 58;
    pdf
      .font('regular')
      .fontSize(11)
      .fillColor(muted)
      .text(`${content.signLabel}：`, x, lineY - 14, { lineBreak: false });
    pdf
      .moveTo(x + 80, lineY)
      .lineTo(x + columnWidth - 20, lineY)
      .lineWidth(0.6)
      .strokeColor('#9a9a9a')
      .stroke();
    pdf.text(`${content.signedOnLabel}：${content.signedOn}`, x, lineY + 12, { width: columnWidth - 16 });
  });
  pdf.x = margins.left;
  pdf.y = rowTop + 110;
}

// Written last, with the page count known; the bottom margin is lifted so pdfkit does not start a new page.
function numberPages(pdf: Pdf, content: ContractContent): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('regular')
      .fontSize(9)
      .fillColor(muted)
      .text(content.pageOf(i + 1, range.count), margins.left, pdf.page.height - 40, {
        width: pdf.page.width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}

const contractCss = `
@page { size: A4 portrait; margin: 20mm 22mm 22mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #6b6b6b; } }
.sheet { width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 20mm 22mm; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.18); font-size: 11.5pt; line-height: 1.75; }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
.number { text-align: right; color: #6b6b6b; font-size: 9.5pt; }
h1 { margin: 8mm 0 0; text-align: center; font-size: 20pt; letter-spacing: .06em; line-height: 1.4; }
:lang(en) h1 { letter-spacing: .01em; }
.rule { height: 6px; margin: 3mm 0 7mm; border-top: 2px solid #a61b1b; border-bottom: .6px solid #a61b1b; }
.parties p { margin: 0; }
.label { font-weight: 700; }
.preamble, .article p { text-indent: 2em; margin: 0; }
.article { margin-top: 4mm; break-inside: avoid-page; }
h2 { font-size: 12.5pt; margin: 0 0 1mm; }
dl { display: grid; grid-template-columns: max-content 1fr; column-gap: 1.5em; margin: 0 0 0 2em; }
dt { color: #6b6b6b; } dd { margin: 0; }
ol { margin: 0 0 0 2em; padding-left: 1.4em; } li::marker { color: #a61b1b; }
.highlight h2 { color: #a61b1b; }
.highlight .box { background: #fbf0ec; border-left: 4px solid #a61b1b; padding: 3mm 4mm; font-weight: 700; color: #7a1414; }
.highlight .box p { text-indent: 0; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm 8mm; margin-top: 12mm; break-inside: avoid; }
.signatory .sign { margin-top: 9mm; color: #6b6b6b; display: flex; gap: 2mm; }
.signatory .sign span.line { flex: 1; border-bottom: .6px solid #9a9a9a; }
.signatory .date { color: #6b6b6b; }
.note { margin-top: 10mm; font-size: 9pt; color: #6b6b6b; }
`;

/** The agreement as a printable A4 HTML page in the reader's language; every user-supplied text is escaped. */
export function renderContractHtml(doc: ContractDocument, locale: Locale): string {
  const content = contractContent(doc, locale);
  const e = escapeHtml;
  const colon = locale === 'en' ? ': ' : '：';
  const articles = content.articles.map(articleHtml).join('\n');
  const signatures = doc.signatories
    .map(
      (s) =>
        `<div class="signatory"><div><span class="label">${e(s.party)}${colon}</span>${e(s.name)}</div><div class="sign"><span>${e(content.signLabel)}${colon}</span><span class="line"></span></div><div class="date">${e(content.signedOnLabel)}${colon}${e(content.signedOn)}</div></div>`,
    )
    .join('');
  const bodyHtml = `<main class="sheet">
<div class="number">${e(content.numberLabel)}${colon}${e(doc.contractNumber)}</div>
<h1>${e(content.title)}</h1>
<div class="rule"></div>
<section class="parties">${content.parties.map((p) => `<p><span class="label">${e(p.label)}${colon}</span>${e(p.value)}</p>`).join('')}</section>
<p class="preamble">${e(content.preamble)}</p>
${articles}
<section class="signatures">${signatures}</section>
${content.note ? `<p class="note">${e(content.note)}</p>` : ''}
</main>`;
  return htmlPage({ locale, title: `${content.title} · ${doc.studioName}`, css: contractCss, body: bodyHtml });
}

function articleHtml(article: ContractArticle): string {
  const e = escapeHtml;
  const fields = article.fields
    ? `<dl>${article.fields.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>`
    : '';
  const paragraphs = (article.paragraphs ?? []).map((p) => `<p>${e(p)}</p>`).join('');
  const items = article.items ? `<ol>${article.items.map((i) => `<li>${e(i)}</li>`).join('')}</ol>` : '';
  if (article.isHighlighted)
    return `<section class="article highlight"><h2>${e(article.heading)}</h2><div class="box">${paragraphs}</div></section>`;
  return `<section class="article"><h2>${e(article.heading)}</h2>${fields}${paragraphs}${items}</section>`;
}
