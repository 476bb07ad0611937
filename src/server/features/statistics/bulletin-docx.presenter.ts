import { AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, TabStopType, TextRun } from 'docx';
import { chineseDate } from '../../../domain/text/chinese-date.ts';
import { renderText, type BulletinContent } from '../../../domain/statistics/bulletin.ts';

// The bulletin as Word: GB/T 9704 page and type (A4; title 二号 方正小标宋简体, body 三号
// 仿宋_GB2312 on a 28.9 pt line), the 简报 masthead in red with its number, the issuer on the
// left and the date on the right above a red rule, and the 报/送/发 lines with 共印 N 份 at
// the foot. Word falls back to an installed Song or Fangsong face where the official fonts are
// missing; the print view lists the open fonts it falls back to.

const RED = 'E60000';
const TITLE_FONT = '方正小标宋简体';
const BODY_FONT = '仿宋_GB2312';
const HEI_FONT = '黑体';
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const pt = (v: number) => v * 2;

const font = (name: string) => ({ name, eastAsia: name, ascii: 'Times New Roman', hAnsi: 'Times New Roman' });

function body(text: string, o: { indent?: boolean; bold?: string } = {}): Paragraph {
  const runs: TextRun[] = [];
  if (o.bold) runs.push(new TextRun({ text: o.bold, font: font(HEI_FONT), size: pt(16) }));
  runs.push(new TextRun({ text, font: font(BODY_FONT), size: pt(16) }));
  return new Paragraph({
    children: runs,
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: pt(16) * 20 },
    spacing: { line: Math.round(28.9 * 20), lineRule: LineRuleType.EXACT },
  });
}

/** The bulletin as a .docx file. */
export async function bulletinDocx(c: BulletinContent): Promise<Buffer> {
  const r = (t: string) => renderText(t, c.figures);
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 4 } };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  const doc = new Document({
    creator: 'Huimin',
    title: r(c.title),
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
            children: [
              new TextRun({
                text: c.masthead.name.split('').join(' '),
                font: font(TITLE_FONT),
                size: pt(42),
                color: RED,
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 120, after: 240 },
            children: [new TextRun({ text: `第 ${c.masthead.number} 期`, font: font(BODY_FONT), size: pt(16) })],
          }),
          new Paragraph({
            border: rule,
            tabStops: [{ type: TabStopType.RIGHT, position: mm(156) }],
            spacing: { after: 480 },
            children: [
              new TextRun({ text: c.masthead.issuer, font: font(BODY_FONT), size: pt(16) }),
              new TextRun({ text: `\t${chineseDate(c.masthead.date)}`, font: font(BODY_FONT), size: pt(16) }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new TextRun({ text: r(c.title), font: font(TITLE_FONT), size: pt(22) })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [new TextRun({ text: r(c.subtitle), font: font('楷体_GB2312'), size: pt(16) })],
          }),
          body(r(c.opening)),
          ...c.sections.flatMap((s) => s.paragraphs.map((p, i) => body(r(p), i === 0 ? { bold: s.lead } : {}))),
          new Paragraph({ spacing: { before: 720 }, border: { top: thin }, children: [] }),
          ...(
            [
              ['报：', c.tail.report],
              ['送：', c.tail.send],
              ['发：', c.tail.distribute],
            ] as const
          ).map(
            ([k, v]) =>
              new Paragraph({
                children: [new TextRun({ text: `${k}${v}`, font: font(BODY_FONT), size: pt(14) })],
                indent: { left: pt(14) * 10 },
              }),
          ),
          new Paragraph({
            border: { bottom: thin, top: thin },
            tabStops: [{ type: TabStopType.RIGHT, position: mm(156) }],
            children: [
              new TextRun({ text: c.masthead.issuer, font: font(BODY_FONT), size: pt(14) }),
              new TextRun({ text: `\t共印 ${c.tail.copies} 份`, font: font(BODY_FONT), size: pt(14) }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
