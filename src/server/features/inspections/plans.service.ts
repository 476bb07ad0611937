import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isStreetLevel } from '../../../domain/org-units/units.ts';
import { planInspections, servedDuring, type StatusSpan } from '../../../domain/inspections/plan.ts';
import { lastDayOf, quarterInstants, quarterOfDay, type Quarter } from '../../../domain/inspections/quarters.ts';
import type { Database } from '../../../db/schema.ts';
import type { coverage, coverageQuery } from '../../../contract/inspections.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './inspections.repository.ts';
import { activeSupervisorsOfStreet } from './supervisors.repository.ts';

type Candidate = Awaited<ReturnType<typeof repo.candidateStudios>>[number];

/**
 * The studios among the candidates that served at any time in the quarter. Only those whose
 * status changed since the quarter began need their history; the others kept their status.
 */
async function servedInQuarter(db: Kysely<Database>, candidates: Candidate[], quarter: Quarter) {
  const { start, end } = quarterInstants(quarter);
  const changed = candidates.filter((c) => c.status_changed_at >= start);
  const transitions = await repo.studioTransitions(
    db,
    changed.map((c) => c.id),
  );
  return candidates.filter((c) => {
    if (c.status_changed_at < start) return c.status === 'active' || c.status === 'rectification';
    const own = transitions.filter((t) => t.studio_id === c.id);
    // What the history holds, with the status before its first entry; a studio with no history
    // (loaded by a seed or an import) took its status when it last changed, and can only have
    // been revoked or closed from serving.
    const history: StatusSpan[] =
      own.length > 0
        ? [
            { status: own[0]?.from_status ?? 'draft', since: '' },
            ...own.map((t) => ({ status: t.to_status, since: t.at })),
          ]
        : [
            ...(['revoked', 'closed'].includes(c.status) ? [{ status: 'active', since: '' }] : []),
            { status: c.status, since: c.status_changed_at },
          ];
    return servedDuring(history, start, end);
  });
}

/** What planning one street's quarter did. */
export interface PlanOutcome {
  quarter: Quarter;
  streetId: number;
  created: number;
  planned: number;
  unassigned: Array<{ studioId: number; studioName: string }>;
}

/**
 * Plans a street's quarter: every studio that served in it and has no inspection yet gets
 * one, shared among the street's serving supervisors (see `planInspections`). Running it
 * again, on another instance or at once, adds only what is missing: the plan's unique
 * (quarter, studio, round) lets one writer in.
 */
export async function planStreet(
  db: Kysely<Database>,
  ctx: AuditContext,
  street: { id: number; path: string },
  quarter: Quarter,
): Promise<PlanOutcome> {
  const today = chinaDate(new Date(ctx.at));
  const served = await servedInQuarter(
    db,
    await repo.candidateStudios(db, street.path, quarterInstants(quarter).start),
    quarter,
  );
  const existing = await repo.inspectionsOfStreetQuarter(db, street.id, quarter);
  const held = new Set(existing.map((e) => e.studio_id));
  const toPlan = served.filter((s) => !held.has(s.id));
  const supervisors = await activeSupervisorsOfStreet(db, street.id, today);
  const live = existing.filter((e) => e.status !== 'cancelled');
  const plan = planInspections(
    toPlan.map((s) => ({ id: s.id, communityId: s.unit_id })),
    supervisors.map((s) => ({
      id: s.id,
      communityId: s.community_id,
      load: live.filter((e) => e.supervisor_id === s.id).length,
    })),
  );
  const studios = new Map(toPlan.map((s) => [s.id, s]));
  const created = await db.transaction().execute(async (trx) => {
    const ids = await repo.insertPlanned(
      trx,
      plan.assignments.map((a) => ({
        quarter,
        round: 1,
        studio_id: a.studioId,
        unit_id: studios.get(a.studioId)?.unit_id ?? 0,
        street_id: street.id,
        supervisor_id: a.supervisorId,
        status: 'planned',
        due_on: lastDayOf(quarter),
        checklist_version: null,
        ratings_json: null,
        total: null,
        visited_at: null,
        lng: null,
        lat: null,
        idempotency_key: null,
        submitted_by: null,
        submitted_at: null,
        corrected_at: null,
        cancel_reason: null,
        created_at: ctx.at,
        updated_at: ctx.at,
      })),
    );
    for (const id of ids)
      await repo.insertEvent(trx, {
        inspection_id: id,
        action: 'plan',
        from_status: null,
        to_status: 'planned',
        actor_id: ctx.actor?.accountId ?? null,
        actor_name: ctx.actor?.username ?? 'system',
        note: quarter,
        at: ctx.at,
      });
    await repo.markPlanned(trx, street.id, quarter, ctx.at, ctx.actor?.accountId ?? null);
    if (ids.length > 0)
      await recordAudit(
        trx,
        ctx,
        {
          entity: 'inspectionPlan',
          entityId: `${street.id}:${quarter}`,
          action: 'plan',
          unitId: street.id,
          after: { quarter, created: ids.length, unassigned: plan.unassigned },
        },
        ctx.actor ? undefined : 'system',
      );
    return ids.length;
  });
  return {
    quarter,
    streetId: street.id,
    created,
    planned: live.length + created,
    unassigned: plan.unassigned.map((id) => ({ studioId: id, studioName: studios.get(id)?.name ?? '' })),
  };
}

/** The street's button: plans (or tops up) the current quarter of the actor's street, or of one in their scope. */
export async function planOnDemand(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  streetId: number | undefined,
): Promise<PlanOutcome> {
  const unit = await findUnit(deps.db, streetId ?? actor.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'plan', 'inspection', { unitPath: unit.path });
  if (!isStreetLevel(unit.level)) throw new DomainError('VALIDATION_FAILED', { field: 'streetId' });
  return planStreet(deps.db, ctx, unit, quarterOfDay(chinaDate(new Date(ctx.at))));
}

/**
 * Coverage of a quarter, per street: the studios that served in it, how many were planned
 * and inspected, how many inspections were not done by the quarter's end, and which
 * studios no supervisor inspected.
 */
export async function quarterCoverage(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof coverageQuery>,
): Promise<z.infer<typeof coverage>> {
  const scope = await resolveScope(deps.db, actor, 'read', 'inspectionCoverage', query.under);
  const now = deps.clock.now();
  const quarter = (query.quarter ?? quarterOfDay(chinaDate(now))) as Quarter;
  const { end } = quarterInstants(quarter);
  const served = await servedInQuarter(
    deps.db,
    await repo.candidateStudios(deps.db, scope.path, quarterInstants(quarter).start),
    quarter,
  );
  const inspections = (await repo.quarterInspections(deps.db, scope.path, quarter)).filter(
    (i) => i.status !== 'cancelled',
  );
  const streets = new Map<number, z.infer<typeof coverage>['streets'][number]>();
  for (const s of served) {
    const entry = streets.get(s.street_id) ?? {
      streetId: s.street_id,
      streetName: s.street_name,
      studios: 0,
      inspected: 0,
      planned: 0,
      overdue: 0,
      uninspected: [],
    };
    const own = inspections.filter((i) => i.studio_id === s.id);
    entry.studios += 1;
    if (own.length > 0) entry.planned += 1;
    if (own.some((i) => i.submitted_at !== null)) entry.inspected += 1;
    else entry.uninspected.push({ studioId: s.id, studioName: s.name, unitName: s.unit_name });
    entry.overdue += own.filter((i) =>
      i.submitted_at === null ? now.toISOString() >= end : i.submitted_at >= end,
    ).length;
    streets.set(s.street_id, entry);
  }
  return { quarter, streets: [...streets.values()].sort((a, b) => a.streetId - b.streetId) };
}
