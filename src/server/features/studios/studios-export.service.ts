import type { z } from 'zod';
import type { listStudiosQuery, StudioSummary } from '../../../contract/studios.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Locale } from '../../../contract/common.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportLabel } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { categoryNamesByLocale } from '../categories/categories.repository.ts';
import { listStudios } from './studios.service.ts';

function columns(categories: ReadonlyMap<number, Record<Locale, string>>): Array<ExportColumn<StudioSummary>> {
  return [
    { header: '工作室', cell: (s) => s.name },
    { header: '状态', cell: (s, locale) => exportLabel(locale, `studios.status.${s.status}`) },
    { header: '所在单位', cell: (s) => s.unitName },
    { header: '领办人', cell: (s) => s.leaderName },
    {
      header: '服务类别',
      cell: (s, locale) =>
        s.categoryIds.map((id) => categories.get(id)?.[locale] ?? '').join(locale === 'en' ? ', ' : '、'),
    },
    { header: '牌匾编号', cell: (s) => s.plaqueNumber },
    { header: '协议到期', cell: (s) => s.termEnd },
    { header: '状态变更时间', cell: (s) => s.statusChangedAt.slice(0, 16).replace('T', ' ') },
  ];
}

/** The studios list as .xlsx, with the list's filters and scope; audited as an export. */
export async function exportStudios(deps: Deps, ctx: AuditContext, actor: Actor, q: z.infer<typeof listStudiosQuery>) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'studio',
    what: '工作室',
    fallback: 'studios.xlsx',
    under: q.under,
    filter,
    page: (limit, offset) => listStudios(deps, actor, { ...filter, limit, offset }),
    columns: columns(await categoryNamesByLocale(deps.db)),
  });
}
