import { loadPdfKit } from '../heavy-modules.ts';
import { fontData } from './document-fonts.ts';

/** A pdfkit document being drawn. */
export type Pdf = PDFKit.PDFDocument;

/** What a rendered document says about itself in the PDF's properties. */
export type PdfSetup = {
  title: string;
  subject: string;
  layout: 'portrait' | 'landscape';
  margins: { top: number; bottom: number; left: number; right: number };
  /** The page as [short side, long side] in points, turned by `layout`; A4 when absent. */
  size?: [number, number];
};

/** Points in `mm` millimetres: page sizes and print geometry are specified in millimetres. */
export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}

/** Starts a document (A4 unless `size` says otherwise) with the Chinese fonts registered as `regular` and `bold`, and collects its bytes. */
export async function createPdf(setup: PdfSetup): Promise<{ pdf: Pdf; finished: Promise<Buffer> }> {
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: setup.size ?? 'A4',
    layout: setup.layout,
    margins: setup.margins,
    // Page numbers are written after the body, when the page count is known.
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: setup.title, Subject: setup.subject, Author: '惠民 Huimin', Creator: '惠民 Huimin' },
  });
  pdf.registerFont('regular', fontData('regular'));
  pdf.registerFont('bold', fontData('bold'));
  pdf.font('regular');
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, finished };
}
