import type { z } from 'zod';
import type { Account, listAccountsQuery } from '../../../contract/accounts.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { listAccounts } from './accounts.service.ts';

const roleNames: Record<string, string> = {
  district_admin: '区委组织部管理员',
  street_admin: '街道（乡镇）党工委管理员',
  community_admin: '社区（村、企业）党组织管理员',
  member: '领岗党员',
  supervisor: '群众监督员',
};

const columns: Array<ExportColumn<Account>> = [
  { header: '用户名', cell: (a) => a.username },
  { header: '姓名', cell: (a) => a.displayName },
  { header: '角色', cell: (a) => roleNames[a.role] ?? a.role },
  { header: '所属单位', cell: (a) => a.unitName },
  { header: '状态', cell: (a) => (a.disabled ? '已停用' : a.locked ? '已锁定' : '正常') },
  { header: '创建时间', cell: (a) => a.createdAt.slice(0, 16).replace('T', ' ') },
];

/** The accounts list as .xlsx, with its filters and scope; audited as an export. */
export async function exportAccounts(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  q: z.infer<typeof listAccountsQuery>,
) {
  const { limit: _l, offset: _o, ...filter } = q;
  return exportList(deps, ctx, actor, {
    entity: 'account',
    what: '账号',
    fallback: 'accounts.xlsx',
    under: q.under,
    filter,
    page: (limit, offset) => listAccounts(deps, actor, { ...filter, limit, offset }),
    columns,
  });
}
