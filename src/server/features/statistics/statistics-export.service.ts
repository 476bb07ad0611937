import { loadExcel } from '../../heavy-modules.ts';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Locale } from '../../../contract/common.ts';
import type { Chart, chartExportQuery } from '../../../contract/statistics.ts';
import type { MessageKey } from '../../../web/lib/i18n/messages.ts';
import { figureLabelKey } from '../../../domain/statistics/figure-labels.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportText, loadExportLabels } from '../../i18n/export-values.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { resolveScope } from '../../scope.ts';
import { dashboardOf } from './statistics.service.ts';
import { sheetRows } from './statistics.presenter.ts';

/** A worksheet's name from a chart's title: at most 31 characters, none of the ones Excel refuses. */
export function worksheetName(title: string): string {
  const clean = title.replace(/[\\/?*[\]:]/g, ' ').trim();
  if (clean.length <= 31) return clean;
  const cut = clean.slice(0, 30);
  const space = cut.lastIndexOf(' ');
  return `${(space > 15 ? cut.slice(0, space) : cut).replace(/[\s,;]+$/, '')}…`;
}

/**
 * A figure named in the reader's language, as the dashboard names it on screen: an enumerated
 * value from the console's dictionary, else the dashboard's own label (a category, already in
 * the reader's language, or a unit, as stored).
 */
function labelIn(locale: Locale, chart: Chart['id'], f: { key: string; label: string }): string {
  const label = figureLabelKey(chart, f.key);
  return label ? exportText(locale, label.key as MessageKey, label.vars) : f.label;
}

/**
 * The data of one chart (or of every chart) of a dashboard as .xlsx, in the reader's language:
 * one sheet per chart with the period and the previous one side by side. Staff exports, so
 * counts are exact; the export is audited with what it covered.
 */
export async function exportDashboard(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof chartExportQuery>,
  locale: Locale = 'zh-CN',
): Promise<{ body: Buffer; filename: string }> {
  await resolveScope(deps.db, actor, 'export', 'statistics', q.under);
  const d = await dashboardOf(deps, actor, { under: q.under, from: q.from, to: q.to }, locale);
  const charts = q.chart ? d.charts.filter((c) => c.id === q.chart) : d.charts;
  const text = (key: MessageKey, vars?: Record<string, string | number>) => exportText(locale, key, vars);
  const title = (id: Chart['id']) => text(`statistics.chart.${id}`);
  const labelOf = (chart: Chart['id'], f: { key: string; label: string }) => labelIn(locale, chart, f);
  const [ExcelJS] = await Promise.all([loadExcel(), loadExportLabels()]);
  const wb = new ExcelJS.Workbook();
  for (const c of charts) {
    const ws = wb.addWorksheet(worksheetName(title(c.id)));
    ws.addRow([`${d.unit.name} ${title(c.id)}`]);
    ws.addRow([
      text('statistics.item'),
      text('statistics.sheet.current', d.period),
      text('statistics.sheet.previous', d.previous),
    ]);
    for (const row of sheetRows(c, (f) => labelOf(c.id, f))) ws.addRow(row);
    if (c.against) {
      ws.addRow([]);
      ws.addRow([title('studiosByCategory'), text('statistics.sheet.endOfPeriod')]);
      for (const f of c.against) ws.addRow([labelOf('studiosByCategory', f), f.current]);
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
  const what = q.chart ? title(q.chart) : text('statistics.heading');
  return { body, filename: `${d.unit.name}-${what}-${q.from}.xlsx` };
}
