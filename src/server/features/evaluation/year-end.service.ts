import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { chinaMidnight } from '../../../domain/inspections/quarters.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  defaultGradeRule,
  excellentQuota,
  suggestGrade,
  type Grade,
  type GradeRule,
} from '../../../domain/evaluation/year-end.ts';
import type { decideGradeRequest, YearEndSheet, yearEndQuery } from '../../../contract/evaluation.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { readSetting, writeSetting } from '../../settings.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import * as repo from './year-end.repository.ts';

const RULE_KEY = 'evaluation.gradeRule';

/** The rule of the suggested grade in force (the district's, or the default). */
export async function readGradeRule(deps: Deps): Promise<GradeRule> {
  const stored = await readSetting(deps.db, RULE_KEY);
  return stored ? { ...defaultGradeRule, ...(JSON.parse(stored) as Partial<GradeRule>) } : defaultGradeRule;
}

/** The district sets the rule of the suggested grade (audited). */
export async function setGradeRule(deps: Deps, ctx: AuditContext, actor: Actor, rule: GradeRule): Promise<GradeRule> {
  authorize(actor, 'update', 'evaluationScheme', { unitPath: actor.unitPath });
  const before = await readGradeRule(deps);
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, RULE_KEY, JSON.stringify(rule), ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'yearEndRule',
      entityId: actor.unitId,
      action: 'update',
      unitId: actor.unitId,
      before: { ...before },
      after: { ...rule },
    });
  });
  return rule;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: number[]) => (xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length));

/**
 * The year-end sheet of the party members serving in the studios in scope: their studios'
 * services, ratings, four quarterly scores, confirmed commendations, substantiated complaints
 * and inspections, with the grade they suggest. A member reads only their own sheet. The
 * probationary members (预备党员) are listed but not graded.
 */
export async function yearEndSheet(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof yearEndQuery>,
): Promise<YearEndSheet> {
  const scope = await resolveScope(deps.db, actor, 'read', 'evaluationScore', query.under);
  // Only the organisations (who may export the sheet) see every member; a member sees themself.
  const onlyOwn = !can(actor, 'export', 'evaluationScore', { unitPath: actor.unitPath });
  const all = await repo.partyMembersServing(deps.db, scope.path, onlyOwn ? actor.accountId : undefined);
  const rows = query.volunteerId === undefined ? all : all.filter((r) => r.volunteer_id === query.volunteerId);
  const year = query.year;
  const rule = await readGradeRule(deps);
  const quarters = [1, 2, 3, 4].map((n) => `${year}-Q${n}`);
  const studioIds = [...new Set(rows.map((r) => r.studio_id))];
  const start = chinaMidnight(`${year}-01-01`);
  const end = chinaMidnight(`${year + 1}-01-01`);
  const [figures, scores, commendations, complaints, inspections, decided] = await Promise.all([
    repo.yearFigures(deps.db, studioIds, start, end),
    repo.scoresOfStudios(deps.db, studioIds, quarters),
    repo.commendationsOf(deps.db, studioIds, quarters),
    repo.substantiatedComplaints(deps.db, studioIds, `${year}-01-01`, `${year}-12-31`),
    repo.inspectionTotalsOf(deps.db, studioIds, quarters),
    repo.gradesOf(deps.db, year, [...new Set(rows.map((r) => r.volunteer_id))]),
  ]);
  const decision = new Map(decided.map((d) => [d.volunteer_id, d]));
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
      suggestedGrade: suggestGrade(rule, {
        probationary: first.probationary === 1,
        quarterScores,
        substantiatedComplaints: substantiated,
      }),
      probationary: first.probationary === 1,
      confirmedGrade: (decision.get(first.volunteer_id)?.grade ?? null) as Grade | null,
      gradeReason: decision.get(first.volunteer_id)?.reason ?? null,
    };
  });
  const branchNames = [...new Set(members.map((m) => m.branch))];
  const branches = branchNames.map((branch) => {
    // The branch's grade where it decided, the suggestion elsewhere; probationary members are not graded.
    const grades = members
      .filter((m) => m.branch === branch)
      .map((m) => (m.probationary ? null : (m.confirmedGrade ?? m.suggestedGrade)));
    const quota = excellentQuota(grades);
    return {
      branch,
      graded: grades.filter((g) => g !== null).length,
      excellent: quota.given,
      allowed: quota.allowed,
      ok: quota.ok,
    };
  });
  return { year, rule, members, branches };
}

/**
 * The member's branch (an organisation whose subtree holds the member) confirms the suggested
 * grade or changes it, with the reason when it differs; at most a third of the branch's graded
 * members may be 优秀. Audited with the suggestion beside the decision.
 */
export async function decideGrade(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  volunteerId: number,
  input: z.infer<typeof decideGradeRequest>,
): Promise<YearEndSheet['members'][number]> {
  const member = await repo.findPartyMember(deps.db, volunteerId);
  if (!member) throw new DomainError('NOT_FOUND');
  authorize(actor, 'update', 'evaluationScore', { unitPath: member.unit_path });
  if (member.probationary === 1) throw new DomainError('MEMBER_PROBATIONARY');
  const sheet = await yearEndSheet(deps, actor, { year: input.year });
  const mine = sheet.members.find((m) => m.volunteerId === volunteerId);
  if (!mine) throw new DomainError('NOT_FOUND');
  if (input.grade !== mine.suggestedGrade && !input.reason) throw new DomainError('REASON_REQUIRED');
  const others = sheet.members
    .filter((m) => m.branch === mine.branch && m.volunteerId !== volunteerId)
    .map((m) => (m.probationary ? null : (m.confirmedGrade ?? m.suggestedGrade)));
  const quota = excellentQuota([...others, input.grade]);
  if (!quota.ok)
    throw new DomainError('EXCELLENT_QUOTA_EXCEEDED', { branch: mine.branch ?? '—', allowed: quota.allowed });
  await deps.db.transaction().execute(async (trx) => {
    await repo.saveGrade(trx, {
      year: input.year,
      volunteer_id: volunteerId,
      unit_id: member.unit_id,
      suggested: mine.suggestedGrade,
      grade: input.grade,
      reason: input.reason ?? null,
      decided_by: actor.accountId,
      decided_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'yearEndGrade',
      entityId: volunteerId,
      action: input.grade === mine.suggestedGrade ? 'confirm' : 'change',
      unitId: member.unit_id,
      before: { grade: mine.confirmedGrade, suggested: mine.suggestedGrade },
      after: { year: input.year, grade: input.grade, reason: input.reason ?? null },
    });
  });
  return { ...mine, confirmedGrade: input.grade, gradeReason: input.reason ?? null };
}

/** The rule of the suggested grade, for anyone who may read the sheet. */
export async function gradeRuleFor(deps: Deps, actor: Actor): Promise<GradeRule> {
  authorize(actor, 'read', 'evaluationScore', { unitPath: actor.unitPath });
  return readGradeRule(deps);
}

/** One member's sheet of a year (a member: only their own); 404 for anyone else. */
export async function memberSheet(deps: Deps, actor: Actor, volunteerId: number, year: number) {
  const sheet = await yearEndSheet(deps, actor, { year, volunteerId });
  const member = sheet.members[0];
  if (!member) throw new DomainError('NOT_FOUND');
  return { sheet, member };
}
