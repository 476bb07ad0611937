/** One transition of a studio, oldest first, with whether it happened before each of the instants asked about. */
export interface TransitionMark {
  toStatus: string;
  before: readonly boolean[];
}

/**
 * A studio's status at each of `instants` instants: the target of its last transition before
 * the instant; a studio with no history at all reads its present status (imported or seeded
 * studios); one whose history starts after the instant has no known status then (null).
 * `transitions` are in time order (at, then id), so the last marked one is the latest.
 */
export function statusesAt(
  present: string,
  transitions: readonly TransitionMark[],
  instants: number,
): (string | null)[] {
  const out: (string | null)[] = [];
  for (let k = 0; k < instants; k++) {
    if (transitions.length === 0) {
      out.push(present);
      continue;
    }
    let status: string | null = null;
    for (const t of transitions) if (t.before[k]) status = t.toStatus;
    out.push(status);
  }
  return out;
}
