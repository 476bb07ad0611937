import type { Locale } from '../../contract/common.ts';
import { escapeHtml, htmlPage } from './html-page.ts';
import { createPdf, mm } from './pdf-document.ts';
import type { Pdf } from './pdf-document.ts';
import { drawQrCode, qrCodeSvg } from './qr-code.ts';

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
export const maxCardServiceItems = 4;

type CardWording = {
  title: string;
  subtitle: string;
  hoursLabel: string;
  phoneLabel: string;
  memberLabel: string;
  labelSep: string;
  /** The caption under the QR code, in two lines set one under the other. */
  qrCaption: [string, string];
  promise: string;
  /** Put after the last category shown when not all of them fit. */
  more: string;
  front: string;
  back: string;
};

const wordings: Record<Locale, CardWording> = {
  'zh-CN': {
    title: '便民服务卡',
    subtitle: '共产党员专业服务工作室',
    hoursLabel: '服务时间',
    phoneLabel: '联系电话',
    memberLabel: '服务党员',
    labelSep: '：',
    qrCaption: ['扫码查看工作室', '并评价服务'],
    promise: '无偿服务 · 不收取任何费用',
    more: '等',
    front: '正面',
    back: '背面',
  },
  'zh-TW': {
    title: '便民服務卡',
    subtitle: '共產黨員專業服務工作室',
    hoursLabel: '服務時間',
    phoneLabel: '聯絡電話',
    memberLabel: '服務黨員',
    labelSep: '：',
    qrCaption: ['掃碼查看工作室', '並評價服務'],
    promise: '無償服務 · 不收取任何費用',
    more: '等',
    front: '正面',
    back: '背面',
  },
  en: {
    title: 'Community Service Card',
    subtitle: 'Party Member Professional Service Studio',
    hoursLabel: 'Hours',
    phoneLabel: 'Phone',
    memberLabel: 'Party member',
    labelSep: ': ',
    qrCaption: ['Scan to view the studio', 'and rate our service'],
    promise: 'Voluntary service · no fees of any kind',
    more: '…',
    front: 'Front',
    back: 'Back',
  },
};

const red = '#a8151b';
const gold = '#c59a3e';
const paleGold = '#f6e3b4';
const rule = '#e4d3ad';
const tint = '#fbf0ec';
const ink = '#231815';
const muted = '#5c5048';
const white = '#ffffff';

// The ISO 7810 ID-1 business card is 85.6 × 54 mm; Chinese cards are 90 × 54 mm.
const card = { width: mm(90), height: mm(54) };
// Content keeps 12 pt (4.2 mm) from the trimmed edge, so a slightly off cut or duplex registration leaves it whole.
const pad = 12;
// Nothing on a card is set smaller than this: 6 pt is about the smallest type read comfortably at arm's length.
const minType = 6;
// Noto Serif SC puts the baseline 1.151 em under the top of the line and the ideographs' ink 0.083–0.833 em above it:
// a line whose top is `centre - inkCentre × size` has its ink centred on `centre`.
const inkCentre = 1.151 - 0.375;

const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };

/** One card as a 90 × 54 mm PDF of two pages, front then back, in Chinese. */
export async function renderServiceCardPdf(doc: ServiceCardDocument): Promise<Buffer> {
  const w = wordings['zh-CN'];
  const { pdf, finished } = createPdf({
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
  const { pdf, finished } = createPdf({
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

type Face = { font: 'regular' | 'bold'; size: number; color: string; spacing?: number };

// The text as it fits `maxWidth` on one line: the type shrinks toward `minSize`, then the text is cut short with an ellipsis.
function fitLine(
  pdf: Pdf,
  text: string,
  face: Face,
  maxWidth: number,
  minSize: number,
): { text: string; size: number; width: number } {
  const measure = (t: string, size: number) =>
    pdf
      .font(face.font)
      .fontSize(size)
      .widthOfString(t, { characterSpacing: face.spacing ?? 0 });
  let size = face.size;
  while (size > minSize && measure(text, size) > maxWidth) size = Math.max(minSize, size - 0.5);
  if (measure(text, size) <= maxWidth) return { text, size, width: measure(text, size) };
  const chars = Array.from(text);
  while (chars.length > 1 && measure(`${chars.join('')}…`, size) > maxWidth) chars.pop();
  const cut = `${chars.join('').trimEnd()}…`;
  return { text: cut, size, width: measure(cut, size) };
}

/** Sets one line, never wrapped, with its ink centred on `centre`; returns its width. */
function drawLine(
  pdf: Pdf,
  text: string,
  x: number,
  centre: number,
  face: Face,
  fit: { maxWidth: number; align?: 'left' | 'center' | 'right'; minSize?: number },
): number {
  const line = fitLine(pdf, text, face, fit.maxWidth, fit.minSize ?? face.size);
  const left = fit.align === 'right' ? x - line.width : fit.align === 'center' ? x - line.width / 2 : x;
  pdf
    .font(face.font)
    .fontSize(line.size)
    .fillColor(face.color)
    .text(line.text, left, centre - inkCentre * line.size, { lineBreak: false, characterSpacing: face.spacing ?? 0 });
  return line.width;
}

/** Sets wrapped text of at most `maxLines` lines (the last cut short with an ellipsis); returns where it ends. */
function drawBlock(
  pdf: Pdf,
  text: string,
  x: number,
  top: number,
  face: Face,
  width: number,
  maxLines: number,
  link?: string,
): number {
  pdf.font(face.font).fontSize(face.size).fillColor(face.color);
  const height = Math.min(pdf.heightOfString(text, { width }), maxLines * pdf.currentLineHeight(true));
  // A height makes pdfkit stop (with the ellipsis) instead of starting a new page.
  pdf.text(text, x, top, { width, height: height + 0.5, ellipsis: true, ...(link ? { link } : {}) });
  return top + height;
}

function blockHeight(pdf: Pdf, text: string, face: Face, width: number, maxLines: number): number {
  pdf.font(face.font).fontSize(face.size);
  return Math.min(pdf.heightOfString(text, { width }), maxLines * pdf.currentLineHeight(true));
}

// A five-pointed star; the party emblem itself is not reproduced.
function drawStar(pdf: Pdf, cx: number, cy: number, radius: number, colour: string): void {
  pdf.polygon(...starPoints(radius).map(([x, y]): [number, number] => [cx + x, cy + y])).fill(colour);
}

function starPoints(radius: number): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? radius : radius * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

const header = { height: 27 };
const footer = { top: 121 };

// The front, in the card's own coordinates (0, 0)–(card.width, card.height).
function drawFront(pdf: Pdf, doc: ServiceCardDocument, w: CardWording): void {
  const { width, height } = card;
  const inner = width - 2 * pad;
  pdf.rect(0, 0, width, height).fill(white);

  // A red band with the card's name, and the studio programme it belongs to, over a gold line.
  pdf.rect(0, 0, width, header.height).fill(red);
  pdf.rect(0, header.height, width, 1.2).fill(gold);
  const middle = header.height / 2;
  drawStar(pdf, pad + 6, middle, 6.5, paleGold);
  const titleWidth = drawLine(
    pdf,
    w.title,
    pad + 16,
    middle,
    { font: 'bold', size: 12, color: white, spacing: 2 },
    { maxWidth: inner - 16 },
  );
  drawLine(
    pdf,
    w.subtitle,
    width - pad,
    middle + 0.5,
    { font: 'regular', size: 6.5, color: paleGold },
    { maxWidth: inner - 16 - titleWidth - 8, align: 'right', minSize: minType },
  );

  // The member's name is the card's point; the categories sit as red tags at the end of its line.
  // The name comes first: a long one shrinks to 11 pt before tags give way to it.
  const nameCentre = 45;
  const name = { font: 'bold', size: 17, color: ink, spacing: 1 } as const;
  const nameMin = 11;
  let tags = layoutTags(pdf, doc.categories, w, inner * 0.5);
  const smallestName = pdf
    .font(name.font)
    .fontSize(nameMin)
    .widthOfString(doc.memberName, { characterSpacing: name.spacing });
  const fitsBeside = (t: { width: number }) => smallestName <= inner - (t.width > 0 ? t.width + 8 : 0);
  if (!fitsBeside(tags)) tags = layoutTags(pdf, doc.categories, w, Math.max(0, inner - smallestName - 8));
  drawTags(pdf, tags.tags, width - pad, nameCentre, tags.width);
  drawLine(pdf, doc.memberName, pad, nameCentre, name, {
    maxWidth: inner - (tags.width > 0 ? tags.width + 8 : 0),
    minSize: nameMin,
  });
  drawLine(pdf, doc.studioName, pad, 60.5, { font: 'bold', size: 8, color: red }, { maxWidth: inner, minSize: 6.5 });
  drawLine(
    pdf,
    doc.unitName,
    pad,
    70.5,
    { font: 'regular', size: 6.5, color: muted },
    { maxWidth: inner, minSize: minType },
  );
  pdf
    .moveTo(pad, 77.5)
    .lineTo(width - pad, 77.5)
    .lineWidth(0.5)
    .strokeColor(rule)
    .stroke();

  doc.serviceItems.slice(0, maxCardServiceItems).forEach((item, i) => {
    const centre = 85.5 + i * 9;
    diamond(pdf, pad + 2, centre, 1.7).fill(red);
    drawLine(
      pdf,
      item,
      pad + 7,
      centre,
      { font: 'regular', size: 6.5, color: ink },
      { maxWidth: inner - 7, minSize: minType },
    );
  });

  // Opening hours and the phone number on a tinted strip along the bottom.
  pdf.rect(0, footer.top, width, height - footer.top).fill(tint);
  pdf.rect(0, footer.top, width, 0.6).fill(red);
  const contact: Array<[string, string]> = [[w.hoursLabel, doc.openingHours]];
  if (doc.contactPhone) contact.push([w.phoneLabel, doc.contactPhone]);
  const stripMiddle = (footer.top + height) / 2;
  contact.forEach(([label, value], i) => {
    const centre = stripMiddle + (i - (contact.length - 1) / 2) * 10;
    const labelWidth = drawLine(pdf, label, pad, centre, { font: 'bold', size: 6.5, color: red }, { maxWidth: inner });
    drawLine(
      pdf,
      value,
      pad + labelWidth + 5,
      centre,
      { font: 'regular', size: 6.5, color: ink },
      { maxWidth: inner - labelWidth - 5, minSize: minType },
    );
  });
}

const tag = { size: 6, padX: 2.5, gap: 3, height: 10 };

// The category tags that fit in `maxWidth`; when some are left out, the last one shown says so ("…等").
function layoutTags(
  pdf: Pdf,
  categories: string[],
  w: CardWording,
  maxWidth: number,
): { tags: string[]; width: number } {
  pdf.font('regular').fontSize(tag.size);
  const widthOf = (tags: string[]) =>
    tags.reduce((sum, t, i) => sum + pdf.widthOfString(t) + 2 * tag.padX + (i > 0 ? tag.gap : 0), 0);
  let count = categories.length;
  const shown = () => {
    const tags = categories.slice(0, count);
    const last = tags.at(-1);
    if (count < categories.length && last !== undefined) tags[tags.length - 1] = `${last}${w.more}`;
    return tags;
  };
  while (count > 0 && widthOf(shown()) > maxWidth) count--;
  const tags = shown();
  return { tags, width: widthOf(tags) };
}

// Red outlined tags ending at `right`.
function drawTags(pdf: Pdf, tags: string[], right: number, centre: number, width: number): void {
  let x = right - width;
  for (const text of tags) {
    pdf.font('regular').fontSize(tag.size);
    const tw = pdf.widthOfString(text) + 2 * tag.padX;
    pdf
      .roundedRect(x, centre - tag.height / 2, tw, tag.height, 1.5)
      .lineWidth(0.6)
      .strokeColor(red)
      .stroke();
    pdf.fillColor(red).text(text, x + tag.padX, centre - inkCentre * tag.size, { lineBreak: false });
    x += tw + tag.gap;
  }
}

function diamond(pdf: Pdf, x: number, y: number, r: number): Pdf {
  return pdf.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]);
}

const qr = { left: 14, top: 12, side: 106 };
const promiseBand = { top: 125 };

// The back: the QR code to rate the studio, what it leads to, and the unpaid promise on a red band.
function drawBack(pdf: Pdf, doc: ServiceCardDocument, w: CardWording): void {
  const { width, height } = card;
  pdf.rect(0, 0, width, height).fill(white);
  drawQrCode(pdf, doc.ratingUrl, qr.left, qr.top, qr.side);
  pdf
    .rect(qr.left - 2, qr.top - 2, qr.side + 4, qr.side + 4)
    .lineWidth(0.6)
    .strokeColor(gold)
    .stroke();

  const x = qr.left + qr.side + 12;
  const column = width - pad - x;
  const caption = { font: 'bold', size: 10, color: ink } as const;
  drawLine(pdf, w.qrCaption[0], x, 21, caption, { maxWidth: column, minSize: 7 });
  drawLine(pdf, w.qrCaption[1], x, 35, caption, { maxWidth: column, minSize: 7 });
  pdf.rect(x, 44, 22, 1.2).fill(red);
  const studioEnd = drawBlock(pdf, doc.studioName, x, 50, { font: 'bold', size: 7.5, color: red }, column, 2);
  drawLine(
    pdf,
    `${w.memberLabel}${w.labelSep}${doc.memberName}`,
    x,
    studioEnd + 7,
    { font: 'regular', size: 6.5, color: muted },
    { maxWidth: column, minSize: minType },
  );
  // The address in small type, its last line level with the QR code's foot.
  const url = { font: 'regular', size: minType, color: muted } as const;
  const urlHeight = blockHeight(pdf, doc.studioUrl, url, column, 3);
  drawBlock(pdf, doc.studioUrl, x, qr.top + qr.side - urlHeight + 1, url, column, 3, doc.studioUrl);

  pdf.rect(0, promiseBand.top - 1.2, width, 1.2).fill(gold);
  pdf.rect(0, promiseBand.top, width, height - promiseBand.top).fill(red);
  drawLine(
    pdf,
    w.promise,
    width / 2,
    (promiseBand.top + height) / 2,
    { font: 'bold', size: 9, color: white, spacing: 1.5 },
    { maxWidth: width - 2 * pad, align: 'center', minSize: 7 },
  );
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
