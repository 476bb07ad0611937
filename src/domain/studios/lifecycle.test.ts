import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import {
  applicationProblems,
  studioActions,
  studioLifecycle,
  studioStatuses,
  transition,
  type StudioFacts,
  type StudioStatus,
  type TransitionInput,
} from './lifecycle.ts';
import { mentionsFee } from './unpaid.ts';

const today = '2026-11-25';
const complete = {
  name: '婉珍文艺工作室',
  categoryCount: 1,
  serviceItemCount: 2,
  openingHours: '每周六 9:00-11:00',
  staffingMode: 'single' as const,
  hasLeader: true,
  memberCount: 1,
};
const facts = (status: StudioStatus, termEnd: string | null = '2027-12-31'): StudioFacts => ({
  status,
  termEnd,
  application: complete,
});
const pass = { pass: true, comment: '符合' };
const goodReview = {
  politicalQuality: pass,
  professionalSpecialty: pass,
  serviceItems: pass,
  decision: 'pass' as const,
};

/** A valid input for every action. */
const inputs: Record<(typeof studioActions)[number], TransitionInput> = {
  submit: { action: 'submit' },
  communityReview: { action: 'communityReview', review: goodReview },
  streetReview: { action: 'streetReview', review: goodReview },
  sign: {
    action: 'sign',
    termStart: '2026-12-01',
    termEnd: '2028-11-30',
    signatories: [
      { party: '甲方', name: '西城街道党工委' },
      { party: '乙方', name: '张婉珍' },
    ],
  },
  award: { action: 'award', plaqueNumber: 'XL-2026-001', awardedOn: today, plaqueNumberUsedBefore: false },
  rectify: { action: 'rectify', kind: 'drift_profit', findings: '有向群众推销保健品的情况', deadline: '2026-12-31' },
  completeRectification: { action: 'completeRectification', outcome: '已整改到位' },
  revoke: { action: 'revoke', reason: '群众反映强烈，长期未开展服务', decidedOn: today },
  close: { action: 'close', reason: '本人因身体原因不再领岗' },
  renew: { action: 'renew', termEnd: '2029-12-31' },
  reopen: { action: 'reopen' },
};

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'UNEXPECTED';
  }
};

/**
 * The lifecycle as the bulletin and MISSION.md describe it, written out by hand: for each
 * action, the states it leaves from, where it goes, and who may take it ("own" means only an
 * owner of the studio in that role). The test compares the declared table against this one,
 * so a change to either must be made on purpose in both.
 */
const expected: Record<
  (typeof studioActions)[number],
  { from: StudioStatus[]; to: StudioStatus[] | 'same'; roles: Array<Role | `${Role}:own`> }
> = {
  submit: { from: ['draft'], to: ['submitted'], roles: ['member:own', 'community_admin', 'street_admin'] },
  communityReview: { from: ['submitted'], to: ['community_reviewed', 'rejected'], roles: ['community_admin'] },
  streetReview: { from: ['community_reviewed'], to: ['approved', 'rejected'], roles: ['street_admin'] },
  sign: { from: ['approved'], to: ['contracted'], roles: ['street_admin'] },
  award: { from: ['contracted'], to: ['active'], roles: ['street_admin'] },
  rectify: { from: ['active'], to: ['rectification'], roles: ['community_admin', 'street_admin', 'district_admin'] },
  completeRectification: { from: ['rectification'], to: ['active'], roles: ['street_admin'] },
  revoke: { from: ['active', 'rectification'], to: ['revoked'], roles: ['street_admin', 'district_admin'] },
  close: { from: ['active', 'rectification'], to: ['closed'], roles: ['member:own', 'street_admin'] },
  renew: { from: ['contracted', 'active'], to: 'same', roles: ['street_admin'] },
  reopen: { from: ['rejected'], to: ['draft'], roles: ['member:own', 'community_admin'] },
};

const mayAct = (action: (typeof studioActions)[number], role: Role, isOwner: boolean) =>
  expected[action].roles.some((r) => r === role || (r === `${role}:own` && isOwner));
/** How a refusal answers: another's object under an `own` rule does not exist (404); otherwise 403. */
const refusal = (action: (typeof studioActions)[number], role: Role) =>
  expected[action].roles.includes(`${role}:own`) ? 'NOT_FOUND' : 'FORBIDDEN';

describe('the studio state machine', () => {
  it('declares exactly the hand-written table of edges', () => {
    const declared = studioLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${[...e.to].sort().join('|')}`);
    const written = studioActions.flatMap((action) =>
      expected[action].from.map((from) => {
        const to = expected[action].to;
        return `${from} -${action}-> ${(to === 'same' ? [from] : [...to]).sort().join('|')}`;
      }),
    );
    expect(declared.sort()).toEqual(written.sort());
  });

  for (const action of studioActions) {
    const rule = expected[action];
    for (const role of roles) {
      for (const isOwner of [true, false]) {
        const allowed = mayAct(action, role, isOwner);
        it(`${allowed ? 'allows' : 'refuses'} ${action} to a ${role}${isOwner ? ' who owns the studio' : ''}`, () => {
          const relation = { role, inScope: true, isOwner };
          const result = code(() => transition(facts(rule.from[0] ?? 'draft'), inputs[action], relation, today));
          expect(result).toBe(allowed ? undefined : refusal(action, role));
          expect(studioLifecycle.available(rule.from[0] ?? 'draft', relation).includes(action)).toBe(allowed);
        });
      }
    }
    const allowedRole = (rule.roles[0] ?? '').split(':')[0] as Role;
    it(`refuses ${action} from every state it does not leave from, changing nothing`, () => {
      for (const status of studioStatuses.filter((s) => !rule.from.includes(s))) {
        const relation = { role: allowedRole, inScope: true, isOwner: true };
        expect(
          code(() => transition(facts(status), inputs[action], relation, today)),
          status,
        ).toBe('TRANSITION_NOT_ALLOWED');
      }
    });
    it(`answers NOT_FOUND for ${action} out of scope`, () => {
      const relation = { role: allowedRole, inScope: false, isOwner: true };
      expect(code(() => transition(facts(rule.from[0] ?? 'draft'), inputs[action], relation, today))).toBe('NOT_FOUND');
    });
  }

  it('walks the whole path: draft → submitted → community reviewed → approved → contracted → active → rectification → active → revoked', () => {
    const street = { role: 'street_admin' as const, inScope: true, isOwner: false };
    const steps: Array<[TransitionInput, Role, StudioStatus]> = [
      [inputs.submit, 'member', 'submitted'],
      [inputs.communityReview, 'community_admin', 'community_reviewed'],
      [inputs.streetReview, 'street_admin', 'approved'],
      [inputs.sign, 'street_admin', 'contracted'],
      [inputs.award, 'street_admin', 'active'],
      [inputs.rectify, 'community_admin', 'rectification'],
      [inputs.completeRectification, 'street_admin', 'active'],
      [inputs.revoke, 'street_admin', 'revoked'],
    ];
    let status: StudioStatus = 'draft';
    for (const [input, role, expected] of steps) {
      status = transition(facts(status), input, { ...street, role, isOwner: true }, today).to;
      expect(status).toBe(expected);
    }
  });
});

describe('guards', () => {
  const member = { role: 'member' as const, inScope: true, isOwner: true };
  const community = { role: 'community_admin' as const, inScope: true, isOwner: false };
  const street = { role: 'street_admin' as const, inScope: true, isOwner: false };

  it('refuse to submit an incomplete application and say what is missing', () => {
    expect(applicationProblems({ ...complete, categoryCount: 0, staffingMode: 'team', memberCount: 1 })).toEqual([
      'categories',
      'members',
    ]);
    expect(
      code(() =>
        transition({ ...facts('draft'), application: { ...complete, hasLeader: false } }, inputs.submit, member, today),
      ),
    ).toBe('APPLICATION_INCOMPLETE');
  });

  it('reject with a reason only, and never pass a review with a failed item', () => {
    const failed = { ...goodReview, serviceItems: { pass: false, comment: '服务项目不明确' } };
    expect(
      code(() => transition(facts('submitted'), { action: 'communityReview', review: failed }, community, today)),
    ).toBe('REVIEW_INCONSISTENT');
    expect(
      code(() =>
        transition(
          facts('submitted'),
          { action: 'communityReview', review: { ...failed, decision: 'fail' } },
          community,
          today,
        ),
      ),
    ).toBe('REASON_REQUIRED');
    const rejected = transition(
      facts('submitted'),
      { action: 'communityReview', review: { ...failed, decision: 'fail', reason: '服务项目不明确' } },
      community,
      today,
    );
    expect(rejected.to).toBe('rejected');
    expect(rejected.effects[0]).toMatchObject({ kind: 'recordReview', stage: 'community' });
  });

  it('judge nothing by default: an item left unjudged stops a pass and a fail alike', () => {
    const unjudged = { ...goodReview, professionalSpecialty: { pass: null, comment: '' } };
    expect(
      code(() => transition(facts('submitted'), { action: 'communityReview', review: unjudged }, community, today)),
    ).toBe('REVIEW_INCOMPLETE');
    const failing = { ...unjudged, decision: 'fail' as const, reason: '材料不全' };
    expect(
      code(() => transition(facts('submitted'), { action: 'communityReview', review: failing }, community, today)),
    ).toBe('REVIEW_INCOMPLETE');
  });

  it('need a term that ends after it starts and after today, signed by both parties', () => {
    expect(
      code(() =>
        transition(facts('approved'), { ...inputs.sign, termEnd: '2026-11-01' } as TransitionInput, street, today),
      ),
    ).toBe('TERM_INVALID');
    expect(
      code(() =>
        transition(
          facts('approved'),
          { ...inputs.sign, signatories: [{ party: '甲方', name: '西城街道党工委' }] } as TransitionInput,
          street,
          today,
        ),
      ),
    ).toBe('SIGNATORIES_REQUIRED');
  });

  it('never reuse a plaque number', () => {
    expect(
      code(() =>
        transition(
          facts('contracted'),
          { ...inputs.award, plaqueNumberUsedBefore: true } as TransitionInput,
          street,
          today,
        ),
      ),
    ).toBe('PLAQUE_NUMBER_TAKEN');
  });

  it('retire the plaque on revocation, and close an open rectification first', () => {
    const r = transition(facts('rectification'), inputs.revoke, street, today);
    expect(r.effects.map((e) => e.kind)).toEqual(['closeRectification', 'retirePlaque']);
  });

  it('renew only before the term ends, to a later end', () => {
    expect(transition(facts('active', '2026-12-20'), inputs.renew, street, today)).toMatchObject({
      to: 'active',
      effects: [{ kind: 'recordContract', renewal: true, termStart: '2026-12-20' }],
    });
    expect(code(() => transition(facts('active', '2026-11-25'), inputs.renew, street, today))).toBe('RENEWAL_TOO_LATE');
    expect(
      code(() => transition(facts('active', '2026-12-20'), { action: 'renew', termEnd: '2026-12-01' }, street, today)),
    ).toBe('TERM_INVALID');
  });

  it('need rectification findings and a future deadline', () => {
    expect(
      code(() =>
        transition(facts('active'), { ...inputs.rectify, deadline: today } as TransitionInput, community, today),
      ),
    ).toBe('DEADLINE_INVALID');
    expect(
      code(() =>
        transition(facts('active'), { ...inputs.rectify, findings: ' ' } as TransitionInput, community, today),
      ),
    ).toBe('REASON_REQUIRED');
  });
});

describe('the unpaid rule', () => {
  it('catches fees written into text', () => {
    for (const t of ['每次收费20元', '咨询费用另计', '30元/次', '￥50', '价格面议', 'fee: 10', 'paid consultation'])
      expect(mentionsFee(t), t).toBe(true);
  });

  it('lets free services and ordinary numbers through', () => {
    for (const t of ['免费测血压', '每周六上午 9:00-11:00', '响应时间 24 小时内', '每月开展 2 次活动', '义务诊疗'])
      expect(mentionsFee(t), t).toBe(false);
  });
});
