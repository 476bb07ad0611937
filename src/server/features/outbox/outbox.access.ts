import { get, type AccessCases } from '../../../../test/access/case.ts';

/** The outbox's row of the access matrix: sent messages are for the street and the district. */
export const accessCases: AccessCases = {
  'GET /api/outbox': { allowed: ['district_admin', 'street_admin'], call: () => get('/api/outbox') },
  'GET /api/outbox/export.xlsx': {
    allowed: ['district_admin', 'street_admin'],
    call: () => get('/api/outbox/export.xlsx'),
  },
};
