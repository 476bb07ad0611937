import gcoordModule from 'gcoord';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import { orderRatings, totalScore, type ChecklistItem } from '../../../domain/inspections/checklist.ts';
import {
  CORRECTION_HOURS,
  inspectionLifecycle,
  transitionInspection,
  withinCorrectionWindow,
  type InspectionStatus,
} from '../../../domain/inspections/lifecycle.ts';
import { quarterInstants, type Quarter } from '../../../domain/inspections/quarters.ts';
import type {
  InspectionAbility,
  InspectionDetail,
  inspectionCorrection,
  inspectionReport,
  listInspectionsQuery,
} from '../../../contract/inspections.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { ownScopePath } from './own-scope.service.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { normalizePhotos } from '../../photos.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './inspections.repository.ts';
import { presentDetail, presentSummary } from './inspections.presenter.ts';
import { proposalFor, syncProposal } from './proposals.service.ts';
import { proposalOfInspection } from './proposals.repository.ts';

// gcoord is CommonJS and its typings describe an ES default export that Node does not create
// (NodeNext sees a namespace); at run time the default import is the object with transform().
const gcoord = gcoordModule as unknown as {
  transform(p: [number, number], from: 'WGS84', to: 'GCJ02'): [number, number];
};

const targetOf = (row: repo.InspectionRow) => ({
  unitPath: row.unit_path,
  ownerAccountIds: [row.supervisor_account_id],
});

/** How an inspection relates to the actor, for its lifecycle. */
export function relationOf(actor: Actor, row: repo.InspectionRow): Relation {
  return {
    role: actor.role,
    inScope: isWithin(row.unit_path, actor.unitPath),
    isOwner: row.supervisor_account_id === actor.accountId,
  };
}

/** What the actor may do now: the lifecycle's actions, less a correction whose 48 hours are over. */
function abilitiesOf(actor: Actor, row: repo.InspectionRow, now: string): InspectionAbility[] {
  return inspectionLifecycle
    .available(row.status as InspectionStatus, relationOf(actor, row))
    .filter((a) => a !== 'correct' || withinCorrectionWindow(row.submitted_at, now));
}

/** Loads an inspection the actor may see, or answers 404. */
export async function loadVisible(deps: Deps, actor: Actor, id: number): Promise<repo.InspectionRow> {
  const row = await repo.findInspection(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'inspection', targetOf(row));
  return row;
}

/** Inspections in scope; a supervisor sees only those planned for them. */
export async function listInspections(deps: Deps, actor: Actor, query: z.infer<typeof listInspectionsQuery>) {
  let path: string;
  let supervisorAccountId: number | undefined;
  if (can(actor, 'read', 'inspection', { unitPath: actor.unitPath })) {
    path = (await resolveScope(deps.db, actor, 'read', 'inspection', query.under)).path;
  } else {
    path = await ownScopePath(deps, actor, 'inspection', query.under);
    supervisorAccountId = actor.accountId;
  }
  const now = deps.clock.now().toISOString();
  const { rows, total } = await repo.listInspections(deps.db, {
    path,
    supervisorAccountId,
    quarter: query.quarter,
    status: query.status,
    supervisorId: query.supervisorId,
    studioId: query.studioId,
    overdueOn: query.overdue ? chinaDate(new Date(now)) : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((r) => presentSummary(r, { now, allowedActions: abilitiesOf(actor, r, now) })), total };
}

/** One inspection with the checklist it used, its ratings, photos, history and proposal. */
export async function getInspection(deps: Deps, actor: Actor, id: number): Promise<InspectionDetail> {
  const row = await loadVisible(deps, actor, id);
  const now = deps.clock.now().toISOString();
  const [checklist, photoPositions, history, proposal] = await Promise.all([
    row.checklist_version === null
      ? repo.currentChecklist(deps.db)
      : repo.checklistVersion(deps.db, row.checklist_version),
    repo.photoPositions(deps.db, id),
    repo.eventsOf(deps.db, id),
    proposalOfInspection(deps.db, id),
  ]);
  if (!checklist) throw new DomainError('NOT_FOUND');
  const showProposal = proposal && can(actor, 'read', 'rectificationProposal', { unitPath: proposal.unit_path });
  const correctable = row.submitted_at !== null && ['submitted', 'corrected'].includes(row.status);
  return presentDetail(row, {
    now,
    allowedActions: abilitiesOf(actor, row, now),
    checklist,
    photoPositions,
    history,
    proposal: showProposal ? proposalFor(actor, proposal) : null,
    correctableUntil: correctable
      ? new Date(Date.parse(row.submitted_at ?? now) + CORRECTION_HOURS * 3_600_000).toISOString()
      : null,
  });
}

/** The facts the lifecycle checks, for an inspection at the request's time. */
export function factsOf(row: repo.InspectionRow, at: string) {
  return {
    status: row.status as InspectionStatus,
    supervisorId: row.supervisor_id,
    submittedAt: row.submitted_at,
    quarterStart: quarterInstants(row.quarter as Quarter).start,
    now: at,
  };
}

/**
 * Submits the supervisor's inspection, once. The Idempotency-Key the phone keeps with its
 * offline queue makes a retry (or two copies racing) answer the inspection already written;
 * the status update is conditional, so only one submission of a planned inspection lands.
 * A total below the checklist's threshold proposes the studio for rectification.
 */
export async function submitInspection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  key: string,
  input: z.infer<typeof inspectionReport>,
): Promise<{ created: boolean; inspection: InspectionDetail }> {
  const replay = async () => {
    const done = await repo.findBySubmissionKey(deps.db, actor.accountId, key);
    if (!done) return undefined;
    if (done.id !== id) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
    return { created: false, inspection: await getInspection(deps, actor, id) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const row = await loadVisible(deps, actor, id);
  const checklist = await repo.currentChecklist(deps.db);
  const items = JSON.parse(checklist.items_json) as ChecklistItem[];
  const ratings = orderRatings(items, input.ratings);
  transitionInspection(
    factsOf(row, ctx.at),
    { action: 'submit', visitedAt: input.visitedAt, ratings },
    relationOf(actor, row),
  );
  const total = totalScore(items, ratings);
  const photos = await normalizePhotos(input.photos);
  const position = input.position ? toStoredDatum(input.position) : null;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const moved = await repo.updateInspectionIf(
        trx,
        id,
        { status: 'planned', supervisorId: row.supervisor_id },
        {
          status: 'submitted',
          checklist_version: checklist.version,
          ratings_json: JSON.stringify(ratings),
          total,
          visited_at: new Date(input.visitedAt).toISOString(),
          lng: position?.[0] ?? null,
          lat: position?.[1] ?? null,
          idempotency_key: key,
          submitted_by: actor.accountId,
          submitted_at: ctx.at,
          updated_at: ctx.at,
        },
      );
      if (!moved) throw new DomainError('INSPECTION_NOT_ALLOWED', { action: 'submit', status: 'submitted' });
      await repo.replacePhotos(trx, id, photos, { unitId: row.unit_id, accountId: actor.accountId, at: ctx.at });
      await repo.insertEvent(trx, {
        inspection_id: id,
        action: 'submit',
        from_status: 'planned',
        to_status: 'submitted',
        actor_id: actor.accountId,
        actor_name: actor.username,
        note: `${total}%`,
        at: ctx.at,
      });
      await recordAudit(trx, ctx, {
        entity: 'inspection',
        entityId: id,
        action: 'submit',
        unitId: row.unit_id,
        before: { status: 'planned' },
        after: { status: 'submitted', total, checklistVersion: checklist.version, ratings, photos: photos.length },
      });
      await syncProposal(trx, ctx, row, total, checklist.threshold);
    });
  } catch (err) {
    // Two copies of one submission raced: the conditional update let one in; answer with it.
    const winner = await replay();
    if (winner) return winner;
    throw err;
  }
  return { created: true, inspection: await getInspection(deps, actor, id) };
}

/**
 * Corrects a submitted inspection within 48 hours, by its author, against the checklist
 * version it was submitted with. What it changed is kept in its history and the audit log.
 */
export async function correctInspection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof inspectionCorrection>,
): Promise<InspectionDetail> {
  const row = await loadVisible(deps, actor, id);
  const checklist = await repo.checklistVersion(deps.db, row.checklist_version ?? 0);
  if (!checklist) throw new DomainError('INSPECTION_NOT_ALLOWED', { action: 'correct', status: row.status });
  const items = JSON.parse(checklist.items_json) as ChecklistItem[];
  const ratings = orderRatings(items, input.ratings);
  const result = transitionInspection(
    factsOf(row, ctx.at),
    { action: 'correct', visitedAt: input.visitedAt, ratings },
    relationOf(actor, row),
  );
  const total = totalScore(items, ratings);
  const photos = input.photos === undefined ? undefined : await normalizePhotos(input.photos);
  const position = input.position ? toStoredDatum(input.position) : undefined;
  const before = {
    visitedAt: row.visited_at,
    ratings: JSON.parse(row.ratings_json ?? '[]') as unknown,
    total: row.total,
  };
  const after = { visitedAt: new Date(input.visitedAt).toISOString(), ratings, total };
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.updateInspectionIf(
      trx,
      id,
      { status: row.status },
      {
        status: result.to,
        ratings_json: JSON.stringify(ratings),
        total,
        visited_at: after.visitedAt,
        ...(position === undefined ? {} : { lng: position[0], lat: position[1] }),
        corrected_at: ctx.at,
        updated_at: ctx.at,
      },
    );
    if (!moved) throw new DomainError('INSPECTION_NOT_ALLOWED', { action: 'correct', status: row.status });
    if (photos)
      await repo.replacePhotos(trx, id, photos, { unitId: row.unit_id, accountId: actor.accountId, at: ctx.at });
    await repo.insertEvent(trx, {
      inspection_id: id,
      action: 'correct',
      from_status: row.status,
      to_status: result.to,
      actor_id: actor.accountId,
      actor_name: actor.username,
      note: `${row.total ?? ''}% → ${total}%`,
      before_json: JSON.stringify(before),
      after_json: JSON.stringify(after),
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: id,
      action: 'correct',
      unitId: row.unit_id,
      before,
      after: { ...after, photosReplaced: photos?.length ?? null },
    });
    await syncProposal(trx, ctx, row, total, checklist.threshold);
  });
  return getInspection(deps, actor, id);
}

/** One photo of an inspection the actor may see. */
export async function inspectionPhoto(deps: Deps, actor: Actor, id: number, position: number) {
  await loadVisible(deps, actor, id);
  const photo = await repo.photoContent(deps.db, id, position);
  if (!photo) throw new DomainError('NOT_FOUND');
  return { content: Buffer.from(photo.content), mime: photo.mime };
}

/** A phone's position (WGS-84) in the datum Huimin stores (GCJ-02). */
function toStoredDatum(p: { lng: number; lat: number; datum: 'wgs84' | 'gcj02' }): [number, number] {
  return p.datum === 'gcj02' ? [p.lng, p.lat] : gcoord.transform([p.lng, p.lat], 'WGS84', 'GCJ02');
}
