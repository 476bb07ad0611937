import type { z } from 'zod';
import type { Volunteer, VolunteerInput, listVolunteersQuery } from '../../../contract/registry.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isValidIdNumber, maskIdNumber } from '../../../domain/registry/id-number.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { idNumberHash } from '../../secrets.ts';
import { loadSearchKeys } from '../../heavy-modules.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { allCategoriesExist } from '../categories/categories.repository.ts';
import { rollVolunteers, withVolunteerCounts } from '../statistics/count-rollups.commands.ts';
import { auditedVolunteer, presentVolunteer } from './registry.presenter.ts';
import * as repo from './registry.repository.ts';
import { insertSearchTerms, setSearchTerms } from './volunteer-terms.repository.ts';
import { bumpRegistryVersion, keptRegistryPage, registryChanged } from './registry-pages.repository.ts';

/**
 * A search's page as written before, or how to keep the one about to be written. The scope is
 * checked every time; the page depends on the viewer's role and unit (the actions offered), the
 * subtree, the filters and the paging besides the records.
 */
export async function keptVolunteerPage(deps: Deps, actor: Actor, q: z.infer<typeof listVolunteersQuery>) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'volunteer', q.under);
  const key = [
    actor.role,
    actor.unitPath,
    path,
    q.kind ?? '',
    q.categoryId ?? '',
    q.screeningStatus ?? '',
    q.limit,
    q.offset,
    q.q ?? '',
  ].join('|');
  return keptRegistryPage(deps.db, key);
}

/** Searches the registry in the actor's subtree, or a unit inside it. */
export async function listVolunteers(deps: Deps, actor: Actor, q: z.infer<typeof listVolunteersQuery>) {
  const { path } = await resolveScope(deps.db, actor, 'read', 'volunteer', q.under);
  const { rows, total, totalIsEstimate, categories } = await repo.listVolunteerPage(
    deps.db,
    { path, kind: q.kind, categoryId: q.categoryId, screeningStatus: q.screeningStatus, q: q.q || undefined },
    q.limit,
    q.offset,
  );
  return { total, totalIsEstimate, items: rows.map((r) => presentVolunteer(r, categories.get(r.id) ?? [], actor)) };
}

async function loadInScope(
  deps: Deps,
  actor: Actor,
  id: number,
  action: 'read' | 'update' | 'screen' | 'readPersonal',
): Promise<repo.VolunteerRow> {
  const row = await repo.findVolunteer(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'volunteer', { unitPath: row.unit_path });
  authorize(actor, action, 'volunteer', { unitPath: row.unit_path });
  return row;
}

/** One record, masked, with what the actor may do with it. */
export async function getVolunteer(deps: Deps, actor: Actor, id: number): Promise<Volunteer> {
  const row = await loadInScope(deps, actor, id, 'read');
  return presentVolunteer(row, (await repo.categoriesOf(deps.db, [id])).get(id) ?? [], actor);
}

async function columnsOf(deps: Deps, actor: Actor, input: VolunteerInput, at: string) {
  const unit = await resolveScope(deps.db, actor, 'create', 'volunteer', input.unitId);
  if (input.idNumber && !isValidIdNumber(input.idNumber))
    throw new DomainError('VALIDATION_FAILED', { field: 'idNumber' });
  if (!(await allCategoriesExist(deps.db, input.categoryIds)))
    throw new DomainError('VALIDATION_FAILED', { field: 'categoryIds' });
  // Probation (预备期) is a party member's: an organisation or a non-member cannot be on it.
  if (input.probationary === true && input.kind !== 'party_member')
    throw new DomainError('VALIDATION_FAILED', { field: 'probationary' });
  const keys = (await loadSearchKeys())(input.name);
  const idNumber = input.idNumber?.toUpperCase() ?? null;
  return {
    kind: input.kind,
    name: input.name,
    gender: input.gender ?? null,
    birth_year: input.birthYear ?? (idNumber ? Number(idNumber.slice(6, 10)) : null),
    phone: input.phone,
    unit_id: unit.unitId,
    party_branch: input.partyBranch ?? null,
    probationary: input.probationary === true ? 1 : 0,
    profession: input.profession ?? null,
    qualifications: input.qualifications ?? null,
    availability: input.availability ?? null,
    contact_name: input.contactName ?? null,
    notes: input.notes ?? null,
    id_number_hash: idNumber ? await idNumberHash(deps.db, idNumber) : null,
    id_number_masked: idNumber ? maskIdNumber(idNumber) : null,
    pinyin: keys.pinyin,
    initials: keys.initials,
    updated_at: at,
  };
}

/** Adds a person or organisation to the registry; refuses a second record with the same ID number or phone. */
export async function createVolunteer(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: VolunteerInput,
): Promise<Volunteer> {
  const cols = await columnsOf(deps, actor, input, ctx.at);
  const id = await deps.db.transaction().execute(async (trx) => {
    await repo.lockRegistryWrites(trx);
    const dup = await repo.existingMatches(trx, cols.id_number_hash ? [cols.id_number_hash] : [], [cols.phone]);
    if (dup.byHash.size > 0 || dup.byPhone.size > 0) throw new DomainError('DUPLICATE_VOLUNTEER');
    const [newId = 0] = await repo.insertVolunteers(trx, [
      { ...cols, account_id: null, screening_status: 'candidate', created_at: ctx.at },
    ]);
    await rollVolunteers(trx, [{ unitId: cols.unit_id, createdAt: ctx.at, kind: cols.kind, screening: 'candidate' }]);
    await repo.setCategories(trx, newId, input.categoryIds);
    await insertSearchTerms(trx, [{ id: newId, ...cols }]);
    await bumpRegistryVersion(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: newId,
      action: 'create',
      unitId: cols.unit_id,
      after: auditedVolunteer(cols),
    });
    return newId;
  });
  registryChanged();
  return getVolunteer(deps, actor, id);
}

/** Edits a record in scope; its search terms follow the new text and unit in the same transaction. */
export async function updateVolunteer(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: VolunteerInput,
): Promise<Volunteer> {
  const before = await loadInScope(deps, actor, id, 'update');
  const cols = await columnsOf(deps, actor, input, ctx.at);
  await deps.db.transaction().execute(async (trx) => {
    await repo.lockRegistryWrites(trx);
    const dup = await repo.existingMatches(trx, cols.id_number_hash ? [cols.id_number_hash] : [], [cols.phone]);
    if ([...dup.byHash.values(), ...dup.byPhone.values()].some((other) => other.id !== id))
      throw new DomainError('DUPLICATE_VOLUNTEER');
    await withVolunteerCounts(trx, [id], () => repo.updateVolunteer(trx, id, cols));
    await repo.setCategories(trx, id, input.categoryIds);
    await setSearchTerms(trx, { id, ...cols });
    await bumpRegistryVersion(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: id,
      action: 'update',
      unitId: cols.unit_id,
      before: auditedVolunteer(before),
      after: auditedVolunteer(cols),
    });
  });
  registryChanged();
  return getVolunteer(deps, actor, id);
}

/** Records the screening decision (挑选): selected or declined, with the reviewer and the reason. */
export async function screenVolunteer(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  decision: { status: 'selected' | 'declined'; reason: string },
): Promise<Volunteer> {
  const before = await loadInScope(deps, actor, id, 'screen');
  await deps.db.transaction().execute(async (trx) => {
    await withVolunteerCounts(trx, [id], () =>
      repo.updateVolunteer(trx, id, {
        screening_status: decision.status,
        screening_reason: decision.reason,
        screened_by: actor.accountId,
        screened_at: ctx.at,
        updated_at: ctx.at,
      }),
    );
    await bumpRegistryVersion(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: id,
      action: 'screen',
      unitId: before.unit_id,
      before: { status: before.screening_status },
      after: decision,
    });
  });
  registryChanged();
  return getVolunteer(deps, actor, id);
}

/** Unmasked phone and ID number for a role that needs them. The read itself is audited (PIPL). */
export async function revealContact(deps: Deps, ctx: AuditContext, actor: Actor, id: number) {
  const row = await loadInScope(deps, actor, id, 'readPersonal');
  await recordAudit(deps.db, ctx, {
    entity: 'volunteer',
    entityId: id,
    action: 'personal.read',
    unitId: row.unit_id,
    after: { fields: ['phone'] },
  });
  // The ID number is never stored in clear, so only its masked form exists to show.
  return { phone: row.phone, idNumber: row.id_number_masked };
}
