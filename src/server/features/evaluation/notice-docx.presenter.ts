import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TextRun } from 'docx';
import type { CommendationNoticeContent } from '../../../domain/evaluation/notice.ts';
import { chineseDate } from '../../../domain/text/chinese-date.ts';

// The commendation notice as Word, in the type of an official notice (GB/T 9704, as the
// bulletin): A4 with 37/35/28/26 mm margins; the issuer in red 方正小标宋简体 as the masthead, the
// document number under it and a red rule; the title in 二号 小标宋; the body in 三号 仿宋_GB2312
// on a 28.9 pt line with a two-character indent; the issuer and date at the foot on the right.

const RED = 'E60000';
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const pt = (v: number) => v * 2;
const font = (name: string) => ({ name, eastAsia: name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });
const line = { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT };

function body(text: string, indent = true): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: font(BODY_FONT), size: pt(16) })],
    alignment: AlignmentType.JUSTIFIED,
    indent: indent ? { firstLine: pt(16) * 20 } : undefined,
    spacing: line,
  });
}

function right(text: string, o: { before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    indent: { right: pt(16) * 40 },
    spacing: { ...line, before: o.before ?? 0 },
    children: [new TextRun({ text, font: font(BODY_FONT), size: pt(16) })],
  });
}

/** The commendation notice as a .docx file. */
export async function commendationNoticeDocx(c: CommendationNoticeContent): Promise<Buffer> {
  const doc = new Document({
    creator: 'Huimin',
    title: c.title,
    subject: c.number,
    styles: { default: { document: { run: { font: font(BODY_FONT), size: pt(16) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: c.issuer, font: font(TITLE_FONT), size: pt(30), color: RED })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 120 },
            border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
            children: [new TextRun({ text: c.number, font: font(BODY_FONT), size: pt(16) })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 480, after: 360 },
            children: [new TextRun({ text: c.title, font: font(TITLE_FONT), size: pt(22) })],
          }),
          body('各街道党工委，各社区党组织：', false),
          body(c.opening),
          ...c.studios.map((s) => body(s.paragraph)),
          body(c.closing),
          right(c.issuer, { before: 720 }),
          right(chineseDate(c.issuedOn)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
