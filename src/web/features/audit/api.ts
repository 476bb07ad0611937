import type { z } from 'zod';
import type { AuditEntry, listAuditQuery } from '../../../contract/audit.ts';
import { api } from '../../lib/api.ts';
import type { Page } from '../../lib/page.ts';

export type { AuditEntry };
export type AuditQuery = Partial<z.infer<typeof listAuditQuery>>;

/** The audit log (district admin only), newest first. */
export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/api/audit-log', query, signal),
};
