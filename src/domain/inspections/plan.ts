/** A studio to inspect: where it sits (its community) decides who should not inspect it. */
export interface PlanStudio {
  id: number;
  communityId: number;
}

/** A citizen supervisor who can take inspections; a resident of `communityId` when known. */
export interface PlanSupervisor {
  id: number;
  communityId: number | null;
  /** Inspections the supervisor already holds this quarter (a plan topped up mid-quarter). */
  load: number;
}

/** One studio given to one supervisor. */
export interface Assignment {
  studioId: number;
  supervisorId: number;
}

/** What planning decided: the assignments, and the studios no supervisor could take. */
export interface Plan {
  assignments: Assignment[];
  unassigned: number[];
}

/**
 * Shares a quarter's studios among the street's active supervisors.
 *
 * Balance is the hard rule: the loads after planning (counting what each already holds) are
 * as even as the existing loads allow — from an empty quarter, within one of each other.
 * Within that, as few supervisors as possible inspect a studio of their own community: the
 * split is a maximum flow from communities to supervisors over "not my community" edges, so
 * someone inspects their own community only when every balanced plan needs it. The result
 * depends only on the input (ids are sorted first), so two instances plan alike.
 */
export function planInspections(studios: readonly PlanStudio[], supervisors: readonly PlanSupervisor[]): Plan {
  const sortedStudios = [...studios].sort((a, b) => a.id - b.id);
  if (supervisors.length === 0) return { assignments: [], unassigned: sortedStudios.map((s) => s.id) };
  const sups = [...supervisors].sort((a, b) => a.id - b.id);
  const quota = quotas(
    sups.map((s) => s.load),
    sortedStudios.length,
  );

  // Nodes: source, one per community, one per supervisor, the pool of "+1" places, sink.
  const communities = [...new Set(sortedStudios.map((s) => s.communityId))].sort((a, b) => a - b);
  const source = 0;
  const communityNode = (i: number) => 1 + i;
  const supervisorNode = (j: number) => 1 + communities.length + j;
  const extra = 1 + communities.length + sups.length;
  const sink = extra + 1;
  const flow = new FlowNetwork(sink + 1);
  communities.forEach((c, i) =>
    flow.add(source, communityNode(i), sortedStudios.filter((s) => s.communityId === c).length),
  );
  const edges = new Map<string, number>();
  communities.forEach((c, i) =>
    sups.forEach((s, j) => {
      if (s.communityId !== c) edges.set(`${i}:${j}`, flow.add(communityNode(i), supervisorNode(j), Infinity));
    }),
  );
  sups.forEach((_s, j) => {
    flow.add(supervisorNode(j), sink, quota.base[j] ?? 0);
    if (quota.mayTakeExtra[j]) flow.add(supervisorNode(j), extra, 1);
  });
  flow.add(extra, sink, quota.extras);
  flow.maxFlow(source, sink);

  const taken = new Map<number, number>();
  const assignments: Assignment[] = [];
  const load = sups.map(() => 0);
  communities.forEach((c, i) => {
    const queue = sortedStudios.filter((s) => s.communityId === c);
    sups.forEach((s, j) => {
      const e = edges.get(`${i}:${j}`);
      for (let n = e === undefined ? 0 : flow.flowOf(e); n > 0; n--) {
        const studio = queue.shift();
        if (!studio) return;
        assignments.push({ studioId: studio.id, supervisorId: s.id });
        taken.set(studio.id, s.id);
        load[j] = (load[j] ?? 0) + 1;
      }
    });
  });

  // Studios the flow could not place away from home go wherever the quota still has room:
  // first up to each supervisor's base, then the "+1" places.
  let extrasLeft = quota.extras - sups.reduce((n, _s, j) => n + Math.max(0, (load[j] ?? 0) - (quota.base[j] ?? 0)), 0);
  for (const studio of sortedStudios) {
    if (taken.has(studio.id)) continue;
    let j = sups.findIndex((_s, k) => (load[k] ?? 0) < (quota.base[k] ?? 0));
    if (j < 0 && extrasLeft > 0) {
      j = sups.findIndex((_s, k) => quota.mayTakeExtra[k] && (load[k] ?? 0) === (quota.base[k] ?? 0));
      if (j >= 0) extrasLeft -= 1;
    }
    const s = sups[j];
    if (!s) continue;
    assignments.push({ studioId: studio.id, supervisorId: s.id });
    load[j] = (load[j] ?? 0) + 1;
  }
  assignments.sort((a, b) => a.studioId - b.studioId);
  const placed = new Set(assignments.map((a) => a.studioId));
  return { assignments, unassigned: sortedStudios.filter((s) => !placed.has(s.id)).map((s) => s.id) };
}

/**
 * How many new inspections each supervisor should take so the loads come out level: water
 * filled up to a common level, and the remainder as "+1" places for those at that level.
 */
export function quotas(
  loads: readonly number[],
  count: number,
): { base: number[]; extras: number; mayTakeExtra: boolean[] } {
  const need = (level: number) => loads.reduce((n, l) => n + Math.max(0, level - l), 0);
  let level = 0;
  while (need(level + 1) <= count && loads.length > 0) level += 1;
  const base = loads.map((l) => Math.max(0, level - l));
  return { base, extras: count - need(level), mayTakeExtra: loads.map((l) => l <= level) };
}

/** Edmonds–Karp on a small graph; BFS in insertion order keeps the result deterministic. */
class FlowNetwork {
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly adj: number[][];
  constructor(nodes: number) {
    this.adj = Array.from({ length: nodes }, () => []);
  }
  /** Adds an edge and its reverse; answers the forward edge's index. */
  add(from: number, to: number, capacity: number): number {
    const e = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.adj[from]?.push(e);
    this.adj[to]?.push(e + 1);
    return e;
  }
  /** The flow on a forward edge: what its reverse edge holds. */
  flowOf(edge: number): number {
    return this.cap[edge + 1] ?? 0;
  }
  maxFlow(source: number, sink: number): number {
    let total = 0;
    for (;;) {
      const via = new Array<number>(this.adj.length).fill(-1);
      const queue = [source];
      via[source] = -2;
      while (queue.length > 0 && via[sink] === -1) {
        const node = queue.shift() ?? source;
        for (const e of this.adj[node] ?? []) {
          const next = this.to[e] ?? 0;
          if (via[next] === -1 && (this.cap[e] ?? 0) > 0) {
            via[next] = e;
            queue.push(next);
          }
        }
      }
      if (via[sink] === -1) return total;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[(via[v] ?? 0) ^ 1] ?? source)
        push = Math.min(push, this.cap[via[v] ?? 0] ?? 0);
      for (let v = sink; v !== source; v = this.to[(via[v] ?? 0) ^ 1] ?? source) {
        const e = via[v] ?? 0;
        this.cap[e] = (this.cap[e] ?? 0) - push;
        this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + push;
      }
      total += push;
    }
  }
}

/** A studio's status from an instant on, as its history records it. */
export interface StatusSpan {
  status: string;
  since: string;
}

const serving = (status: string) => status === 'active' || status === 'rectification';

/**
 * Whether a studio served (was `active` or in `rectification`) at any time in [start, end):
 * the status in force at `start`, or any status it took before `end`. `history` is ordered
 * by `since`; before its first entry the studio was not yet serving.
 */
export function servedDuring(history: readonly StatusSpan[], start: string, end: string): boolean {
  let current: string | null = null;
  for (const span of history) {
    if (span.since <= start) {
      current = span.status;
      continue;
    }
    if (span.since >= end) break;
    if (serving(span.status)) return true;
  }
  return current !== null && serving(current);
}
