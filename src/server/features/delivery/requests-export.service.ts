import type { z } from 'zod';
import type { listRequestsQuery, serviceRequest } from '../../../contract/delivery.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import type { Locale } from '../../../contract/common.ts';
import { exportLabel } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { categoryNamesByLocale } from '../categories/categories.repository.ts';
import { listRequests } from './requests.service.ts';

type ServiceRequest = z.infer<typeof serviceRequest>;

function columns(categories: ReadonlyMap<number, Record<Locale, string>>): Array<ExportColumn<ServiceRequest>> {
  return [
    { header: '查询码', cell: (r) => r.trackingCode },
    { header: '提交时间', cell: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
    { header: '状态', cell: (r, locale) => exportLabel(locale, `delivery.status.${r.status}`) },
    { header: '服务类别', cell: (r, locale) => categories.get(r.categoryId)?.[locale] ?? '' },
    { header: '需求内容', cell: (r) => r.text },
    { header: '希望时间', cell: (r) => r.preferredTime },
    { header: '所在社区', cell: (r) => r.unitName },
    { header: '居民', cell: (r) => r.residentName },
    { header: '联系电话', cell: (r) => r.residentPhone },
    { header: '工作室', cell: (r) => r.studioName },
  ];
}

/** The requests list as .xlsx, with its filters and scope, residents masked as on screen; audited as an export. */
export async function exportRequests(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof listRequestsQuery>,
) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'serviceRequest',
    what: '服务需求',
    fallback: 'requests.xlsx',
    under: q.under,
    filter,
    page: (limit, offset) => listRequests(deps, actor, { ...filter, limit, offset }),
    columns: columns(await categoryNamesByLocale(deps.db)),
  });
}
