import { get, type AccessCases } from '../../../../test/access/case.ts';

/** The reminders' row of the access matrix: for the street and the district. */
export const accessCases: AccessCases = {
  'GET /api/reminders': { allowed: ['district_admin', 'street_admin'], call: () => get('/api/reminders') },
};
