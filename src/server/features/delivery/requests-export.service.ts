import type { z } from 'zod';
import type { listRequestsQuery, serviceRequest } from '../../../contract/delivery.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { categoryNamesZh } from '../categories/categories.repository.ts';
import { listRequests } from './requests.service.ts';

type ServiceRequest = z.infer<typeof serviceRequest>;

const statuses: Record<string, string> = {
  unassigned: '待分派',
  assigned: '待接单',
  accepted: '已接单',
  completed: '已完成',
};

function columns(categories: ReadonlyMap<number, string>): Array<ExportColumn<ServiceRequest>> {
  return [
    { header: '查询码', cell: (r) => r.trackingCode },
    { header: '提交时间', cell: (r) => r.createdAt.slice(0, 16).replace('T', ' ') },
    { header: '状态', cell: (r) => statuses[r.status] ?? r.status },
    { header: '服务类别', cell: (r) => categories.get(r.categoryId) ?? '' },
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
    columns: columns(await categoryNamesZh(deps.db)),
  });
}
