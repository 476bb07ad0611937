import type { Locale } from '../../contract/common.ts';
import { escapeHtml, htmlPage } from './html-page.ts';
import { createPdf, mm } from './pdf-document.ts';
import type { Pdf } from './pdf-document.ts';
import { qrCodeSvg } from './qr-code.ts';
import { drawBack, drawFront, footer, promiseBand, qr, starPoints } from './service-card.pdf.ts';
import {
  card,
  gold,
  ink,
  inkCentre,
  maxCardServiceItems,
  muted,
  pad,
  paleGold,
  red,
  rule,
  tint,
  wordings,
} from './service-card.style.ts';

/** What one party member's convenience service card (便民服务卡) says, front and back. */
export type ServiceCardDocument = {
  memberName: string;
  studioName: string;
  unitName: string;
  streetName: string;
  categories: string[];
  serviceItems: string[];
  contactPhone: string | null;
  openingHours: string;
  studioUrl: string;
  /** The studio's public page opened at its rating form: what the QR code on the back leads to. */
  ratingUrl: string;
};

/** A card lists at most this many service items; the studio's page has them all. */
export { maxCardServiceItems };

const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };

/** One card as a 90 × 54 mm PDF of two pages, front then back, in Chinese. */
export async function renderServiceCardPdf(doc: ServiceCardDocument): Promise<Buffer> {
  const w = wordings['zh-CN'];
  const { pdf, finished } = await createPdf({
    title: `${w.title}（${doc.memberName}）`,
    subject: doc.studioName,
    layout: 'landscape',
    size: [card.height, card.width],
    margins: noMargins,
  });
  drawFront(pdf, doc, w);
  pdf.addPage();
  drawBack(pdf, doc, w);
  pdf.end();
  return finished;
}

// Ten cards to an A4 sheet, two across and five down, abutting so that one cut serves two cards.
const sheet = { columns: 2, rows: 5 };
const cardsPerSheet = sheet.columns * sheet.rows;

/**
 * The cards of many members (a whole street) on A4 sheets of ten with crop marks, for a duplex printer:
 * each page of fronts is followed by the page of their backs, mirrored left to right so that, flipped on
 * the long edge, every back lands behind its own front. Throws when `docs` is empty.
 */
export async function renderServiceCardsSheetPdf(docs: ServiceCardDocument[]): Promise<Buffer> {
  if (docs.length === 0)
    throw new RangeError('renderServiceCardsSheetPdf: no service cards to print (the list of members is empty).');
  const w = wordings['zh-CN'];
  const streets = [...new Set(docs.map((d) => d.streetName))];
  const scope = streets.length === 1 ? `${streets[0] ?? ''}，` : '';
  const { pdf, finished } = await createPdf({
    title: `${w.title}（${scope}共 ${docs.length} 张）`,
    subject: `${w.title} · ${w.subtitle}`,
    layout: 'portrait',
    margins: noMargins,
  });
  const sheets = Math.ceil(docs.length / cardsPerSheet);
  for (let s = 0; s < sheets; s++) {
    const batch = docs.slice(s * cardsPerSheet, (s + 1) * cardsPerSheet);
    if (s > 0) pdf.addPage();
    drawSheet(
      pdf,
      `${w.title} · 第 ${s + 1}/${sheets} 页 · ${w.front}（双面打印，长边翻转）`,
      'front',
      batch.map((doc) => () => drawFront(pdf, doc, w)),
    );
    pdf.addPage();
    drawSheet(
      pdf,
      `${w.title} · 第 ${s + 1}/${sheets} 页 · ${w.back}`,
      'back',
      batch.map((doc) => () => drawBack(pdf, doc, w)),
    );
  }
  pdf.end();
  return finished;
}

// The grid is centred on the page, so mirroring a cell across the page's middle swaps its column.
function drawSheet(pdf: Pdf, note: string, side: 'front' | 'back', cards: Array<() => void>): void {
  const { width, height } = pdf.page;
  const left = (width - sheet.columns * card.width) / 2;
  const top = (height - sheet.rows * card.height) / 2;
  drawCropMarks(pdf, left, top);
  cards.forEach((draw, slot) => {
    const row = Math.floor(slot / sheet.columns);
    const column = slot % sheet.columns;
    const shown = side === 'front' ? column : sheet.columns - 1 - column;
    pdf.save().translate(left + shown * card.width, top + row * card.height);
    pdf.rect(0, 0, card.width, card.height).clip();
    draw();
    pdf.restore();
  });
  // The note sits in the bottom margin beside the middle crop mark, on the half a duplex flip keeps it on.
  pdf.font('regular').fontSize(6.5);
  const noteWidth = pdf.widthOfString(note);
  const x = side === 'front' ? left + 8 : width - left - 8 - noteWidth;
  pdf.fillColor('#8c8c8c').text(note, x, height - top / 2 - inkCentre * 6.5, { lineBreak: false });
}

// Short light lines in the margin, 3 mm clear of the grid, on every cut line.
function drawCropMarks(pdf: Pdf, left: number, top: number): void {
  const right = left + sheet.columns * card.width;
  const bottom = top + sheet.rows * card.height;
  const gap = mm(3);
  const length = mm(5);
  for (let c = 0; c <= sheet.columns; c++) {
    const x = left + c * card.width;
    pdf
      .moveTo(x, top - gap - length)
      .lineTo(x, top - gap)
      .moveTo(x, bottom + gap)
      .lineTo(x, bottom + gap + length);
  }
  for (let r = 0; r <= sheet.rows; r++) {
    const y = top + r * card.height;
    pdf
      .moveTo(left - gap - length, y)
      .lineTo(left - gap, y)
      .moveTo(right + gap, y)
      .lineTo(right + gap + length, y);
  }
  pdf.lineWidth(0.35).strokeColor('#9a9a9a').stroke();
}

const cardCss = `
@page { size: 90mm 54mm; margin: 0; }
.sheet.card { position: relative; width: 90mm; height: 54mm; margin: 10mm auto; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,.18); overflow: hidden; color: ${ink}; font-size: 6.5pt; line-height: 1.35; }
@media print { .sheet.card { break-after: page; } .sheet.card:last-child { break-after: auto; } }
.card .line { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.card ul { list-style: none; margin: 0; padding: 0; }
.front .band { position: absolute; inset: 0 0 auto; height: 28.2pt; padding: 0 ${pad}pt; background: ${red}; border-bottom: 1.2pt solid ${gold}; display: flex; align-items: center; gap: 3.5pt; }
.front .star { width: 13pt; height: 13pt; flex: none; }
.front h1 { margin: 0; font-size: 12pt; letter-spacing: 2pt; color: #fff; white-space: nowrap; }
.front .subtitle { margin: 0 0 0 auto; font-size: 6.5pt; color: ${paleGold}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
:lang(en) .front h1 { font-size: 10pt; letter-spacing: 0; }
:lang(en) .front .subtitle { font-size: 6pt; line-height: 1.2; text-align: right; white-space: normal; }
.front .who { position: absolute; left: ${pad}pt; right: ${pad}pt; top: 33pt; height: 24pt; display: flex; align-items: center; gap: 8pt; }
.front .name { flex: 0 1 auto; min-width: 0; font-size: 17pt; font-weight: 700; letter-spacing: 1pt; }
.front .name.long { font-size: 13pt; letter-spacing: .5pt; }
.front .name.longer { font-size: 11pt; letter-spacing: 0; }
.front .tags { flex: 1 1 0; min-width: 0; height: 11pt; display: flex; flex-wrap: wrap; align-items: flex-start; align-content: flex-start; justify-content: flex-end; gap: 3pt; overflow: hidden; }
.front .tags li { border: .6pt solid ${red}; border-radius: 1.5pt; padding: 0 2.5pt; font-size: 6pt; line-height: 8.6pt; color: ${red}; white-space: nowrap; }
.front .studio { position: absolute; left: ${pad}pt; right: ${pad}pt; top: 55pt; font-size: 8pt; font-weight: 700; color: ${red}; }
.front .unit { position: absolute; left: ${pad}pt; right: ${pad}pt; top: 65.5pt; color: ${muted}; }
.front .items { position: absolute; left: ${pad}pt; right: ${pad}pt; top: 77.5pt; padding-top: 3.5pt; border-top: .5pt solid ${rule}; }
.front .items li { position: relative; padding-left: 7pt; line-height: 9pt; }
.front .items li::before { content: ""; position: absolute; left: .8pt; top: 3.3pt; width: 2.4pt; height: 2.4pt; background: ${red}; transform: rotate(45deg); }
.front .contact { position: absolute; inset: auto 0 0; height: ${card.height - footer.top}pt; padding: 0 ${pad}pt; background: ${tint}; border-top: .6pt solid ${red}; display: flex; flex-direction: column; justify-content: center; gap: 1.5pt; }
.front .contact b { color: ${red}; margin-right: 5pt; }
.back .qr { position: absolute; left: ${qr.left}pt; top: ${qr.top}pt; width: ${qr.side}pt; height: ${qr.side}pt; outline: .6pt solid ${gold}; outline-offset: 2pt; }
.back .qr svg { display: block; width: 100%; height: 100%; }
.back .side { position: absolute; left: ${qr.left + qr.side + 12}pt; right: ${pad}pt; top: 12pt; height: ${qr.side + 1}pt; display: flex; flex-direction: column; }
.back .caption { margin: 0; font-size: 10pt; font-weight: 700; line-height: 14pt; }
:lang(en) .back .caption { font-size: 7.5pt; line-height: 10pt; }
.back .rule { width: 22pt; border-top: 1.2pt solid ${red}; margin: 4pt 0 4pt; }
.back .studio { font-size: 7.5pt; font-weight: 700; color: ${red}; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.back .member { margin-top: 2pt; color: ${muted}; }
.back .url { margin-top: auto; font-size: 6pt; color: ${muted}; overflow-wrap: anywhere; }
.back .url a { color: inherit; text-decoration: none; }
.back .promise { position: absolute; inset: auto 0 0; height: ${card.height - promiseBand.top}pt; background: ${red}; border-top: 1.2pt solid ${gold}; display: flex; align-items: center; justify-content: center; color: #fff; font-size: 9pt; font-weight: 700; letter-spacing: 1.5pt; white-space: nowrap; }
:lang(en) .back .promise { font-size: 7.5pt; letter-spacing: .3pt; }
`;

// CSS cannot fit type to a box: long names (e.g. transliterated ones) are set smaller by their length.
function nameClass(name: string): string {
  const length = Array.from(name).length;
  return length > 9 ? 'name line longer' : length > 6 ? 'name line long' : 'name line';
}

const starSvg = `<svg class="star" viewBox="-6.5 -6.5 13 13" aria-hidden="true"><polygon fill="${paleGold}" points="${starPoints(
  6.5,
)
  .map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`)
  .join(' ')}"/></svg>`;

/** One card, front then back, as a printable HTML page of 90 × 54 mm pages in the reader's language; user text is escaped. */
export function renderServiceCardHtml(doc: ServiceCardDocument, locale: Locale): string {
  const w = wordings[locale];
  const e = escapeHtml;
  const tags = doc.categories.map((c) => `<li>${e(c)}</li>`).join('');
  const items = doc.serviceItems
    .slice(0, maxCardServiceItems)
    .map((i) => `<li class="line">${e(i)}</li>`)
    .join('');
  const phone = doc.contactPhone ? `<div class="line"><b>${e(w.phoneLabel)}</b>${e(doc.contactPhone)}</div>` : '';
  // Only a web address becomes a link: anything else is shown as text.
  const url = /^https?:\/\//i.test(doc.studioUrl)
    ? `<a href="${e(doc.studioUrl)}">${e(doc.studioUrl)}</a>`
    : e(doc.studioUrl);
  const bodyHtml = `<main>
<section class="sheet card front" aria-label="${e(w.front)}">
<header class="band">${starSvg}<h1>${e(w.title)}</h1><p class="subtitle">${e(w.subtitle)}</p></header>
<div class="who"><div class="${nameClass(doc.memberName)}">${e(doc.memberName)}</div>${tags ? `<ul class="tags">${tags}</ul>` : ''}</div>
<div class="studio line">${e(doc.studioName)}</div>
<div class="unit line">${e(doc.unitName)}</div>
<ul class="items">${items}</ul>
<footer class="contact"><div class="line"><b>${e(w.hoursLabel)}</b>${e(doc.openingHours)}</div>${phone}</footer>
</section>
<section class="sheet card back" aria-label="${e(w.back)}">
<div class="qr">${qrCodeSvg(doc.ratingUrl, w.qrCaption.join(locale === 'en' ? ' ' : ''))}</div>
<div class="side"><p class="caption">${e(w.qrCaption[0])}<br>${e(w.qrCaption[1])}</p><div class="rule"></div><div class="studio">${e(doc.studioName)}</div><div class="member line">${e(w.memberLabel)}${w.labelSep}${e(doc.memberName)}</div><div class="url">${url}</div></div>
<footer class="promise">${e(w.promise)}</footer>
</section>
</main>`;
  return htmlPage({ locale, title: `${w.title} · ${doc.memberName}`, css: cardCss, body: bodyHtml });
}
