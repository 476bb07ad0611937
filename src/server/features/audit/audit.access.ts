import { get, type AccessCases } from '../../../../test/access/case.ts';

/** The audit log's row of the access matrix: the district alone reads it. */
export const accessCases: AccessCases = {
  'GET /api/audit-log': { allowed: ['district_admin'], call: () => get('/api/audit-log') },
  'GET /api/audit-log/export.xlsx': { allowed: ['district_admin'], call: () => get('/api/audit-log/export.xlsx') },
};
