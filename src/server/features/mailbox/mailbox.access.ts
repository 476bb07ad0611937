import type { InjectOptions } from 'fastify';
import type { Role } from '../../../domain/access/roles.ts';
import { defaultMailboxSettings } from '../../../domain/mailbox/letters.ts';
import type { LetterStatus } from '../../../domain/mailbox/lifecycle.ts';
import { get, post, put, type AccessCase, type AccessCases, type Scene } from '../../../../test/access/case.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';
import { demoAccountId } from '../../../../test/factories/demo.ts';
import { buildDayOff, buildLetter, type BuiltLetter } from '../../../../test/factories/mailbox.ts';

/** The street party committees run the mailbox; the district sees every street's letters. */
const readers: readonly Role[] = ['district_admin', 'street_admin'];

/** The place's demo street admin: 西城街道's (who signs in for the matrix), or 中城街道's. */
const streetAdminOf = (s: Scene) => demoAccountId(s.db, s.inScope ? 'xicheng' : 'zhongcheng');

/**
 * A letter about the scene's community (西兴社区 in scope) in a state. From assigned on it is
 * handled by the place's demo street admin, or, when the matrix checks the handler's `own`
 * rule or the street must rule on it, by a colleague of the same street.
 */
async function letterIn(s: Scene, status: LetterStatus, o: { colleague?: boolean; photo?: boolean } = {}) {
  const handlerId =
    o.colleague || s.othersOwn
      ? (await buildAccount(s.db, { role: 'street_admin', unitId: s.street })).id
      : await streetAdminOf(s);
  return buildLetter(s.db, { unitId: s.community, handlerId, status, ...(o.photo ? { photo: true } : {}) });
}

/** A read of a received letter. */
const read = (allowed: readonly Role[], suffix: (l: BuiltLetter) => string, photo = false): AccessCase => ({
  allowed,
  scoped: true,
  call: async (s) => get(`/api/letters/${suffix(await letterIn(s, 'received', { photo }))}`),
});

/** A step only the letter's handler takes (the lifecycle's `street_admin own`), from a state. */
const handlersStep = (from: LetterStatus, suffix: string, body: unknown): AccessCase => ({
  allowed: ['street_admin'],
  ownedBy: ['street_admin'],
  scoped: true,
  call: async (s) => post(`/api/letters/${(await letterIn(s, from)).id}/${suffix}`, body),
});

/** The writer's side: by tracking code, without an account. */
const byCode = (status: LetterStatus, build: (code: string) => InjectOptions): AccessCase => ({
  allowed: 'anyone',
  call: async (s) => build((await letterIn(s, status)).code),
});

/**
 * The supervision mailbox's rows of the access matrix (监督信箱): the street reads its letters,
 * names a handler, and only that handler acknowledges, extends and replies; the street (but not
 * the handler) or the district rules on a disputed one. The district alone settles deadlines
 * and the working-day calendar. Residents write, follow and rate by tracking code.
 */
export const accessCases: AccessCases = {
  'GET /api/letters': { allowed: readers, scoped: true, call: (s) => get(`/api/letters?under=${s.under}`) },
  'GET /api/letters/:id': read(readers, (l) => `${l.id}`),
  'GET /api/letters/:id/contact': read(readers, (l) => `${l.id}/contact`),
  'GET /api/letters/:id/photos/:photoId': read(readers, (l) => `${l.id}/photos/${l.photoId}`, true),
  'GET /api/letters/:id/handlers': read(['street_admin'], (l) => `${l.id}/handlers`),
  'POST /api/letters/:id/assign': {
    allowed: ['street_admin'],
    scoped: true,
    call: async (s) =>
      post(`/api/letters/${(await letterIn(s, 'received')).id}/assign`, { handlerId: await streetAdminOf(s) }),
  },
  'POST /api/letters/:id/acknowledge': handlersStep('assigned', 'acknowledge', {}),
  'POST /api/letters/:id/extend': handlersStep('acknowledged', 'extend', { days: 3, reason: '需要走访核实' }),
  'POST /api/letters/:id/reply': handlersStep('acknowledged', 'reply', { text: '已核实处理' }),
  'POST /api/letters/:id/second-reply': handlersStep('reopened', 'second-reply', { text: '已再次核实' }),
  // Handled by a colleague, so the demo street admin may rule on it.
  'POST /api/letters/:id/rule': {
    allowed: readers,
    scoped: true,
    call: async (s) =>
      post(`/api/letters/${(await letterIn(s, 'under_review', { colleague: true })).id}/rule`, {
        finding: 'unsubstantiated',
        reason: '经核实不属实',
      }),
  },
  'GET /api/mailbox/settings': { allowed: readers, call: () => get('/api/mailbox/settings') },
  'PUT /api/mailbox/settings': {
    allowed: ['district_admin'],
    call: () => put('/api/mailbox/settings', defaultMailboxSettings),
  },
  'GET /api/mailbox/days-off': { allowed: readers, call: () => get('/api/mailbox/days-off') },
  'POST /api/mailbox/days-off': {
    allowed: ['district_admin'],
    call: () => post('/api/mailbox/days-off', { day: '2026-12-30', reason: '矩阵测试' }),
  },
  'DELETE /api/mailbox/days-off/:day': {
    allowed: ['district_admin'],
    call: async (s) => ({ method: 'DELETE', url: `/api/mailbox/days-off/${(await buildDayOff(s.db)).day}` }),
  },
  'GET /api/mailbox/calendar/:year': { allowed: readers, call: () => get('/api/mailbox/calendar/2027') },
  'GET /api/mailbox/rates': {
    allowed: readers,
    scoped: true,
    call: (s) => get(`/api/mailbox/rates?from=2026-11-01&to=2026-11-30&under=${s.under}`),
  },
  'POST /api/public/letters': {
    allowed: 'anyone',
    call: (s) =>
      post('/api/public/letters', {
        type: 'suggestion',
        unitId: s.community,
        text: '建议增加周末的活动',
        writerPhone: `1360000${String(s.n).padStart(4, '0')}`,
      }),
  },
  'GET /api/public/letters/:code': byCode('received', (code) => get(`/api/public/letters/${code}`)),
  'POST /api/public/letters/:code/rating': byCode('replied', (code) =>
    post(`/api/public/letters/${code}/rating`, { verdict: 'satisfied' }),
  ),
};
