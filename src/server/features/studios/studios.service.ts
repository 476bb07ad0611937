import { findEnabledCategoryIds } from '../categories/categories.repository.ts';
import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { refuseFees } from '../../../domain/studios/unpaid.ts';
import type { Database } from '../../../db/schema.ts';
import type { StudioApplication, StudioDetail, listStudiosQuery } from '../../../contract/studios.ts';
import { authorize, resolveScope } from '../../scope.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as applications from './studio-applications.repository.ts';
import * as repo from './studios.repository.ts';
import { ownersOf, presentDetail, presentSummary, studioAbilities } from './studios.presenter.ts';

/** Loads a studio the actor may see, or answers 404. */
export async function loadVisibleStudio(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.StudioCore> {
  const core = await repo.findStudioCore(db, id);
  if (!core) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: core.unit_path });
  return core;
}

/** One page of the studios in the actor's subtree (or a unit's in it), newest change first. */
/** Party members an application may name, in the actor's subtree or a unit inside it (no registry access needed). */
export async function listCandidates(deps: Deps, actor: Actor, under: number | undefined) {
  const { path } = await resolveScope(deps.db, actor, 'create', 'studio', under);
  const rows = await applications.listCandidates(deps.db, path, 500);
  return rows.map((r) => ({ id: r.id, name: r.name, profession: r.profession, accountId: r.account_id }));
}

export async function listStudios(deps: Deps, actor: Actor, query: z.infer<typeof listStudiosQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'studio', query.under);
  const { rows, total } = await repo.listStudios(deps.db, {
    path: scope.path,
    status: query.status,
    categoryId: query.categoryId,
    q: query.q || undefined,
    ownerAccountId: query.mine ? actor.accountId : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(presentSummary), total };
}

/** One studio with its history and what the actor may do next. */
export async function getStudio(deps: Deps, actor: Actor, id: number): Promise<StudioDetail> {
  const core = await loadVisibleStudio(deps.db, actor, id);
  const parts = await repo.loadStudioParts(deps.db, id);
  const applicantName = await repo.findAccountDisplayName(deps.db, core.applicant_account_id);
  const recommender = core.recommended_by_unit_id ? await findUnit(deps.db, core.recommended_by_unit_id) : undefined;
  // Members' phones are personal data: masked here for everyone; admins reveal one through the
  // registry's contact route, which logs the read.
  const showPhones = false;
  return presentDetail(core, parts, {
    applicantName: applicantName ?? '',
    recommendedByUnitName: recommender?.name ?? null,
    allowedActions: studioAbilities(actor, core),
    showPhones,
  });
}

/** Checks an application against the registry, the org tree and the unpaid rule. */
async function checkApplication(deps: Deps, actor: Actor, app: StudioApplication): Promise<{ unitPath: string }> {
  const unit = await findUnit(deps.db, app.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'create', 'studio', { unitPath: unit.path });
  if (!['community', 'village', 'enterprise'].includes(unit.level))
    throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  refuseFees({
    name: app.name,
    description: app.description,
    venueAddress: app.venueAddress,
    openingHours: app.openingHours,
    ...Object.fromEntries(
      app.serviceItems.flatMap((item, i) => [
        [`serviceItems.${i}.title`, item.title],
        [`serviceItems.${i}.description`, item.description],
      ]),
    ),
  });
  const ids = [app.leaderVolunteerId, ...app.memberVolunteerIds];
  const volunteers = await applications.findVolunteers(deps.db, [...new Set(ids)]);
  // Members come from the part of the tree the applicant may start a studio in.
  if (
    volunteers.length !== new Set(ids).size ||
    volunteers.some((v) => v.kind !== 'party_member' || !can(actor, 'create', 'studio', { unitPath: v.unit_path }))
  ) {
    throw new DomainError('VALIDATION_FAILED', { field: 'memberVolunteerIds' });
  }
  // 申办: a member applies for a studio they lead themself.
  const leader = volunteers.find((v) => v.id === app.leaderVolunteerId);
  if (actor.role === 'member' && leader?.account_id !== actor.accountId)
    throw new DomainError('VALIDATION_FAILED', { field: 'leaderVolunteerId' });
  const categories = await findEnabledCategoryIds(deps.db, app.categoryIds);
  if (categories.length !== new Set(app.categoryIds).size)
    throw new DomainError('VALIDATION_FAILED', { field: 'categoryIds' });
  if (app.staffingMode === 'single' && app.memberVolunteerIds.some((v) => v !== app.leaderVolunteerId))
    throw new DomainError('VALIDATION_FAILED', { field: 'memberVolunteerIds' });
  return { unitPath: unit.path };
}

/** Starts an application as a draft: 申办 by a member, or 推荐 by a community or street organisation. */
export async function createApplication(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  app: StudioApplication,
): Promise<StudioDetail> {
  await checkApplication(deps, actor, app);
  const recommended = actor.role !== 'member';
  const id = await deps.db.transaction().execute(async (trx) => {
    const newId = await applications.insertDraft(trx, app, {
      origin: recommended ? 'recommended' : 'self',
      recommendedByUnitId: recommended ? actor.unitId : null,
      applicantAccountId: actor.accountId,
      at: ctx.at,
    });
    await applications.writeApplicationParts(trx, newId, app);
    await repo.insertHistory(trx, {
      studioId: newId,
      action: 'create',
      from: null,
      to: 'draft',
      actorId: actor.accountId,
      actorName: actor.username,
      note: null,
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: newId,
      action: 'create',
      unitId: app.unitId,
      after: app,
    });
    return newId;
  });
  return getStudio(deps, actor, id);
}

/** Edits a draft application. */
export async function updateApplication(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  app: StudioApplication,
): Promise<StudioDetail> {
  const core = await loadVisibleStudio(deps.db, actor, id);
  authorize(actor, 'update', 'studio', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) });
  if (core.status !== 'draft') throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'edit', status: core.status });
  await checkApplication(deps, actor, app);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await applications.updateDraft(trx, id, app, ctx.at)))
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'edit', status: core.status });
    await applications.writeApplicationParts(trx, id, app);
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: id,
      action: 'update',
      unitId: app.unitId,
      before: { name: core.name, unitId: core.unit_id },
      after: app,
    });
  });
  return getStudio(deps, actor, id);
}
