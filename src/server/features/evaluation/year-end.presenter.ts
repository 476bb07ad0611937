import { loadExcel } from '../../heavy-modules.ts';
import type { Locale } from '../../../contract/common.ts';
import type { YearEndSheet } from '../../../contract/evaluation.ts';
import type { MessageKey } from '../../../web/lib/i18n/messages.ts';
import { exportLabelOr, exportText, loadExportLabels } from '../../i18n/export-values.ts';

type Member = YearEndSheet['members'][number];
type Text = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * The year-end sheet's words in `locale`: the console's own, and the sheet's
 * (evaluation.yearEndSheet.*). The dictionaries load on first use, not at start.
 */
export async function yearEndText(locale: Locale): Promise<Text> {
  await loadExportLabels();
  return (key, vars) => exportText(locale, key, vars);
}

/** A grade as the console names it. */
export function gradeLabel(t: Text, grade: NonNullable<Member['confirmedGrade']>): string {
  return t(`evaluation.yearEnd.grade.${grade}`);
}

/** A member's studios, each with their role in it, as the console names the role. */
export function studiosOf(locale: Locale, m: Member, separator: string): string {
  return m.studios
    .map((s) => `${s.name}（${exportLabelOr(locale, `studios.memberRole.${s.role}`, s.role)}）`)
    .join(separator);
}

/** A quarter's name: 一季度, Q1. */
export function quarterLabel(t: Text, i: number): string {
  return t('evaluation.yearEndSheet.quarter', { n: i + 1, cn: ['一', '二', '三', '四'][i] ?? String(i + 1) });
}

/**
 * The year-end sheet as a workbook for a branch (A4 landscape) in the reader's language: one row
 * per party member, then the 优秀 quota per branch. Names of people, branches and studios stay
 * as stored.
 */
export async function yearEndWorkbook(sheet: YearEndSheet, locale: Locale = 'zh-CN'): Promise<Buffer> {
  const t = await yearEndText(locale);
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huimin';
  const ws = wb.addWorksheet(t('evaluation.yearEndSheet.title', { year: sheet.year }), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { header: t('evaluation.yearEnd.name'), key: 'name', width: 10 },
    { header: t('evaluation.yearEnd.branch'), key: 'branch', width: 18 },
    { header: t('evaluation.yearEndSheet.studios'), key: 'studios', width: 32 },
    { header: t('evaluation.yearEndSheet.services'), key: 'services', width: 9 },
    { header: t('evaluation.yearEndSheet.personTimes'), key: 'personTimes', width: 9 },
    { header: t('evaluation.yearEnd.ratings'), key: 'ratings', width: 16 },
    ...[0, 1, 2, 3].map((i) => ({ header: quarterLabel(t, i), key: `q${i + 1}`, width: 8 })),
    { header: t('evaluation.yearEnd.commendations'), key: 'commendations', width: 9 },
    { header: t('evaluation.yearEnd.complaints'), key: 'complaints', width: 9 },
    { header: t('evaluation.yearEndSheet.inspections'), key: 'inspections', width: 10 },
    { header: t('evaluation.yearEnd.grade'), key: 'grade', width: 10 },
    { header: t('evaluation.yearEnd.confirmed'), key: 'confirmed', width: 12 },
    { header: t('evaluation.yearEndSheet.reason'), key: 'reason', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const m of sheet.members)
    ws.addRow({
      name: m.name,
      branch: m.branch ?? '',
      studios: studiosOf(locale, m, '；'),
      services: m.services,
      personTimes: m.personTimes,
      ratings: m.ratings === 0 ? '' : `${m.ratings} / ${m.ratingMean}`,
      q1: m.quarterScores[0] ?? '',
      q2: m.quarterScores[1] ?? '',
      q3: m.quarterScores[2] ?? '',
      q4: m.quarterScores[3] ?? '',
      commendations: m.commendations,
      complaints: m.substantiatedComplaints,
      inspections: m.inspectionMean ?? '',
      grade: m.probationary
        ? t('evaluation.yearEnd.probationary')
        : m.suggestedGrade
          ? gradeLabel(t, m.suggestedGrade)
          : t('evaluation.yearEndSheet.noScores'),
      confirmed: m.confirmedGrade ? gradeLabel(t, m.confirmedGrade) : '',
      reason: m.gradeReason ?? '',
    });
  ws.addRow([]);
  ws.addRow([t('evaluation.yearEndSheet.note')]);
  for (const b of sheet.branches)
    ws.addRow([
      b.branch ?? t('evaluation.yearEndSheet.noBranch'),
      t('evaluation.yearEndSheet.branchLine', { graded: b.graded, excellent: b.excellent, allowed: b.allowed }) +
        (b.ok ? '' : t('evaluation.yearEndSheet.overQuota')),
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
