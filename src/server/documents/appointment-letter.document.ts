import { formatCertificateDate } from './document-dates.ts';
import { createPdf, type Pdf } from './pdf-document.ts';

/** What a citizen supervisor's appointment letter (聘书) says. */
export type AppointmentLetterDocument = {
  name: string;
  streetName: string;
  cardNumber: string;
  termStart: string;
  termEnd: string;
  appointedOn: string;
};

const red = '#a8151b';
const gold = '#c59a3e';
const paper = '#fffaf0';
const ink = '#231815';
const muted = '#5c5048';

/**
 * The appointment letter as a landscape A4 PDF in Chinese: the street party working committee
 * appoints the resident as its citizen supervisor (群众监督员) for the term, with the card number.
 */
export async function renderAppointmentLetterPdf(doc: AppointmentLetterDocument): Promise<Buffer> {
  const { pdf, finished } = await createPdf({
    title: `聘书（${doc.name}）`,
    subject: `群众监督员证号：${doc.cardNumber}`,
    layout: 'landscape',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
  const { width, height } = pdf.page;
  drawFrame(pdf, width, height);
  pdf
    .font('regular')
    .fontSize(10.5)
    .fillColor(muted)
    .text(`证号：${doc.cardNumber}`, 0, 52, { width: width - 64, align: 'right', lineBreak: false });
  // pdfkit counts the spacing after the last character too; the offset puts the title back in the middle.
  pdf
    .font('bold')
    .fontSize(48)
    .fillColor(red)
    .text('聘书', 12, 96, { width, align: 'center', characterSpacing: 24, lineBreak: false });
  const body =
    `兹聘请 ${doc.name} 同志为${doc.streetName}群众监督员，` +
    `聘期自${formatCertificateDate(doc.termStart, 'zh-CN')}至${formatCertificateDate(doc.termEnd, 'zh-CN')}。` +
    '请按季度走访了解和检查辖区共产党员专业服务工作室的服务质量，如实反映群众意见。';
  pdf
    .font('regular')
    .fontSize(20)
    .fillColor(ink)
    .text(body, 110, 220, { width: width - 220, align: 'left', lineGap: 12, indent: 40 });
  const issuer = `中共${doc.streetName}工作委员会`;
  const date = formatCertificateDate(doc.appointedOn, 'zh-CN');
  pdf.font('bold').fontSize(18);
  const column = Math.max(pdf.widthOfString(issuer), pdf.font('regular').fontSize(15).widthOfString(date)) + 4;
  const right = width - 110;
  pdf
    .font('bold')
    .fontSize(18)
    .text(issuer, right - column, height - 170, { width: column, align: 'center', lineBreak: false });
  pdf
    .font('regular')
    .fontSize(15)
    .text(date, right - column, height - 136, { width: column, align: 'center', lineBreak: false });
  pdf.end();
  return finished;
}

// A red band and gold lines, in the style of the plaque certificate.
function drawFrame(pdf: Pdf, width: number, height: number): void {
  pdf.rect(0, 0, width, height).fill(red);
  pdf.rect(22, 22, width - 44, height - 44).fill(paper);
  pdf
    .rect(30, 30, width - 60, height - 60)
    .lineWidth(1.6)
    .strokeColor(gold)
    .stroke();
  pdf
    .rect(35, 35, width - 70, height - 70)
    .lineWidth(0.5)
    .stroke();
}
