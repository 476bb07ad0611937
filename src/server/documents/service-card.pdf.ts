// Drawing the service card's front and back into a PDF (service-card.document.ts lays them out on pages).
import type { Pdf } from './pdf-document.ts';
import { drawQrCode } from './qr-code.ts';
import type { ServiceCardDocument } from './service-card.document.ts';
import {
  card,
  gold,
  ink,
  inkCentre,
  maxCardServiceItems,
  minType,
  muted,
  pad,
  paleGold,
  red,
  rule,
  tint,
  white,
  type CardWording,
} from './service-card.style.ts';

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

/** The ten corners (outer and inner) of a five-pointed star of this radius around (0, 0), point up. */
export function starPoints(radius: number): Array<[number, number]> {
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? radius : radius * 0.4;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

const header = { height: 27 };
/** Where the front's contact footer starts, in points from the top. */
export const footer = { top: 121 };

/** The front, in the card's own coordinates (0, 0)–(card.width, card.height). */
export function drawFront(pdf: Pdf, doc: ServiceCardDocument, w: CardWording): void {
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

/** Where the back's QR code sits, and where its red promise band starts, in points. */
export const qr = { left: 14, top: 12, side: 106 };
export const promiseBand = { top: 125 };

/** The back: the QR code to rate the studio, what it leads to, and the unpaid promise on a red band. */
export function drawBack(pdf: Pdf, doc: ServiceCardDocument, w: CardWording): void {
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
