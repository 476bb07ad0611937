import { get, post, put, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { smsCodeHash } from '../../secrets.ts';
import { insertSmsCode } from './public.repository.ts';

/** A phone no other call of the matrix uses, so the per-phone limit on codes never answers. */
const phoneOf = (s: Scene) => `1391234${String(s.n).padStart(4, '0')}`;

/** A code as if just sent to the scene's phone (answers what the confirm call sends back). */
async function codeSent(s: Scene, purpose: 'subscribe' | 'unsubscribe') {
  const phone = phoneOf(s);
  const code = '246810';
  const now = new Date();
  await insertSmsCode(s.db, {
    unit_id: s.community,
    phone,
    purpose,
    code_hash: await smsCodeHash(s.db, { unitId: s.community, phone, purpose }, code),
    consent_version: purpose === 'subscribe' ? '2026-11' : null,
    created_at: now.toISOString(),
    // Valid whatever the test clock says: the matrix does not move it.
    expires_at: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
  });
  return { unitId: s.community, phone, code };
}

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
    call: (s) => post('/api/public/sms/subscribe', { unitId: s.community, phone: phoneOf(s), consent: true }),
  },
  'POST /api/public/sms/subscribe/confirm': {
    allowed: 'anyone',
    call: async (s) => post('/api/public/sms/subscribe/confirm', await codeSent(s, 'subscribe')),
  },
  'POST /api/public/sms/unsubscribe': {
    allowed: 'anyone',
    call: (s) => post('/api/public/sms/unsubscribe', { unitId: s.community, phone: phoneOf(s) }),
  },
  'POST /api/public/sms/unsubscribe/confirm': {
    allowed: 'anyone',
    call: async (s) => post('/api/public/sms/unsubscribe/confirm', await codeSent(s, 'unsubscribe')),
  },
  'GET /api/settings/public-address': { allowed: ['district_admin'], call: () => get('/api/settings/public-address') },
  'PUT /api/settings/public-address': {
    allowed: ['district_admin'],
    call: () => put('/api/settings/public-address', { url: 'https://huimin.example.cn' }),
  },
};
