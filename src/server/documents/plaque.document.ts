import type { Locale } from '../../contract/common.ts';
import { formatCertificateDate } from './document-dates.ts';
import { escapeHtml, htmlPage } from './html-page.ts';
import { createPdf } from './pdf-document.ts';
import type { Pdf } from './pdf-document.ts';
import { drawQrCode, qrCodeSvg } from './qr-code.ts';

/** What the certificate that goes with a studio's plaque (牌匾证书) says. */
export type PlaqueDocument = {
  plaqueNumber: string;
  studioName: string;
  unitName: string;
  streetName: string;
  leaderName: string;
  categories: string[];
  awardedAt: string;
  publicUrl: string;
};

type PlaqueWording = {
  title: string;
  numberLabel: string;
  leaderLabel: string;
  unitLabel: string;
  categoriesLabel: string;
  listSep: string;
  labelSep: string;
  qrCaption: string;
  committee: (street: string) => string;
};

const wordings: Record<Locale, PlaqueWording> = {
  'zh-CN': {
    title: '共产党员专业服务工作室',
    numberLabel: '牌匾编号',
    leaderLabel: '领办党员',
    unitLabel: '所在单位',
    categoriesLabel: '服务类别',
    listSep: '、',
    labelSep: '\u3000',
    qrCaption: '扫码查看服务信息',
    committee: (s) => `中共${s}工作委员会`,
  },
  'zh-TW': {
    title: '共產黨員專業服務工作室',
    numberLabel: '牌匾編號',
    leaderLabel: '領辦黨員',
    unitLabel: '所在單位',
    categoriesLabel: '服務類別',
    listSep: '、',
    labelSep: '\u3000',
    qrCaption: '掃碼查看服務資訊',
    committee: (s) => `中共${s}工作委員會`,
  },
  en: {
    title: 'Party Member Professional Service Studio',
    numberLabel: 'Plaque No.',
    leaderLabel: 'Led by',
    unitLabel: 'Unit',
    categoriesLabel: 'Services',
    listSep: ', ',
    labelSep: ': ',
    qrCaption: 'Scan for services and opening hours',
    committee: (s) => `CPC ${s} Working Committee`,
  },
};

const red = '#a8151b';
const gold = '#c59a3e';
const goldInk = '#8a6a25';
const paper = '#fffaf0';
const ink = '#231815';
const muted = '#5c5048';

/** The plaque certificate as a landscape A4 PDF in Chinese, with a QR code of the studio's public page. */
export async function renderPlaquePdf(doc: PlaqueDocument): Promise<Buffer> {
  const w = wordings['zh-CN'];
  const margins = { top: 0, bottom: 0, left: 0, right: 0 };
  const { pdf, finished } = await createPdf({
    title: `${w.title}（${doc.studioName}）`,
    subject: `${w.numberLabel}：${doc.plaqueNumber}`,
    layout: 'landscape',
    margins,
  });
  const { width, height } = pdf.page;
  const cx = width / 2;
  drawFrame(pdf, width, height);
  pdf
    .font('regular')
    .fontSize(10.5)
    .fillColor(goldInk)
    .text(`${w.numberLabel}：${doc.plaqueNumber}`, 0, 52, { width: width - 64, align: 'right', lineBreak: false });
  drawStar(pdf, cx, 92, 24);
  // pdfkit counts the spacing after the last character too; half of it shifts the title back to the middle.
  pdf
    .font('bold')
    .fontSize(30)
    .fillColor(red)
    .text(w.title, 4, 128, { width, align: 'center', characterSpacing: 8, lineBreak: false });
  drawDivider(pdf, cx, 190);
  drawStudioName(pdf, doc.studioName, cx, 248, 620);
  pdf.font('regular').fontSize(14).fillColor(muted);
  const details = `${w.leaderLabel}${w.labelSep}${doc.leaderName}\u3000\u3000\u3000${w.unitLabel}${w.labelSep}${doc.unitName}`;
  pdf.text(details, 90, 318, { width: width - 180, align: 'center' });
  if (doc.categories.length > 0)
    pdf.fontSize(13).text(`${w.categoriesLabel}${w.labelSep}${doc.categories.join(w.listSep)}`, 90, pdf.y + 6, {
      width: width - 180,
      align: 'center',
    });
  const qrSide = 104;
  drawQrCode(pdf, doc.publicUrl, 78, height - 78 - qrSide - 16, qrSide);
  pdf
    .font('regular')
    .fontSize(9)
    .fillColor(muted)
    .text(w.qrCaption, 78 - 20, height - 86, { width: qrSide + 40, align: 'center', lineBreak: false });
  drawIssuer(pdf, w.committee(doc.streetName), formatCertificateDate(doc.awardedAt, 'zh-CN'), width - 84, height - 150);
  pdf.end();
  return finished;
}

// A red band, a gold line either side of it, and gold corner marks: the look of an award certificate.
function drawFrame(pdf: Pdf, width: number, height: number): void {
  pdf.rect(0, 0, width, height).fill(red);
  pdf.rect(22, 22, width - 44, height - 44).fill(paper);
  pdf
    .rect(14, 14, width - 28, height - 28)
    .lineWidth(1.2)
    .strokeColor(gold)
    .stroke();
  pdf
    .rect(30, 30, width - 60, height - 60)
    .lineWidth(1.6)
    .strokeColor(gold)
    .stroke();
  pdf
    .rect(35, 35, width - 70, height - 70)
    .lineWidth(0.5)
    .stroke();
  for (const [x, y] of [
    [35, 35],
    [width - 35, 35],
    [35, height - 35],
    [width - 35, height - 35],
  ] as const) {
    diamond(pdf, x, y, 7).fill(gold);
    diamond(pdf, x, y, 3).fill(paper);
  }
}

// The awarding body ends at the right margin and the date sits centred under it, where the seal is pressed.
function drawIssuer(pdf: Pdf, issuer: string, date: string, right: number, top: number): void {
  pdf.font('bold').fontSize(17);
  const column = Math.max(pdf.widthOfString(issuer), pdf.font('regular').fontSize(14).widthOfString(date));
  pdf
    .font('bold')
    .fontSize(17)
    .fillColor(ink)
    .text(issuer, right - column, top, { width: column, align: 'center', lineBreak: false });
  pdf
    .font('regular')
    .fontSize(14)
    .text(date, right - column, top + 32, { width: column, align: 'center', lineBreak: false });
}

function diamond(pdf: Pdf, x: number, y: number, r: number): Pdf {
  return pdf.polygon([x, y - r], [x + r, y], [x, y + r], [x - r, y]);
}

// A gold five-pointed star on a red disc; the party emblem itself is not reproduced.
function drawStar(pdf: Pdf, cx: number, cy: number, radius: number): void {
  pdf.circle(cx, cy, radius).fill(red);
  pdf
    .circle(cx, cy, radius - 2.5)
    .lineWidth(0.8)
    .strokeColor(gold)
    .stroke();
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? radius * 0.68 : radius * 0.27;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  pdf.polygon(...points).fill(gold);
}

function drawDivider(pdf: Pdf, cx: number, y: number): void {
  pdf
    .moveTo(cx - 190, y)
    .lineTo(cx - 14, y)
    .moveTo(cx + 14, y)
    .lineTo(cx + 190, y)
    .lineWidth(0.8)
    .strokeColor(gold)
    .stroke();
  diamond(pdf, cx, y, 5).fill(gold);
}

// The name is the certificate's point: as large as fits on one line, and on two lines only when very long.
function drawStudioName(pdf: Pdf, name: string, cx: number, middle: number, maxWidth: number): void {
  pdf.font('bold').fillColor(ink);
  let size = 46;
  while (size > 28 && pdf.fontSize(size).widthOfString(name) > maxWidth) size -= 2;
  pdf.fontSize(size);
  const height = pdf.heightOfString(name, { width: maxWidth, align: 'center' });
  pdf.text(name, cx - maxWidth / 2, middle - height / 2, { width: maxWidth, align: 'center' });
}

const plaqueCss = `
@page { size: A4 landscape; margin: 0; }
.sheet { position: relative; width: 297mm; height: 210mm; margin: 12mm auto; background: ${red}; box-shadow: 0 2px 12px rgba(0,0,0,.18); overflow: hidden; break-after: avoid; }
.frame { position: absolute; inset: 7.8mm; background: ${paper}; outline: .45mm solid ${gold}; outline-offset: 2.8mm; }
.frame::before { content: ""; position: absolute; inset: 2.8mm; border: .55mm solid ${gold}; box-shadow: inset 0 0 0 1.6mm ${paper}, inset 0 0 0 1.8mm ${gold}; }
.content { position: absolute; inset: 0; text-align: center; color: ${ink}; }
.number { position: absolute; top: 18mm; right: 22.6mm; font-size: 10.5pt; color: ${goldInk}; }
.star { width: 17mm; height: 17mm; margin: 14mm auto 0; display: block; }
h1 { margin: 4mm 0 0; font-size: 30pt; letter-spacing: .28em; color: ${red}; line-height: 1.3; }
:lang(en) h1 { font-size: 24pt; letter-spacing: .04em; }
:lang(en) .name { font-size: 36pt; }
.divider { width: 134mm; height: 0; margin: 5mm auto 0; border-top: .3mm solid ${gold}; }
.name { margin: 12mm 20mm 0; font-size: 44pt; font-weight: 700; line-height: 1.25; overflow-wrap: anywhere; }
.details { margin-top: 10mm; font-size: 14pt; color: ${muted}; }
.details span + span { margin-left: 2.5em; }
.categories { margin-top: 2mm; font-size: 13pt; color: ${muted}; }
.qr { position: absolute; left: 19.7mm; bottom: 19.7mm; width: 36.7mm; text-align: center; font-size: 9pt; color: ${muted}; }
.qr svg { width: 36.7mm; height: 36.7mm; display: block; }
.issuer { position: absolute; right: 22.6mm; bottom: 34mm; text-align: right; }
.issuer .body { font-size: 17pt; font-weight: 700; }
.issuer .date { margin-top: 3mm; font-size: 14pt; }
`;

const starSvg = `<svg class="star" viewBox="-24 -24 48 48" aria-hidden="true"><circle r="24" fill="${red}"/><circle r="21.5" fill="none" stroke="${gold}" stroke-width=".8"/><polygon fill="${gold}" points="${starPoints(24)}"/></svg>`;

function starPoints(radius: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? radius * 0.68 : radius * 0.27;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${(r * Math.cos(angle)).toFixed(2)},${(r * Math.sin(angle)).toFixed(2)}`;
  }).join(' ');
}

/** The plaque certificate as a printable landscape A4 HTML page in the reader's language; user text is escaped. */
export function renderPlaqueHtml(doc: PlaqueDocument, locale: Locale): string {
  const w = wordings[locale];
  const e = escapeHtml;
  const categories =
    doc.categories.length > 0
      ? `<div class="categories">${e(w.categoriesLabel)}${w.labelSep}${e(doc.categories.join(w.listSep))}</div>`
      : '';
  const bodyHtml = `<main class="sheet"><div class="frame"></div><div class="content">
<div class="number">${e(w.numberLabel)}${locale === 'en' ? ' ' : '：'}${e(doc.plaqueNumber)}</div>
${starSvg}
<h1>${e(w.title)}</h1>
<div class="divider"></div>
<div class="name">${e(doc.studioName)}</div>
<div class="details"><span>${e(w.leaderLabel)}${w.labelSep}${e(doc.leaderName)}</span><span>${e(w.unitLabel)}${w.labelSep}${e(doc.unitName)}</span></div>
${categories}
<div class="qr">${qrCodeSvg(doc.publicUrl, w.qrCaption)}<div>${e(w.qrCaption)}</div></div>
<div class="issuer"><div class="body">${e(w.committee(doc.streetName))}</div><div class="date">${e(formatCertificateDate(doc.awardedAt, locale))}</div></div>
</div></main>`;
  return htmlPage({ locale, title: `${w.title} · ${doc.studioName}`, css: plaqueCss, body: bodyHtml });
}
