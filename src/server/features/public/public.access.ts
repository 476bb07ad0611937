import { get, post, put, type AccessCases } from '../../../../test/access/case.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';

/** The resident pages' rows of the access matrix: open to anyone, no session. */
export const accessCases: AccessCases = {
  'GET /api/public/categories': { allowed: 'anyone', call: () => get('/api/public/categories') },
  'GET /api/public/studios': {
    allowed: 'anyone',
    call: () => get('/api/public/studios?q=%E5%B7%A5%E4%BD%9C%E5%AE%A4'),
  },
  'GET /api/public/studios/:id': {
    allowed: 'anyone',
    call: async (s) => get(`/api/public/studios/${(await buildStudio(s.db, s.owner)).id}`),
  },
  'GET /api/public/studios/:id/qr.svg': {
    allowed: 'anyone',
    call: async (s) => get(`/api/public/studios/${(await buildStudio(s.db, s.owner)).id}/qr.svg`),
  },
  'GET /api/public/units/:id/board': { allowed: 'anyone', call: (s) => get(`/api/public/units/${s.community}/board`) },
  'GET /api/public/units': { allowed: 'anyone', call: () => get('/api/public/units?q=xxsq') },
  'POST /api/public/sms/subscribe': {
    allowed: 'anyone',
    call: (s) => post('/api/public/sms/subscribe', { unitId: s.community, phone: '13912345678', consent: true }),
  },
  'POST /api/public/sms/unsubscribe': {
    allowed: 'anyone',
    call: (s) => post('/api/public/sms/unsubscribe', { unitId: s.community, phone: '13912345678' }),
  },
  'GET /api/settings/public-address': { allowed: ['district_admin'], call: () => get('/api/settings/public-address') },
  'PUT /api/settings/public-address': {
    allowed: ['district_admin'],
    call: () => put('/api/settings/public-address', { url: 'https://huimin.example.cn' }),
  },
};
