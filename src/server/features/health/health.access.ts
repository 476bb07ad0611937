import { get, type AccessCases } from '../../../../test/access/case.ts';

/** The health route's row of the access matrix. */
export const accessCases: AccessCases = {
  'GET /api/health': { allowed: 'anyone', call: () => get('/api/health') },
};
