import type { z } from 'zod';
import type { listOutboxQuery, OutboxMessage } from '../../../contract/outbox.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportLabel } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { listOutboxMessages } from './outbox.service.ts';

const at = (s: string | null) => (s ? s.slice(0, 16).replace('T', ' ') : null);

const columns: Array<ExportColumn<OutboxMessage>> = [
  { header: '生成时间', cell: (m) => at(m.createdAt) },
  { header: '渠道', cell: (m) => m.channel },
  { header: '模板', cell: (m) => m.templateId },
  { header: '接收号码', cell: (m) => m.recipient },
  { header: '内容', cell: (m) => m.body },
  { header: '状态', cell: (m, locale) => exportLabel(locale, `studios.outbox.status.${m.status}`) },
  { header: '尝试次数', cell: (m) => m.attempts },
  { header: '最近错误', cell: (m) => m.lastError },
  { header: '发送时间', cell: (m) => at(m.sentAt) },
];

/** The outbox as .xlsx, with its filter and scope, numbers masked as on screen; audited as an export. */
export async function exportOutbox(deps: Deps, ctx: AuditContext, actor: Actor, q: z.infer<typeof listOutboxQuery>) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'outbox',
    what: '短信发件箱',
    fallback: 'outbox.xlsx',
    filter,
    page: (limit, offset) => listOutboxMessages(deps, actor, { ...filter, limit, offset }),
    columns,
  });
}
