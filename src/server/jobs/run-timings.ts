/** Told how long each step of a run took; the bench and the tests read it, the server passes none. */
export interface RunTimings {
  step(name: string, ms: number): void;
}

/** Counts, total and longest time of each step, for printing. */
export class StepTimes implements RunTimings {
  readonly steps = new Map<string, { count: number; totalMs: number; maxMs: number }>();

  step(name: string, ms: number): void {
    const s = this.steps.get(name) ?? { count: 0, totalMs: 0, maxMs: 0 };
    s.count += 1;
    s.totalMs += ms;
    s.maxMs = Math.max(s.maxMs, ms);
    this.steps.set(name, s);
  }

  /** One line per step: count, total and longest, in ms. */
  toJSON(): Record<string, { count: number; totalMs: number; maxMs: number }> {
    return Object.fromEntries(
      [...this.steps].map(([k, v]) => [
        k,
        { count: v.count, totalMs: Math.round(v.totalMs), maxMs: Math.round(v.maxMs * 10) / 10 },
      ]),
    );
  }
}
