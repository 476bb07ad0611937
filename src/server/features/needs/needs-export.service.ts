import type { z } from 'zod';
import type { listNeedsQuery, Need } from '../../../contract/needs.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import type { Locale } from '../../../contract/common.ts';
import { exportLabel } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { categoryNamesByLocale } from '../categories/categories.repository.ts';
import { listNeeds } from './needs.service.ts';

function columns(categories: ReadonlyMap<number, Record<Locale, string>>): Array<ExportColumn<Need>> {
  return [
    { header: '登记日期', cell: (n) => n.recordedOn },
    { header: '所在单位', cell: (n) => n.unitName },
    { header: '收集渠道', cell: (n, locale) => exportLabel(locale, `needs.channel.${n.channel}`) },
    { header: '居民', cell: (n) => n.residentName },
    { header: '联系电话', cell: (n) => n.residentPhone },
    { header: '需求内容', cell: (n) => n.text },
    { header: '紧急程度', cell: (n, locale) => exportLabel(locale, `needs.urgency.${n.urgency}`) },
    {
      header: '服务类别',
      cell: (n, locale) =>
        n.categoryId ? (categories.get(n.categoryId)?.[locale] ?? '') : exportLabel(locale, 'categories.none'),
    },
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
    columns: columns(await categoryNamesByLocale(deps.db)),
  });
}
