import { get, staff, type AccessCases } from '../../../../test/access/case.ts';

/** The workbench's row of the access matrix: every signed-in staff role has one. */
export const accessCases: AccessCases = {
  'GET /api/workbench': { allowed: staff, call: () => get('/api/workbench') },
};
