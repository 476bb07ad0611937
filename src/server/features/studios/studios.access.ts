import type { Role } from '../../../domain/access/roles.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { get, post, put, staff, type AccessCase, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { applicationFor, buildStudio } from '../../../../test/factories/studios.ts';

/** A fresh studio of the scene's owner (张婉珍 in scope) in a state. */
const studioIn = async (s: Scene, status: StudioStatus) => (await buildStudio(s.db, { ...s.owner, status })).id;

/** A read of a serving studio's page or document. */
const read = (suffix: string): AccessCase => ({
  allowed: staff,
  scoped: true,
  call: async (s) => get(`/api/studios/${await studioIn(s, 'active')}${suffix}`),
});

/** A lifecycle transition, called on a studio in the state it leaves from. */
const transition = (
  suffix: string,
  from: StudioStatus,
  allowed: readonly Role[],
  body?: unknown,
  ownedBy?: readonly Role[],
): AccessCase => ({
  allowed,
  // The lifecycle's guard refuses a member another's studio with 403, where other routes say 404.
  ...(ownedBy ? { ownedBy, notOwned: 403 } : {}),
  scoped: true,
  call: async (s) => post(`/api/studios/${await studioIn(s, from)}${suffix}`, body),
});

const goodReview = {
  politicalQuality: { pass: true, comment: '' },
  professionalSpecialty: { pass: true, comment: '' },
  serviceItems: { pass: true, comment: '' },
  decision: 'pass',
};

/**
 * Studios' rows of the access matrix. The transitions are the studio lifecycle's table
 * (src/domain/studios/lifecycle.ts) written out again by hand: who may take each one.
 */
export const accessCases: AccessCases = {
  'GET /api/studios': { allowed: staff, scoped: true, call: (s) => get(`/api/studios?under=${s.under}`) },
  'GET /api/studios/:id': read(''),
  // 申办 by the member, or 推荐 by the community or the street.
  'POST /api/studios': {
    allowed: ['street_admin', 'community_admin', 'member'],
    scoped: true,
    call: async (s) => post('/api/studios', await applicationFor(s.db, s.place)),
  },
  'PUT /api/studios/:id': {
    allowed: ['street_admin', 'community_admin', 'member'],
    ownedBy: ['member'],
    scoped: true,
    call: async (s) => put(`/api/studios/${await studioIn(s, 'draft')}`, await applicationFor(s.db, s.place)),
  },
  'POST /api/studios/:id/submit': transition(
    '/submit',
    'draft',
    ['street_admin', 'community_admin', 'member'],
    undefined,
    ['member'],
  ),
  'POST /api/studios/:id/community-review': transition(
    '/community-review',
    'submitted',
    ['community_admin'],
    goodReview,
  ),
  'POST /api/studios/:id/street-review': transition(
    '/street-review',
    'community_reviewed',
    ['street_admin'],
    goodReview,
  ),
  'POST /api/studios/:id/contract': transition('/contract', 'approved', ['street_admin'], {
    termStart: '2026-12-01',
    termEnd: '2028-11-30',
    signatories: [
      { party: '甲方', name: '街道党工委' },
      { party: '乙方', name: '张婉珍' },
    ],
  }),
  'POST /api/studios/:id/plaque': transition('/plaque', 'contracted', ['street_admin'], { awardedOn: '2026-11-25' }),
  'POST /api/studios/:id/rectification': transition(
    '/rectification',
    'active',
    ['district_admin', 'street_admin', 'community_admin'],
    { kind: 'drift_bureaucratic', findings: '只挂牌不服务', deadline: '2026-12-31' },
  ),
  'POST /api/studios/:id/rectification/complete': transition(
    '/rectification/complete',
    'rectification',
    ['street_admin'],
    {
      outcome: '已整改',
    },
  ),
  'POST /api/studios/:id/revoke': transition('/revoke', 'active', ['district_admin', 'street_admin'], {
    reason: '群众反映强烈',
    decidedOn: '2026-11-25',
  }),
  // The member steps down, or the street closes the studio.
  'POST /api/studios/:id/close': transition('/close', 'active', ['street_admin', 'member'], { reason: '不再领岗' }, [
    'member',
  ]),
  'POST /api/studios/:id/renew': transition('/renew', 'active', ['street_admin'], { termEnd: '2028-12-31' }),
  'POST /api/studios/:id/reopen': transition('/reopen', 'rejected', ['community_admin', 'member'], undefined, [
    'member',
  ]),
  'GET /api/studios/:id/contract.pdf': read('/contract.pdf'),
  'GET /api/studios/:id/contract.html': read('/contract.html'),
  'GET /api/studios/:id/plaque.pdf': read('/plaque.pdf'),
  'GET /api/studios/:id/plaque.html': read('/plaque.html'),
  'GET /api/studios/:id/cards.pdf': read('/cards.pdf'),
  'GET /api/service-cards.pdf': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/service-cards.pdf?under=${s.under}`),
  },
};
