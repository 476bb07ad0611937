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

/** Who may take a lifecycle transition, and what it sends. */
interface Transition {
  /** The state the studio is built in: one the transition leaves from. */
  from: StudioStatus;
  allowed: readonly Role[];
  /** Roles allowed only on their own studio (the lifecycle's `own`). */
  ownedBy?: readonly Role[];
  body?: unknown;
}

/** A lifecycle transition, called on a studio in the state it leaves from. */
const transition = (suffix: string, t: Transition): AccessCase => ({
  allowed: t.allowed,
  ...(t.ownedBy ? { ownedBy: t.ownedBy } : {}),
  scoped: true,
  call: async (s) => post(`/api/studios/${await studioIn(s, t.from)}${suffix}`, t.body),
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
  'GET /api/studios/export.xlsx': {
    allowed: staff,
    scoped: true,
    call: (s) => get(`/api/studios/export.xlsx?under=${s.under}`),
  },
  'GET /api/studios/:id': read(''),
  'GET /api/studios/candidates': {
    allowed: ['street_admin', 'community_admin', 'member'],
    scoped: true,
    call: (s) => get(`/api/studios/candidates?under=${s.community}`),
  },
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
  'POST /api/studios/:id/submit': transition('/submit', {
    from: 'draft',
    allowed: ['street_admin', 'community_admin', 'member'],
    ownedBy: ['member'],
  }),
  // 资质把关: first the community, then the street, which decides.
  'POST /api/studios/:id/community-review': transition('/community-review', {
    from: 'submitted',
    allowed: ['community_admin'],
    body: goodReview,
  }),
  'POST /api/studios/:id/street-review': transition('/street-review', {
    from: 'community_reviewed',
    allowed: ['street_admin'],
    body: goodReview,
  }),
  'POST /api/studios/:id/contract': transition('/contract', {
    from: 'approved',
    allowed: ['street_admin'],
    body: {
      termStart: '2026-12-01',
      termEnd: '2028-11-30',
      signatories: [
        { party: '甲方', name: '街道党工委' },
        { party: '乙方', name: '张婉珍' },
      ],
    },
  }),
  'POST /api/studios/:id/plaque': transition('/plaque', {
    from: 'contracted',
    allowed: ['street_admin'],
    body: { awardedOn: '2026-11-25' },
  }),
  'POST /api/studios/:id/rectification': transition('/rectification', {
    from: 'active',
    allowed: ['district_admin', 'street_admin', 'community_admin'],
    body: { kind: 'drift_bureaucratic', findings: '只挂牌不服务', deadline: '2026-12-31' },
  }),
  'POST /api/studios/:id/rectification/complete': transition('/rectification/complete', {
    from: 'rectification',
    allowed: ['street_admin'],
    body: { outcome: '已整改' },
  }),
  'POST /api/studios/:id/revoke': transition('/revoke', {
    from: 'active',
    allowed: ['district_admin', 'street_admin'],
    body: { reason: '群众反映强烈', decidedOn: '2026-11-25' },
  }),
  // The member steps down, or the street closes the studio.
  'POST /api/studios/:id/close': transition('/close', {
    from: 'active',
    allowed: ['street_admin', 'member'],
    ownedBy: ['member'],
    body: { reason: '不再领岗' },
  }),
  'POST /api/studios/:id/renew': transition('/renew', {
    from: 'active',
    allowed: ['street_admin'],
    body: { termEnd: '2028-12-31' },
  }),
  'POST /api/studios/:id/reopen': transition('/reopen', {
    from: 'rejected',
    allowed: ['community_admin', 'member'],
    ownedBy: ['member'],
  }),
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
