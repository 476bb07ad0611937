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
import type { Locale } from '../../../contract/common.ts';
import type { YearEndSheet } from '../../../contract/evaluation.ts';
import { gradeLabel, quarterLabel, studiosOf, yearEndText } from './year-end.presenter.ts';

// One party member's year-end sheet as Word (A4 portrait), in the reader's language: a title, a
// two-column table of the year's figures, the suggested grade and the branch's decision with its
// reason, and lines for the branch to sign. The sheet is a suggestion (年终评议党员的重要依据), so
// it says so. Names of people, branches and studios stay as stored.

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

/** The sheet of one member as a .docx file, in `locale`. */
export async function memberSheetDocx(
  year: number,
  m: YearEndSheet['members'][number],
  locale: Locale = 'zh-CN',
): Promise<Buffer> {
  const t = await yearEndText(locale);
  const score = (v: number | null) => (v === null ? t('evaluation.yearEndSheet.notScored') : String(v));
  const quarters = m.quarterScores.map((s, i) => `${quarterLabel(t, i)} ${score(s)}`).join('；');
  const suggested = m.probationary
    ? t('evaluation.yearEnd.probationary')
    : m.suggestedGrade
      ? gradeLabel(t, m.suggestedGrade)
      : t('evaluation.yearEndSheet.noScores');
  const title = t('evaluation.yearEndSheet.docTitle', { year });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      row(t('evaluation.yearEnd.name'), m.name),
      row(t('evaluation.yearEnd.branch'), m.branch ?? '—'),
      row(t('evaluation.yearEndSheet.studios'), studiosOf(locale, m, '；') || '—'),
      row(
        t('evaluation.yearEnd.services'),
        t('evaluation.yearEndSheet.servicesValue', { services: m.services, personTimes: m.personTimes }),
      ),
      row(
        t('evaluation.evidence.ratings'),
        m.ratings === 0
          ? t('evaluation.yearEndSheet.none')
          : t('evaluation.yearEndSheet.ratingsValue', { n: m.ratings, mean: m.ratingMean ?? '—' }),
      ),
      row(t('evaluation.yearEndSheet.quarterScores'), quarters),
      row(t('evaluation.yearEnd.commendations'), t('evaluation.yearEndSheet.times', { n: m.commendations })),
      row(t('evaluation.yearEnd.complaints'), t('evaluation.yearEndSheet.cases', { n: m.substantiatedComplaints })),
      row(t('evaluation.yearEndSheet.inspections'), m.inspectionMean === null ? '—' : String(m.inspectionMean)),
      row(t('evaluation.yearEnd.grade'), suggested),
      row(
        t('evaluation.yearEnd.confirmed'),
        m.confirmedGrade ? gradeLabel(t, m.confirmedGrade) : t('evaluation.yearEndSheet.pending'),
      ),
      row(t('evaluation.yearEndSheet.reason'), m.gradeReason ?? '—'),
    ],
  });
  const doc = new Document({
    creator: 'Huimin',
    title: t('evaluation.yearEndSheet.docName', { year, name: m.name }),
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
            children: [new TextRun({ text: title, font: TITLE, size: 44 })],
          }),
          table,
          new Paragraph({
            spacing: { before: 240 },
            children: [text(t('evaluation.yearEndSheet.docNote'), { size: 12 })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 720 },
            children: [text(t('evaluation.yearEndSheet.signature'))],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
