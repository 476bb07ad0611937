import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { YearEndSheet } from '../../../contract/evaluation.ts';
import { gradeLabels } from './year-end.presenter.ts';

// One party member's year-end sheet as Word (A4 portrait): a title, a two-column table of the
// year's figures, the suggested grade and the branch's decision with its reason, and lines for
// the branch to sign. The sheet is a suggestion (年终评议党员的重要依据), so it says so.

const FONT = { name: '仿宋_GB2312', eastAsia: '仿宋_GB2312', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const TITLE = { ...FONT, name: '方正小标宋简体', eastAsia: '方正小标宋简体' };
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const text = (t: string, o: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text: t, font: FONT, size: (o.size ?? 14) * 2, bold: o.bold ?? false });
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

function row(label: string, value: string): TableRow {
  return new TableRow({
    children: [
      new TableCell({
        borders,
        width: { size: 30, type: WidthType.PERCENTAGE },
        children: [new Paragraph({ children: [text(label, { bold: true })] })],
      }),
      new TableCell({
        borders,
        width: { size: 70, type: WidthType.PERCENTAGE },
        children: [new Paragraph({ children: [text(value)] })],
      }),
    ],
  });
}

/** The sheet of one member as a .docx file. */
export async function memberSheetDocx(year: number, m: YearEndSheet['members'][number]): Promise<Buffer> {
  const score = (v: number | null) => (v === null ? '未考评' : String(v));
  const quarters = m.quarterScores.map((s, i) => `${['一', '二', '三', '四'][i]}季度 ${score(s)}`).join('；');
  const suggested = m.probationary
    ? '预备党员，不评定等次'
    : m.suggestedGrade
      ? gradeLabels[m.suggestedGrade]
      : '无考评数据';
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row('姓名', m.name),
      row('所在党支部', m.branch ?? '—'),
      row(
        '工作室（角色）',
        m.studios.map((s) => `${s.name}（${s.role === 'leader' ? '负责人' : '成员'}）`).join('；') || '—',
      ),
      row('服务次数 / 服务人次', `${m.services} 次 / ${m.personTimes} 人次`),
      row('群众评价', m.ratings === 0 ? '无' : `${m.ratings} 条，平均 ${m.ratingMean} 分`),
      row('季度量化考评得分', quarters),
      row('通报表扬', `${m.commendations} 次`),
      row('查实投诉', `${m.substantiatedComplaints} 件`),
      row('检查平均分', m.inspectionMean === null ? '—' : String(m.inspectionMean)),
      row('建议等次', suggested),
      row('支部确认等次', m.confirmedGrade ? gradeLabels[m.confirmedGrade] : '（待支部确认）'),
      row('调整理由', m.gradeReason ?? '—'),
    ],
  });
  const doc = new Document({
    creator: 'Huimin',
    title: `${year}年度党员评议参考表（${m.name}）`,
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(30), bottom: mm(25), left: mm(25), right: mm(25) },
          },
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [new TextRun({ text: `${year}年度党员评议参考表`, font: TITLE, size: 44 })],
          }),
          table,
          new Paragraph({
            spacing: { before: 240 },
            children: [
              text('建议等次由量化考评结果按规则生成，仅供参考，由党员所在党支部确认或调整并说明理由。', { size: 12 }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 720 },
            children: [text('党支部（盖章）：__________　　日期：__________')],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
