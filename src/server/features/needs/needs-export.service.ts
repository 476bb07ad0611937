import type { z } from 'zod';
import type { listNeedsQuery, Need } from '../../../contract/needs.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { categoryNamesZh } from '../categories/categories.repository.ts';
import { listNeeds } from './needs.service.ts';

const channels: Record<string, string> = { diary: '民情日记', survey: '征求意见', visit: '入户访谈' };
const urgencies: Record<string, string> = { low: '不急', normal: '一般', high: '紧急' };

function columns(categories: ReadonlyMap<number, string>): Array<ExportColumn<Need>> {
  return [
    { header: '登记日期', cell: (n) => n.recordedOn },
    { header: '所在单位', cell: (n) => n.unitName },
    { header: '收集渠道', cell: (n) => channels[n.channel] ?? n.channel },
    { header: '居民', cell: (n) => n.residentName },
    { header: '联系电话', cell: (n) => n.residentPhone },
    { header: '需求内容', cell: (n) => n.text },
    { header: '紧急程度', cell: (n) => urgencies[n.urgency] ?? n.urgency },
    { header: '服务类别', cell: (n) => (n.categoryId ? (categories.get(n.categoryId) ?? '') : '未分类') },
  ];
}

/** The needs list as .xlsx, with its filters and scope, phones masked as on screen; audited as an export. */
export async function exportNeeds(deps: Deps, ctx: AuditContext, actor: Actor, q: z.infer<typeof listNeedsQuery>) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'need',
    what: '民情需求',
    fallback: 'needs.xlsx',
    under: q.under,
    filter,
    page: (limit, offset) => listNeeds(deps, actor, { ...filter, limit, offset }),
    columns: columns(await categoryNamesZh(deps.db)),
  });
}
