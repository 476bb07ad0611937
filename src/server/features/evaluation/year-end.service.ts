import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { chinaMidnight } from '../../../domain/inspections/quarters.ts';
import { defaultGradeRule, excellentQuota, suggestGrade } from '../../../domain/evaluation/year-end.ts';
import type { YearEndSheet, yearEndQuery } from '../../../contract/evaluation.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import * as repo from './year-end.repository.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/**
 * The year-end sheet of the party members serving in the studios in scope: their studios'
 * services, ratings, four quarterly scores, confirmed commendations, substantiated complaints
 * and inspections, with the grade they suggest. A member reads only their own sheet. The
 * registry does not record probationary membership (预备党员) yet, so every member is graded.
 */
export async function yearEndSheet(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof yearEndQuery>,
): Promise<YearEndSheet> {
  const scope = await resolveScope(deps.db, actor, 'read', 'evaluationScore', query.under);
  // Only the organisations (who may export the sheet) see every member; a member sees themself.
  const onlyOwn = !can(actor, 'export', 'evaluationScore', { unitPath: actor.unitPath });
  const rows = await repo.partyMembersServing(deps.db, scope.path, onlyOwn ? actor.accountId : undefined);
  const year = query.year;
  const quarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`);
  const studioIds = [...new Set(rows.map((r) => r.studio_id))];
  const start = chinaMidnight(`${year}-01-01`);
  const end = chinaMidnight(`${year + 1}-01-01`);
  const [figures, scores, commendations, complaints, inspections] = await Promise.all([
    repo.yearFigures(deps.db, studioIds, start, end),
    repo.scoresOfStudios(deps.db, studioIds, quarters),
    repo.commendationsOf(deps.db, studioIds, quarters),
    repo.substantiatedComplaints(deps.db, studioIds, `${year}-01-01`, `${year}-12-31`),
    repo.inspectionTotalsOf(deps.db, studioIds, quarters),
  ]);
  const byStudio = <T extends { studio_id: number | null }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) if (x.studio_id !== null) m.set(x.studio_id, [...(m.get(x.studio_id) ?? []), x]);
    return m;
  };
  const records = byStudio(figures.records);
  const ratings = byStudio(figures.ratings);
  const scoreRows = byStudio(scores);
  const commended = byStudio(commendations);
  const complained = byStudio(complaints);
  const inspected = byStudio(inspections);

  const people = new Map<number, typeof rows>();
  for (const r of rows) people.set(r.volunteer_id, [...(people.get(r.volunteer_id) ?? []), r]);
  const members = [...people.values()].map((own) => {
    const first = own[0] as (typeof rows)[number];
    const ids = own.map((o) => o.studio_id);
    const sum = <T>(m: Map<number, T[]>, f: (x: T) => number) =>
      ids.reduce((s, id) => s + (m.get(id) ?? []).reduce((a, x) => a + f(x), 0), 0);
    const ratingCount = sum(ratings, (x) => Number(x.n));
    const quarterScores = quarters.map((q) =>
      mean(ids.flatMap((id) => (scoreRows.get(id) ?? []).filter((s) => s.quarter === q).map((s) => s.total))),
    );
    const substantiated = sum(complained, (x) => Number(x.n));
    return {
      volunteerId: first.volunteer_id,
      name: first.name,
      branch: first.party_branch,
      studios: own.map((o) => ({ id: o.studio_id, name: o.studio_name, role: o.role })),
      services: sum(records, (x) => Number(x.n)),
      personTimes: sum(records, (x) => Number(x.person_times ?? 0)),
      ratings: ratingCount,
      ratingMean: ratingCount === 0 ? null : round2(sum(ratings, (x) => Number(x.total ?? 0)) / ratingCount),
      quarterScores,
      commendations: sum(commended, () => 1),
      substantiatedComplaints: substantiated,
      inspectionMean: mean(ids.flatMap((id) => (inspected.get(id) ?? []).map((i) => i.total ?? 0))),
      suggestedGrade: suggestGrade(defaultGradeRule, {
        probationary: false,
        quarterScores,
        substantiatedComplaints: substantiated,
      }),
    };
  });
  const branchNames = [...new Set(members.map((m) => m.branch))];
  const branches = branchNames.map((branch) => {
    const grades = members.filter((m) => m.branch === branch).map((m) => m.suggestedGrade);
    const quota = excellentQuota(grades);
    return {
      branch,
      graded: grades.filter((g) => g !== null).length,
      excellent: quota.given,
      allowed: quota.allowed,
      ok: quota.ok,
    };
  });
  return { year, members, branches };
}
