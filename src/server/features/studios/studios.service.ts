import type { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isWithin } from '../../../domain/org/units.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { studioLifecycle, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { mentionsFee } from '../../../domain/studios/unpaid.ts';
import type { Database } from '../../../db/schema.ts';
import type { StudioAbility, StudioApplication, StudioDetail, listStudiosQuery } from '../../../contract/studios.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './studios.repository.ts';
import { presentDetail, presentSummary } from './studios.presenter.ts';

/** The accounts that own a studio: the applicant and the leading member. */
export function ownersOf(core: repo.StudioCore): number[] {
  return [core.applicant_account_id, ...(core.leader_account_id === null ? [] : [core.leader_account_id])];
}

/** How a studio relates to the actor, as the state machine's guards need it. */
export function relationOf(actor: Actor, core: repo.StudioCore): Relation {
  return {
    role: actor.role,
    inScope: isWithin(core.unit_path, actor.unitPath),
    isOwner: ownersOf(core).includes(actor.accountId),
  };
}

/** Loads a studio the actor may see, or answers 404. */
export async function loadVisibleStudio(db: Kysely<Database>, actor: Actor, id: number): Promise<repo.StudioCore> {
  const core = await repo.findStudioCore(db, id);
  if (!core) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'studio', { unitPath: core.unit_path });
  return core;
}

/** What the actor may do next with the studio: lifecycle actions, and `edit` for a draft. */
export function allowedActions(actor: Actor, core: repo.StudioCore): StudioAbility[] {
  const status = core.status as StudioStatus;
  const next: StudioAbility[] = studioLifecycle.available(status, relationOf(actor, core));
  if (
    status === 'draft' &&
    can(actor, 'update', 'studio', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) })
  )
    next.unshift('edit');
  return next;
}

export async function listStudios(deps: Deps, actor: Actor, query: z.infer<typeof listStudiosQuery>) {
  let path = actor.unitPath;
  authorize(actor, 'read', 'studio', { unitPath: path });
  if (query.under) {
    const unit = await findUnit(deps.db, query.under);
    if (!unit) throw new DomainError('NOT_FOUND');
    authorize(actor, 'read', 'studio', { unitPath: unit.path });
    path = unit.path;
  }
  const { rows, total } = await repo.listStudios(deps.db, {
    path,
    status: query.status,
    categoryId: query.categoryId,
    q: query.q || undefined,
    ownerAccountId: query.mine ? actor.accountId : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(presentSummary), total };
}

export async function getStudio(deps: Deps, actor: Actor, id: number): Promise<StudioDetail> {
  const core = await loadVisibleStudio(deps.db, actor, id);
  const parts = await repo.loadStudioParts(deps.db, id);
  const applicant = await deps.db
    .selectFrom('accounts')
    .select('display_name')
    .where('id', '=', core.applicant_account_id)
    .executeTakeFirst();
  const recommender = core.recommended_by_unit_id ? await findUnit(deps.db, core.recommended_by_unit_id) : undefined;
  // Members' phones are personal data: masked here for everyone; admins reveal one through the
  // registry's contact route, which logs the read.
  const showPhones = false;
  return presentDetail(core, parts, {
    applicantName: applicant?.display_name ?? '',
    recommendedByUnitName: recommender?.name ?? null,
    allowedActions: allowedActions(actor, core),
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
  const texts = [
    app.name,
    app.description,
    app.venueAddress,
    app.openingHours,
    ...app.serviceItems.flatMap((i) => [i.title, i.description]),
  ];
  if (texts.some(mentionsFee)) throw new DomainError('FEE_NOT_ALLOWED');
  const ids = [app.leaderVolunteerId, ...app.memberVolunteerIds];
  const volunteers = await repo.findVolunteers(deps.db, [...new Set(ids)]);
  if (
    volunteers.length !== new Set(ids).size ||
    volunteers.some((v) => v.kind !== 'party_member' || !isWithin(v.unit_path, actor.unitPath))
  ) {
    throw new DomainError('VALIDATION_FAILED', { field: 'memberVolunteerIds' });
  }
  // 申办: a member applies for a studio they lead themself.
  const leader = volunteers.find((v) => v.id === app.leaderVolunteerId);
  if (actor.role === 'member' && leader?.account_id !== actor.accountId)
    throw new DomainError('VALIDATION_FAILED', { field: 'leaderVolunteerId' });
  const categories = await deps.db
    .selectFrom('categories')
    .select('id')
    .where('id', 'in', app.categoryIds)
    .where('enabled', '=', 1)
    .execute();
  if (categories.length !== new Set(app.categoryIds).size)
    throw new DomainError('VALIDATION_FAILED', { field: 'categoryIds' });
  if (app.staffingMode === 'single' && app.memberVolunteerIds.some((v) => v !== app.leaderVolunteerId))
    throw new DomainError('VALIDATION_FAILED', { field: 'memberVolunteerIds' });
  return { unitPath: unit.path };
}

function studioColumns(app: StudioApplication, at: string) {
  return {
    name: app.name,
    unit_id: app.unitId,
    staffing_mode: app.staffingMode,
    leader_volunteer_id: app.leaderVolunteerId,
    description: app.description,
    venue_address: app.venueAddress,
    opening_hours: app.openingHours,
    contact_phone: app.contactPhone ?? null,
    lng: app.lng ?? null,
    lat: app.lat ?? null,
    updated_at: at,
  };
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
    const row = await trx
      .insertInto('studios')
      .values({
        ...studioColumns(app, ctx.at),
        status: 'draft',
        origin: recommended ? 'recommended' : 'self',
        recommended_by_unit_id: recommended ? actor.unitId : null,
        applicant_account_id: actor.accountId,
        status_changed_at: ctx.at,
        created_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.writeApplicationParts(trx, row.id, app);
    await trx
      .insertInto('studio_transitions')
      .values({
        studio_id: row.id,
        action: 'create',
        from_status: null,
        to_status: 'draft',
        actor_id: actor.accountId,
        actor_name: actor.username,
        note: null,
        at: ctx.at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'studio',
      entityId: row.id,
      action: 'create',
      unitId: app.unitId,
      after: app,
    });
    return row.id;
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
    const changed = await trx
      .updateTable('studios')
      .set(studioColumns(app, ctx.at))
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'edit', status: core.status });
    await repo.writeApplicationParts(trx, id, app);
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
