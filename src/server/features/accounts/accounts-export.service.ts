import type { z } from 'zod';
import type { Account, listAccountsQuery } from '../../../contract/accounts.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { exportLabel } from '../../i18n/export-values.ts';
import { exportList, type ExportColumn } from '../../xlsx-export.ts';
import { listAccounts } from './accounts.service.ts';

const columns: Array<ExportColumn<Account>> = [
  { header: '用户名', cell: (a) => a.username },
  { header: '姓名', cell: (a) => a.displayName },
  { header: '角色', cell: (a, locale) => exportLabel(locale, `role.${a.role}`) },
  { header: '所属单位', cell: (a) => a.unitName },
  {
    header: '状态',
    cell: (a, locale) =>
      exportLabel(locale, `accounts.status.${a.disabled ? 'disabled' : a.locked ? 'locked' : 'active'}`),
  },
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
