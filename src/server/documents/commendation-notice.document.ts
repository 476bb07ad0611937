import type { CommendationNoticeContent } from '../../domain/evaluation/notice.ts';
import { formatCertificateDate } from './document-dates.ts';
import { createPdf, mm } from './pdf-document.ts';

const red = '#e60000';
const ink = '#000000';

// GB/T 9704 proportions: A4, margins 37/35/28/26 mm, the issuer in red above the document
// number and a red rule, the title centred, the body in 三号 (16 pt) on a 28.9 pt line with a
// two-character indent, the issuer and date at the foot on the right. The Chinese font is the
// one embedded for every document (Noto Serif SC), so the PDF prints the same everywhere.

/** The commendation notice (通报表扬) as an A4 PDF with its Chinese font embedded. */
export async function renderCommendationNoticePdf(c: CommendationNoticeContent): Promise<Buffer> {
  const margins = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
  const { pdf, finished } = await createPdf({ title: c.title, subject: c.number, layout: 'portrait', margins });
  const width = pdf.page.width - margins.left - margins.right;
  const left = margins.left;
  const body = { width, align: 'justify' as const, lineGap: 28.9 - 16 * 1.3, indent: 32 };

  pdf.font('bold').fontSize(30).fillColor(red).text(c.issuer, left, margins.top, { width, align: 'center' });
  pdf.moveDown(0.6);
  pdf.font('regular').fontSize(16).fillColor(ink).text(c.number, { width, align: 'center' });
  const ruleY = pdf.y + 8;
  pdf
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(red)
    .stroke();
  pdf.y = ruleY + 28;
  pdf.font('bold').fontSize(22).text(c.title, left, pdf.y, { width, align: 'center', lineGap: 6 });
  pdf.moveDown(1);
  pdf.font('regular').fontSize(16).text('各街道党工委，各社区党组织：', left, pdf.y, { width });
  pdf.text(c.opening, left, pdf.y, body);
  for (const s of c.studios) pdf.text(s.paragraph, left, pdf.y, body);
  pdf.text(c.closing, left, pdf.y, body);

  // The issuer and the date, right-aligned together, kept on one page.
  const date = formatCertificateDate(c.issuedOn, 'zh-CN');
  const column = Math.max(pdf.widthOfString(c.issuer), pdf.widthOfString(date)) + 8;
  if (pdf.y + 120 > pdf.page.height - margins.bottom) pdf.addPage();
  const top = pdf.y + 48;
  const x = left + width - column - 32;
  pdf.text(c.issuer, x, top, { width: column, align: 'center', lineBreak: false });
  pdf.text(date, x, top + 28.9, { width: column, align: 'center', lineBreak: false });
  pdf.end();
  return finished;
}
