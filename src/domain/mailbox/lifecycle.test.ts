import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../access/roles.ts';
import { DomainError } from '../errors.ts';
import {
  applyLetter,
  letterActions,
  letterActorOf,
  letterLifecycle,
  letterStatuses,
  type LetterAction,
  type LetterActor,
  type LetterFacts,
  type LetterInput,
  type LetterStatus,
} from './lifecycle.ts';

const today = '2026-11-25';
const facts = (status: LetterStatus, over: Partial<LetterFacts> = {}): LetterFacts => ({
  status,
  type: 'complaint',
  extended: false,
  ratingDue: '2026-12-05',
  ...over,
});

/** A valid input for every action. */
const inputs: Record<LetterAction, LetterInput> = {
  assign: { action: 'assign', handlerId: 7, handlerEligible: true },
  acknowledge: { action: 'acknowledge', note: '已受理，正在核实' },
  extend: { action: 'extend', days: 5, reason: '需要走访多户居民核实情况', maxDays: 10 },
  reply: { action: 'reply', text: '经核实，已督促工作室按公示时间开放。' },
  rate: { action: 'rate', verdict: 'satisfied', comment: '' },
  replyAgain: { action: 'replyAgain', text: '已约谈负责人并调整开放时间。' },
  rateAgain: { action: 'rateAgain', verdict: 'satisfied', comment: '' },
  rule: { action: 'rule', finding: 'substantiated', reason: '走访核实，反映属实', byHandler: false },
  closeUnrated: { action: 'closeUnrated' },
  forward: { action: 'forward', to: '新罗区纪委监委' },
};

type By = Role | `${Role}:own` | 'writer' | 'system';

/**
 * The letter's lifecycle as issue 11 describes it, written out by hand: for each action, the
 * states it leaves from, where it can go, and who takes it ("own" means only the letter's
 * handler; the writer acts by tracking code, the system by the periodic job or at receipt).
 * The test compares the declared table against this one, so a change to either must be made
 * on purpose in both.
 */
const expected: Record<LetterAction, { from: LetterStatus[]; to: LetterStatus[] | 'same'; by: By[] }> = {
  assign: { from: ['received'], to: ['assigned'], by: ['street_admin'] },
  acknowledge: { from: ['assigned'], to: ['acknowledged'], by: ['street_admin:own'] },
  extend: { from: ['acknowledged', 'reopened'], to: 'same', by: ['street_admin:own'] },
  reply: { from: ['acknowledged'], to: ['replied'], by: ['street_admin:own'] },
  rate: { from: ['replied'], to: ['closed', 'reopened'], by: ['writer'] },
  replyAgain: { from: ['reopened'], to: ['second_replied'], by: ['street_admin:own'] },
  rateAgain: { from: ['second_replied'], to: ['closed', 'under_review'], by: ['writer'] },
  rule: { from: ['under_review'], to: ['closed'], by: ['street_admin', 'district_admin'] },
  closeUnrated: { from: ['replied', 'second_replied'], to: ['closed'], by: ['system'] },
  forward: { from: ['received'], to: ['closed'], by: ['system'] },
};

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof DomainError ? e.code : 'UNEXPECTED';
  }
};
const staff = (role: Role, isOwner = true, inScope = true): LetterActor => ({
  kind: 'staff',
  relation: { role, inScope, isOwner },
});
const mayAct = (action: LetterAction, role: Role, isOwner: boolean) =>
  expected[action].by.some((r) => r === role || (r === `${role}:own` && isOwner));
/** How a refusal answers: another's object under an `own` rule does not exist (404); otherwise 403. */
const refusal = (action: LetterAction, role: Role) =>
  expected[action].by.includes(`${role}:own`) ? 'NOT_FOUND' : 'FORBIDDEN';
const takerOf = (action: LetterAction): LetterActor => {
  const by = expected[action].by[0] ?? 'system';
  if (by === 'writer' || by === 'system') return { kind: by };
  return staff(by.split(':')[0] as Role);
};

describe('the letter state machine', () => {
  it('declares exactly the hand-written table of edges', () => {
    const declared = letterLifecycle.edges().map((e) => `${e.from} -${e.action}-> ${[...e.to].sort().join('|')}`);
    const written = letterActions.flatMap((action) =>
      expected[action].from.map((from) => {
        const to = expected[action].to;
        return `${from} -${action}-> ${(to === 'same' ? [from] : [...to]).sort().join('|')}`;
      }),
    );
    expect(declared.sort()).toEqual(written.sort());
  });

  it('names who takes each transition as the table does', () => {
    for (const action of letterActions) {
      const by = expected[action].by;
      const kind = by.includes('writer') ? 'writer' : by.includes('system') ? 'system' : 'staff';
      expect(letterActorOf[action], action).toBe(kind);
    }
  });

  for (const action of letterActions) {
    const rule = expected[action];
    const from = rule.from[0] ?? 'received';
    for (const role of roles) {
      for (const isOwner of [true, false]) {
        const allowed = mayAct(action, role, isOwner);
        it(`${allowed ? 'allows' : 'refuses'} ${action} to a ${role}${isOwner ? ' who handles the letter' : ''}`, () => {
          const input = action === 'forward' ? inputs.forward : inputs[action];
          const f = action === 'forward' ? facts(from, { type: 'accusation' }) : facts(from);
          expect(code(() => applyLetter(f, input, staff(role, isOwner), today))).toBe(
            allowed ? undefined : refusal(action, role),
          );
          expect(letterLifecycle.available(from, { role, inScope: true, isOwner }).includes(action)).toBe(allowed);
        });
      }
    }
    it(`refuses ${action} from every state it does not leave from, changing nothing`, () => {
      for (const status of letterStatuses.filter((s) => !rule.from.includes(s))) {
        expect(
          code(() => applyLetter(facts(status, { type: 'accusation' }), inputs[action], takerOf(action), today)),
          status,
        ).toBe('LETTER_STATE_CONFLICT');
      }
    });
    if (letterActorOf[action] === 'staff') {
      it(`answers NOT_FOUND for ${action} out of scope`, () => {
        const role = (rule.by[0] ?? '').split(':')[0] as Role;
        expect(code(() => applyLetter(facts(from), inputs[action], staff(role, true, false), today))).toBe('NOT_FOUND');
      });
    } else {
      it(`lets only the ${letterActorOf[action]} take ${action}`, () => {
        const other: LetterActor = letterActorOf[action] === 'writer' ? { kind: 'system' } : { kind: 'writer' };
        expect(code(() => applyLetter(facts(from), inputs[action], other, today))).toBe('FORBIDDEN');
      });
    }
  }
});

describe('a complaint handled twice and ruled on', () => {
  it('walks received → assigned → acknowledged → replied → reopened → second reply → under review → closed', () => {
    const handler = staff('street_admin', true);
    const reviewer = staff('street_admin', false);
    const steps: Array<[LetterInput, LetterActor, LetterStatus]> = [
      [inputs.assign, reviewer, 'assigned'],
      [inputs.acknowledge, handler, 'acknowledged'],
      [inputs.extend, handler, 'acknowledged'],
      [inputs.reply, handler, 'replied'],
      [{ action: 'rate', verdict: 'unsatisfied', comment: '时间还是不固定' }, { kind: 'writer' }, 'reopened'],
      [inputs.replyAgain, handler, 'second_replied'],
      [{ action: 'rateAgain', verdict: 'unsatisfied', comment: '' }, { kind: 'writer' }, 'under_review'],
      [inputs.rule, reviewer, 'closed'],
    ];
    let f = facts('received');
    const kinds: string[] = [];
    for (const [input, actor, status] of steps) {
      const r = applyLetter(f, input, actor, today);
      expect(r.to, input.action).toBe(status);
      kinds.push(...r.effects.map((e) => e.kind));
      f = { ...f, status: r.to, extended: f.extended || input.action === 'extend' };
    }
    expect(kinds).toEqual([
      'assignHandler',
      'acknowledge',
      'extend',
      'reply',
      'verdict',
      'reopen',
      'reply',
      'verdict',
      'ruling',
      'close',
    ]);
  });
});

describe('guards', () => {
  const handler = staff('street_admin', true);

  it('assign only a handler of the street', () => {
    expect(
      code(() =>
        applyLetter(
          facts('received'),
          { ...inputs.assign, handlerEligible: false } as LetterInput,
          staff('street_admin'),
          today,
        ),
      ),
    ).toBe('HANDLER_NOT_ELIGIBLE');
  });

  it('extend once, by at most the district maximum, with a reason', () => {
    expect(code(() => applyLetter(facts('acknowledged', { extended: true }), inputs.extend, handler, today))).toBe(
      'EXTENSION_ALREADY_USED',
    );
    expect(
      code(() => applyLetter(facts('acknowledged'), { ...inputs.extend, days: 11 } as LetterInput, handler, today)),
    ).toBe('EXTENSION_TOO_LONG');
    expect(
      code(() => applyLetter(facts('acknowledged'), { ...inputs.extend, days: 0 } as LetterInput, handler, today)),
    ).toBe('VALIDATION_FAILED');
    expect(
      code(() => applyLetter(facts('reopened'), { ...inputs.extend, reason: ' ' } as LetterInput, handler, today)),
    ).toBe('REASON_REQUIRED');
    expect(applyLetter(facts('reopened'), inputs.extend, handler, today)).toMatchObject({
      to: 'reopened',
      effects: [{ kind: 'extend', days: 5 }],
    });
  });

  it('close on 满意 or 基本满意, and reopen once on 不满意', () => {
    const writer: LetterActor = { kind: 'writer' };
    expect(applyLetter(facts('replied'), { action: 'rate', verdict: 'basic', comment: '' }, writer, today).to).toBe(
      'closed',
    );
    expect(
      applyLetter(facts('replied'), { action: 'rate', verdict: 'unsatisfied', comment: '' }, writer, today).to,
    ).toBe('reopened');
    expect(
      applyLetter(facts('second_replied'), { action: 'rateAgain', verdict: 'satisfied', comment: '' }, writer, today)
        .to,
    ).toBe('closed');
  });

  it('send only a complaint to a ruling; a suggestion rated 不满意 twice closes with that verdict', () => {
    const writer: LetterActor = { kind: 'writer' };
    const unsatisfied: LetterInput = { action: 'rateAgain', verdict: 'unsatisfied', comment: '' };
    expect(applyLetter(facts('second_replied', { type: 'suggestion' }), unsatisfied, writer, today)).toMatchObject({
      to: 'closed',
      effects: [
        { kind: 'verdict', round: 2, verdict: 'unsatisfied' },
        { kind: 'close', closure: 'rated' },
      ],
    });
  });

  it('refuse a verdict after the rating window, and close unrated only after it', () => {
    const writer: LetterActor = { kind: 'writer' };
    const late = facts('replied', { ratingDue: '2026-11-24' });
    expect(code(() => applyLetter(late, inputs.rate, writer, today))).toBe('RATING_WINDOW_CLOSED');
    expect(applyLetter(late, inputs.closeUnrated, { kind: 'system' }, today)).toMatchObject({
      to: 'closed',
      effects: [{ kind: 'close', closure: 'unrated' }],
    });
    expect(
      code(() => applyLetter(facts('replied', { ratingDue: today }), inputs.closeUnrated, { kind: 'system' }, today)),
    ).toBe('LETTER_STATE_CONFLICT');
  });

  it('keep the ruling away from the handler, and require a reason', () => {
    const district = staff('district_admin', false);
    expect(
      code(() =>
        applyLetter(facts('under_review'), { ...inputs.rule, byHandler: true } as LetterInput, handler, today),
      ),
    ).toBe('RULING_BY_HANDLER');
    expect(
      code(() => applyLetter(facts('under_review'), { ...inputs.rule, reason: '' } as LetterInput, district, today)),
    ).toBe('REASON_REQUIRED');
  });

  it('forward only an accusation, closed at once with the body and the date', () => {
    const system: LetterActor = { kind: 'system' };
    expect(applyLetter(facts('received', { type: 'accusation' }), inputs.forward, system, today)).toMatchObject({
      to: 'closed',
      effects: [
        { kind: 'forward', to: '新罗区纪委监委', on: today },
        { kind: 'close', closure: 'forwarded' },
      ],
    });
    expect(code(() => applyLetter(facts('received'), inputs.forward, system, today))).toBe('LETTER_STATE_CONFLICT');
  });
});
