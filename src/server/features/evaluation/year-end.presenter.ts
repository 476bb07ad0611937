import { loadExcel } from '../../heavy-modules.ts';
import type { YearEndSheet } from '../../../contract/evaluation.ts';

/** The grades as the sheets print them. */
export const gradeLabels = { excellent: '优秀', qualified: '合格', basic: '基本合格', unqualified: '不合格' } as const;

/** The year-end sheet as a workbook for a branch (A4 landscape): one row per party member, then the 优秀 quota per branch. */
export async function yearEndWorkbook(sheet: YearEndSheet): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Huimin';
  const ws = wb.addWorksheet(`${sheet.year}年度党员评议参考`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { header: '姓名', key: 'name', width: 10 },
    { header: '所在党支部', key: 'branch', width: 18 },
    { header: '工作室（角色）', key: 'studios', width: 32 },
    { header: '服务次数', key: 'services', width: 9 },
    { header: '服务人次', key: 'personTimes', width: 9 },
    { header: '群众评价（条/均分）', key: 'ratings', width: 16 },
    { header: '一季度', key: 'q1', width: 8 },
    { header: '二季度', key: 'q2', width: 8 },
    { header: '三季度', key: 'q3', width: 8 },
    { header: '四季度', key: 'q4', width: 8 },
    { header: '通报表扬', key: 'commendations', width: 9 },
    { header: '查实投诉', key: 'complaints', width: 9 },
    { header: '检查平均分', key: 'inspections', width: 10 },
    { header: '建议等次', key: 'grade', width: 10 },
    { header: '支部确认等次', key: 'confirmed', width: 12 },
    { header: '调整理由', key: 'reason', width: 24 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const m of sheet.members)
    ws.addRow({
      name: m.name,
      branch: m.branch ?? '',
      studios: m.studios.map((s) => `${s.name}（${s.role === 'leader' ? '负责人' : '成员'}）`).join('；'),
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
      grade: m.probationary ? '预备党员，不评定' : m.suggestedGrade ? gradeLabels[m.suggestedGrade] : '无考评数据',
      confirmed: m.confirmedGrade ? gradeLabels[m.confirmedGrade] : '',
      reason: m.gradeReason ?? '',
    });
  ws.addRow([]);
  ws.addRow(['建议等次仅供参考，由党员所在支部确认或调整并说明理由；优秀比例不超过支部参评党员的三分之一。']);
  for (const b of sheet.branches)
    ws.addRow([
      b.branch ?? '（未填支部）',
      `参评 ${b.graded} 人，建议优秀 ${b.excellent} 人，上限 ${b.allowed} 人${b.ok ? '' : '（超出上限，须调整）'}`,
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
