import { createPdf, mm } from './pdf-document.ts';
import { formatDate } from './document-dates.ts';
import { drawQrCode } from './qr-code.ts';

/** What a walk-in's 服务回执 slip says: where and when the service was, and how to rate it. */
export type ReceiptDocument = {
  studioName: string;
  unitName: string;
  servedAt: string;
  /** The service: its category and how it was given (上门, 集体活动, …). */
  service: string;
  code: string;
  /** The address the QR code holds: the resident rating page with the code filled in. */
  url: string;
  /** Where a resident types the code by hand (the rating page without a code). */
  rateAddress: string;
  expiresAt: string;
};

/** The paper a slip is printed on: an A6 slip, or the same slip filling an A4 page. */
export type ReceiptPaper = 'a6' | 'a4';

const paper = {
  a6: { width: mm(105), height: mm(148), scale: 1 },
  a4: { width: mm(210), height: mm(297), scale: 2 },
} as const;

/** Groups the code in fours so it is read aloud and typed without losing one's place. */
function grouped(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The receipt as a one-page PDF in Chinese, A6 or A4. */
export async function renderReceiptPdf(doc: ReceiptDocument, size: ReceiptPaper): Promise<Buffer> {
  const page = paper[size];
  const k = page.scale;
  const margin = mm(8) * k;
  const width = page.width - 2 * margin;
  const { pdf, finished } = await createPdf({
    title: `服务回执（${doc.studioName}）`,
    subject: doc.service,
    layout: 'portrait',
    size: [page.width, page.height],
    margins: { top: margin, bottom: margin, left: margin, right: margin },
  });
  const line = (text: string, font: 'regular' | 'bold', points: number, gap: number, color = '#111111') => {
    pdf
      .font(font)
      .fontSize(points * k)
      .fillColor(color)
      .text(text, margin, pdf.y, { width, align: 'center' });
    pdf.y += gap * k;
  };
  pdf.y = margin;
  line('服务回执', 'bold', 18, 2, '#b71c1c');
  line('共产党员专业服务工作室 · 服务全程免费', 'regular', 8, 6, '#555555');
  line(doc.studioName, 'bold', 12, 1);
  line(doc.unitName, 'regular', 9, 4, '#333333');
  line(`服务日期：${formatDate(doc.servedAt, 'zh-CN')}`, 'regular', 10, 1);
  line(`服务内容：${doc.service}`, 'regular', 10, 6);
  const side = mm(42) * k;
  const top = pdf.y;
  drawQrCode(pdf, doc.url, (page.width - side) / 2, top, side);
  pdf.y = top + side + 4 * k;
  line('手机扫码，为这次服务评价', 'regular', 9, 2);
  line(`回执码 ${grouped(doc.code)}`, 'bold', 15, 2);
  line(`也可打开 ${doc.rateAddress} 输入回执码`, 'regular', 7.5, 2, '#333333');
  line(`${formatDate(doc.expiresAt, 'zh-CN')}前有效，每张回执评价一次`, 'regular', 7.5, 0, '#333333');
  pdf.end();
  return finished;
}
