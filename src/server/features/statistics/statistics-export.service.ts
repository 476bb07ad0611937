import { loadExcel } from '../../heavy-modules.ts';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Chart, chartExportQuery } from '../../../contract/statistics.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { resolveScope } from '../../scope.ts';
import { dashboardOf } from './statistics.service.ts';
import { sheetRows } from './statistics.presenter.ts';

/** Sheet names of the charts, in Chinese as the workbook is read. */
const sheetNames: Record<Chart['id'], string> = {
  headline: '主要数据',
  studiosByStatus: '工作室按状态',
  studiosByCategory: '工作室按类别',
  studiosByVenueType: '工作室按场所类型',
  studiosByLevel: '工作室按层级',
  volunteersByKind: '志愿者按类型',
  volunteersByScreening: '志愿者按遴选',
  servicesByMonth: '服务人次按月',
  servicesByCategory: '服务人次按类别',
  servicesByMode: '服务人次按方式',
  servicesByGroup: '服务人次按群体',
  servicesByUnit: '服务人次按下级单位',
  legalAidByGroup: '法律援助按群体',
  ratings: '群众评价',
  letters: '监督信箱来信',
  threeRates: '三率',
  inspections: '季度巡查',
  needsByCategory: '民情需求与工作室',
};

/**
 * The data of one chart (or of every chart) of a dashboard as .xlsx: one sheet per chart with
 * the period and the previous one side by side. Staff exports, so counts are exact; the
 * export is audited with what it covered.
 */
export async function exportDashboard(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof chartExportQuery>,
): Promise<{ body: Buffer; filename: string }> {
  await resolveScope(deps.db, actor, 'export', 'statistics', q.under);
  const d = await dashboardOf(deps, actor, { under: q.under, from: q.from, to: q.to });
  const charts = q.chart ? d.charts.filter((c) => c.id === q.chart) : d.charts;
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  for (const c of charts) {
    const ws = wb.addWorksheet(sheetNames[c.id]);
    ws.addRow([`${d.unit.name} ${sheetNames[c.id]}`]);
    ws.addRow([
      '项目',
      `本期 ${d.period.from} 至 ${d.period.to}（不含）`,
      `上期 ${d.previous.from} 至 ${d.previous.to}（不含）`,
    ]);
    for (const row of sheetRows(c)) ws.addRow(row);
    if (c.against) {
      ws.addRow([]);
      ws.addRow(['在岗工作室（按类别）', '本期末']);
      for (const f of c.against) ws.addRow([f.label, f.current]);
    }
    ws.getColumn(1).width = 24;
    ws.getColumn(2).width = 28;
    ws.getColumn(3).width = 28;
  }
  await recordAudit(deps.db, ctx, {
    entity: 'statistics',
    entityId: null,
    action: 'export',
    unitId: d.unit.id,
    after: { chart: q.chart ?? 'all', from: q.from, to: q.to, unit: d.unit.id },
  });
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { body, filename: `${d.unit.name}-${q.chart ? sheetNames[q.chart] : '统计'}-${q.from}.xlsx` };
}
