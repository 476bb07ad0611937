import { describe, expect, it } from 'vitest';
import { planInspections, quotas, servedDuring, type PlanStudio, type PlanSupervisor } from './plan.ts';

const sup = (id: number, communityId: number | null, load = 0): PlanSupervisor => ({ id, communityId, load });
const studio = (id: number, communityId: number): PlanStudio => ({ id, communityId });

/** Loads per supervisor after a plan, counting what each held before. */
function loadsOf(plan: ReturnType<typeof planInspections>, supervisors: PlanSupervisor[]): number[] {
  return supervisors.map((s) => s.load + plan.assignments.filter((a) => a.supervisorId === s.id).length);
}
function ownCommunity(plan: ReturnType<typeof planInspections>, studios: PlanStudio[], supervisors: PlanSupervisor[]) {
  return plan.assignments.filter(
    (a) =>
      studios.find((s) => s.id === a.studioId)?.communityId ===
      supervisors.find((s) => s.id === a.supervisorId)?.communityId,
  ).length;
}

/** The fewest own-community inspections any balanced plan can have, by trying every plan (small cases only). */
function bestPossible(studios: PlanStudio[], supervisors: PlanSupervisor[]): number {
  const n = studios.length;
  const k = supervisors.length;
  const cap = Math.ceil(n / k);
  let best = Infinity;
  const loads = supervisors.map(() => 0);
  const walk = (i: number, own: number) => {
    if (own >= best) return;
    if (i === n) {
      if (Math.max(...loads) - Math.min(...loads) <= 1) best = own;
      return;
    }
    supervisors.forEach((s, j) => {
      if ((loads[j] ?? 0) >= cap) return;
      loads[j] = (loads[j] ?? 0) + 1;
      walk(i + 1, own + (s.communityId === studios[i]?.communityId ? 1 : 0));
      loads[j] = (loads[j] ?? 0) - 1;
    });
  };
  walk(0, 0);
  return best;
}

/** A small deterministic pseudo-random sequence, so a failing case can be replayed. */
function random(seed: number) {
  let x = seed;
  return (max: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % max;
  };
}

describe('planInspections', () => {
  it('covers every studio once, spread within one across the supervisors', () => {
    const studios = Array.from({ length: 11 }, (_, i) => studio(100 + i, 1 + (i % 3)));
    const supervisors = [sup(1, 1), sup(2, 2), sup(3, 3), sup(4, null)];
    const plan = planInspections(studios, supervisors);
    expect(plan.unassigned).toEqual([]);
    expect(plan.assignments.map((a) => a.studioId).sort()).toEqual(studios.map((s) => s.id));
    const loads = loadsOf(plan, supervisors);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(loads.reduce((a, b) => a + b)).toBe(11);
  });

  it('never sends supervisors to their own community when someone else can go', () => {
    const studios = [studio(1, 10), studio(2, 10), studio(3, 20), studio(4, 20)];
    const supervisors = [sup(7, 10), sup(8, 20)];
    const plan = planInspections(studios, supervisors);
    expect(plan.assignments).toEqual([
      { studioId: 1, supervisorId: 8 },
      { studioId: 2, supervisorId: 8 },
      { studioId: 3, supervisorId: 7 },
      { studioId: 4, supervisorId: 7 },
    ]);
  });

  it('gives the extra inspection to whoever avoids their own community', () => {
    // Three studios of community 10: the supervisor from 20 must take two of them.
    const plan = planInspections([studio(1, 10), studio(2, 10), studio(3, 10)], [sup(7, 10), sup(8, 20)]);
    expect(plan.assignments.filter((a) => a.supervisorId === 8)).toHaveLength(2);
  });

  it('keeps balance first: a lone community is inspected by its own supervisor when balance needs it', () => {
    const studios = [studio(1, 10), studio(2, 10), studio(3, 10), studio(4, 10)];
    const supervisors = [sup(7, 10), sup(8, 20)];
    const plan = planInspections(studios, supervisors);
    expect(loadsOf(plan, supervisors)).toEqual([2, 2]);
    expect(ownCommunity(plan, studios, supervisors)).toBe(2);
  });

  it('lets a single supervisor, or supervisors all from the studio’s community, inspect it', () => {
    expect(planInspections([studio(1, 10)], [sup(7, 10)]).assignments).toEqual([{ studioId: 1, supervisorId: 7 }]);
    expect(planInspections([studio(1, 10)], [sup(7, 10), sup(8, 10)]).assignments).toHaveLength(1);
  });

  it('lists every studio as unassigned when the street has no active supervisor', () => {
    expect(planInspections([studio(2, 1), studio(1, 1)], [])).toEqual({ assignments: [], unassigned: [1, 2] });
  });

  it('tops up a quarter already planned, evening out the loads', () => {
    const supervisors = [sup(1, null, 3), sup(2, null, 1), sup(3, null, 0)];
    const plan = planInspections([studio(10, 1), studio(11, 1), studio(12, 1), studio(13, 1)], supervisors);
    expect(loadsOf(plan, supervisors).sort()).toEqual([2, 3, 3]);
    expect(plan.assignments.some((a) => a.supervisorId === 1)).toBe(false);
  });

  it('plans alike whatever order the studios and supervisors arrive in', () => {
    const studios = Array.from({ length: 9 }, (_, i) => studio(i + 1, i % 2 ? 10 : 20));
    const supervisors = [sup(5, 10), sup(6, 20), sup(7, 30)];
    const a = planInspections(studios, supervisors);
    const b = planInspections([...studios].reverse(), [...supervisors].reverse());
    expect(b).toEqual(a);
  });

  it('is as good as the best balanced plan on 300 random small streets', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      const k = 1 + next(4);
      const n = next(8);
      const supervisors = Array.from({ length: k }, (_, j) => sup(j + 1, next(4) === 0 ? null : 1 + next(3)));
      const studios = Array.from({ length: n }, (_, i) => studio(100 + i, 1 + next(3)));
      const plan = planInspections(studios, supervisors);
      const label = JSON.stringify({ studios, supervisors });
      expect(plan.unassigned, label).toEqual([]);
      expect(new Set(plan.assignments.map((a) => a.studioId)).size, label).toBe(n);
      const loads = loadsOf(plan, supervisors);
      expect(Math.max(...loads) - Math.min(...loads), label).toBeLessThanOrEqual(1);
      expect(ownCommunity(plan, studios, supervisors), label).toBe(bestPossible(studios, supervisors));
    }
  });
});

describe('quotas', () => {
  it('fills the lowest loads first and leaves the rest as one-extra places', () => {
    expect(quotas([0, 0, 0], 7)).toEqual({ base: [2, 2, 2], extras: 1, mayTakeExtra: [true, true, true] });
    expect(quotas([3, 1, 0], 4)).toEqual({ base: [0, 1, 2], extras: 1, mayTakeExtra: [false, true, true] });
  });
});

describe('servedDuring', () => {
  const q4 = { start: '2026-09-30T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' };
  const served = (history: Array<[string, string]>) =>
    servedDuring(
      history.map(([status, since]) => ({ status, since })),
      q4.start,
      q4.end,
    );

  it('counts a studio serving when the quarter began, or that began serving in it', () => {
    expect(served([['active', '2025-01-10T00:00:00Z']])).toBe(true);
    expect(
      served([
        ['contracted', '2026-09-01T00:00:00Z'],
        ['active', '2026-11-01T00:00:00Z'],
      ]),
    ).toBe(true);
    expect(
      served([
        ['active', '2025-01-10T00:00:00Z'],
        ['revoked', '2026-10-02T00:00:00Z'],
      ]),
    ).toBe(true);
  });

  it('leaves out studios revoked before the quarter, awarded after it, or never serving', () => {
    expect(
      served([
        ['active', '2025-01-10T00:00:00Z'],
        ['revoked', '2026-09-01T00:00:00Z'],
      ]),
    ).toBe(false);
    expect(
      served([
        ['contracted', '2026-09-01T00:00:00Z'],
        ['active', '2027-01-05T00:00:00Z'],
      ]),
    ).toBe(false);
    expect(
      served([
        ['approved', '2026-10-05T00:00:00Z'],
        ['contracted', '2026-11-05T00:00:00Z'],
      ]),
    ).toBe(false);
    expect(served([])).toBe(false);
  });
});
