import type { Finding, MailboxSettings, Verdict } from './letters.ts';

/** What the three rates need to know of one handled letter. */
export interface LetterOutcome {
  ackDue: string;
  /** The China date it was acknowledged, or null. */
  acknowledgedOn: string | null;
  /** The writer's verdict after the last handling they rated, or null (未评价). */
  verdict: Verdict | null;
  finding: Finding | null;
}

/** The counts behind the three rates, per studio or per street. */
export interface Tally {
  letters: number;
  /** Letters whose acknowledgement was due: acknowledged, or past the deadline. */
  due: number;
  acknowledgedOnTime: number;
  /** Letters with a verdict. */
  rated: number;
  /** Letters whose writer was not 不满意 after the last handling. */
  resolved: number;
  satisfied: number;
  basic: number;
  unsatisfied: number;
  substantiated: number;
}

/** An empty tally. */
export function emptyTally(): Tally {
  return {
    letters: 0,
    due: 0,
    acknowledgedOnTime: 0,
    rated: 0,
    resolved: 0,
    satisfied: 0,
    basic: 0,
    unsatisfied: 0,
    substantiated: 0,
  };
}

/**
 * Counts letters the way 12345 hotlines count them, as of `today`: a letter is due once
 * acknowledged or past its acknowledgement deadline; on time when acknowledged by the
 * deadline; resolved when its last verdict is not 不满意. Letters without a verdict (未评价)
 * count in no verdict figure at all, so they are never counted as satisfied.
 */
export function tally(outcomes: Iterable<LetterOutcome>, today: string): Tally {
  const t = emptyTally();
  for (const o of outcomes) {
    t.letters += 1;
    if (o.acknowledgedOn !== null || o.ackDue < today) t.due += 1;
    if (o.acknowledgedOn !== null && o.acknowledgedOn <= o.ackDue) t.acknowledgedOnTime += 1;
    if (o.verdict !== null) {
      t.rated += 1;
      if (o.verdict !== 'unsatisfied') t.resolved += 1;
      if (o.verdict === 'satisfied') t.satisfied += 1;
      else if (o.verdict === 'basic') t.basic += 1;
      else t.unsatisfied += 1;
    }
    if (o.finding === 'substantiated') t.substantiated += 1;
  }
  return t;
}

/** 响应率, 解决率, 满意率 and the weighted composite, each a fraction 0–1 (null without a denominator). */
export interface Rates {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  composite: number | null;
  /** Fewer rated letters than the district requires for a ranking: shown, but not ranked. */
  tooFewToRank: boolean;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/**
 * The three rates: response = acknowledged on time ÷ due; resolution = resolved ÷ rated;
 * satisfaction = (满意 + w × 基本满意) ÷ rated, w being the district's weight of 基本满意
 * (0.9 by default). The composite weighs them (10 / 50 / 40 by default) and exists only when
 * all three do.
 */
export function threeRates(
  t: Tally,
  s: Pick<MailboxSettings, 'weights' | 'basicSatisfiedWeight' | 'minRatedToRank'>,
): Rates {
  const responseRate = ratio(t.acknowledgedOnTime, t.due);
  const resolutionRate = ratio(t.resolved, t.rated);
  const satisfactionRate = ratio(t.satisfied + s.basicSatisfiedWeight * t.basic, t.rated);
  const w = s.weights;
  const total = w.response + w.resolution + w.satisfaction;
  const composite =
    responseRate === null || resolutionRate === null || satisfactionRate === null || total === 0
      ? null
      : (w.response * responseRate + w.resolution * resolutionRate + w.satisfaction * satisfactionRate) / total;
  return { responseRate, resolutionRate, satisfactionRate, composite, tooFewToRank: t.rated < s.minRatedToRank };
}
