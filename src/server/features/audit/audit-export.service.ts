import type { z } from 'zod';
import type { AuditEntry, listAuditQuery } from '../../../contract/audit.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportLabelOr } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { listAuditLog } from './audit.service.ts';

// A spreadsheet cell holds at most 32,767 characters.
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v).slice(0, 32_000));

const columns: Array<ExportColumn<AuditEntry>> = [
  { header: '时间', cell: (e) => e.at.slice(0, 19).replace('T', ' ') },
  { header: '操作人', cell: (e) => e.actorName },
  // In words, as the log reads on screen; a type or action newer than the console's words stays raw.
  { header: '对象', cell: (e, locale) => exportLabelOr(locale, `audit.entity.${e.entity}`, e.entity) },
  { header: '对象编号', cell: (e) => e.entityId },
  { header: '操作', cell: (e, locale) => exportLabelOr(locale, `audit.action.${e.action}`, e.action) },
  { header: '变更前', cell: (e) => json(e.before) },
  { header: '变更后', cell: (e) => json(e.after) },
  { header: 'IP 地址', cell: (e) => e.ip },
  { header: '请求编号', cell: (e) => e.requestId },
];

/** The audit log as .xlsx, with its filters; the export is itself an entry of the log. */
export async function exportAuditLog(deps: Deps, ctx: AuditContext, actor: Actor, q: z.infer<typeof listAuditQuery>) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'auditLog',
    what: '审计日志',
    fallback: 'audit-log.xlsx',
    filter,
    page: (limit, offset) => listAuditLog(deps, actor, { ...filter, limit, offset }),
    columns,
  });
}
