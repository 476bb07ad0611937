import type { Role } from './access/roles.ts';
import { allow, type Condition, type Rule } from './access/policy.ts';
import { DomainError } from './errors.ts';

/** How an object relates to the actor: the actor's role, whether it lies in their subtree, whether they own it. */
export interface Relation {
  role: Role;
  inScope: boolean;
  isOwner: boolean;
}

/** What a transition's rule returns: the state it chose (when it may end in several) and what else to persist. */
export interface Outcome<S extends string, E> {
  to?: S;
  effects?: E[];
}

/**
 * One transition: the states it leaves from, where it goes (`same` stays put), who may take
 * it, and the rule that checks the input and names the effects. A rule throws a DomainError
 * to refuse; it must choose `to` when the transition declares several targets.
 */
export interface TransitionSpec<S extends string, F, I, E> {
  from: readonly S[];
  to: S | 'same' | readonly S[];
  roles: ReadonlyArray<readonly [Role, Condition]>;
  rule?: (facts: F, input: I, today: string) => Outcome<S, E> | void;
}

/** The declaration of a lifecycle: its subject, states and one entry per action. */
export interface LifecycleSpec<Sub extends string, S extends string, A extends string, F, I extends { action: A }, E> {
  subject: Sub;
  states: readonly S[];
  transitions: { [K in A]: TransitionSpec<S, F, Extract<I, { action: K }>, E> };
}

/** What a transition decided: the new state and the effects to persist with it. */
export interface TransitionResult<S extends string, E> {
  from: S;
  to: S;
  effects: E[];
}

/** A declared lifecycle: the guard, the access rules and "what may this actor do now" all come from it. */
export interface Lifecycle<Sub extends string, S extends string, A extends string, F, I extends { action: A }, E> {
  readonly subject: Sub;
  readonly states: readonly S[];
  readonly actions: readonly A[];
  /** The declaration of one action. */
  spec<K extends A>(action: K): TransitionSpec<S, F, Extract<I, { action: K }>, E>;
  /** Whether the actor's role and relation allow the action at all (state aside). */
  mayTake(action: A, relation: Relation): boolean;
  /** The actions this actor may take from this state, in declaration order. */
  available(state: S, relation: Relation): A[];
  /** The access rules the lifecycle implies, for the policy table. */
  rules(): Rule<A, Sub>[];
  /** Every (from, action, to) edge, for documentation and tests. */
  edges(): Array<{ from: S; action: A; to: readonly S[] }>;
  /**
   * Applies one transition: scope, or another's object under an `own` rule (404), role (403),
   * state (409), then the action's rule.
   * Throws a DomainError and decides nothing when a check fails.
   */
  apply(facts: F & { status: S }, input: I, relation: Relation, today: string): TransitionResult<S, E>;
}

/** Declares a lifecycle as a table of transitions. */
export function defineLifecycle<Sub extends string, S extends string, A extends string, F, I extends { action: A }, E>(
  spec: LifecycleSpec<Sub, S, A, F, I, E>,
): Lifecycle<Sub, S, A, F, I, E> {
  const actions = Object.keys(spec.transitions) as A[];
  const specOf = <K extends A>(action: K) => spec.transitions[action];
  const mayTake = (action: A, relation: Relation) =>
    relation.inScope &&
    specOf(action).roles.some(
      ([role, condition]) => role === relation.role && (condition !== 'own' || relation.isOwner),
    );
  const targets = (from: S, to: S | 'same' | readonly S[]): readonly S[] =>
    to === 'same' ? [from] : typeof to === 'string' ? [to as S] : (to as readonly S[]);

  return {
    subject: spec.subject,
    states: spec.states,
    actions,
    spec: specOf,
    mayTake,
    available: (state, relation) => actions.filter((a) => specOf(a).from.includes(state) && mayTake(a, relation)),
    rules: () =>
      actions.flatMap((action) =>
        specOf(action).roles.map(([role, condition]) => allow(role, action, spec.subject, condition)),
      ),
    edges: () =>
      actions.flatMap((action) =>
        specOf(action).from.map((from) => ({ from, action, to: targets(from, specOf(action).to) })),
      ),
    apply(facts, input, relation, today) {
      const action = input.action;
      const t = specOf(action) as TransitionSpec<S, F, I, E>;
      if (!relation.inScope) throw new DomainError('NOT_FOUND');
      // As `authorize` answers: a role the transition names only for its own objects is refused
      // another's as if it did not exist (404); a role it does not name at all, 403.
      if (!mayTake(action, relation))
        throw new DomainError(t.roles.some(([role]) => role === relation.role) ? 'NOT_FOUND' : 'FORBIDDEN');
      if (!t.from.includes(facts.status))
        throw new DomainError('TRANSITION_NOT_ALLOWED', { action, status: facts.status });
      const outcome = t.rule?.(facts, input, today) ?? {};
      const possible = targets(facts.status, t.to);
      const to = outcome.to ?? (possible.length === 1 ? possible[0] : undefined);
      // A rule that picks a state the table does not declare is a programming error, not a user's.
      if (to === undefined || !possible.includes(to)) throw new Error(`lifecycle ${spec.subject}.${action}: no target`);
      return { from: facts.status, to, effects: outcome.effects ?? [] };
    },
  };
}
