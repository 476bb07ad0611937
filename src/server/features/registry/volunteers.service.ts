import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { isValidIdNumber, maskIdNumber, maskPhone } from '../../../domain/registry/id-number.ts';
import type { VolunteerKind } from '../../../domain/registry/import-rows.ts';
import { searchKeysOf } from '../../../domain/text/search-keys.ts';
import type { Volunteer, VolunteerInput, listVolunteersQuery } from '../../../contract/volunteers.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { idNumberHash } from '../../secrets.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { insertSearchTerms, setSearchTerms } from '../../../db/volunteer-terms.ts';
import * as repo from './volunteers.repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findVolunteer>>>;

/** A registry record as lists show it: phone and ID number masked for everyone. */
export function presentVolunteer(r: Row, categoryIds: number[]): Volunteer {
  return {
    id: r.id,
    kind: r.kind as VolunteerKind,
    name: r.name,
    gender: r.gender,
    birthYear: r.birth_year,
    unitId: r.unit_id,
    unitName: r.unit_name,
    phone: maskPhone(r.phone),
    idNumber: r.id_number_masked,
    profession: r.profession,
    partyBranch: r.party_branch,
    qualifications: r.qualifications,
    availability: r.availability,
    contactName: r.contact_name,
    notes: r.notes,
    categoryIds,
    accountId: r.account_id,
    screeningStatus: r.screening_status as Volunteer['screeningStatus'],
    screeningReason: r.screening_reason,
    screenedAt: r.screened_at,
  };
}

/** The subtree to search: the actor's, or a unit inside it. */
export async function scopePath(
  deps: Deps,
  actor: Actor,
  under: number | undefined,
  action: 'read' | 'export' = 'read',
): Promise<string> {
  authorize(actor, action, 'volunteer', { unitPath: actor.unitPath });
  if (!under) return actor.unitPath;
  const unit = await findUnit(deps.db, under);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, action, 'volunteer', { unitPath: unit.path });
  return unit.path;
}

export async function listVolunteers(deps: Deps, actor: Actor, q: z.infer<typeof listVolunteersQuery>) {
  const path = await scopePath(deps, actor, q.under);
  const { rows, total, categories } = await repo.listVolunteerPage(
    deps.db,
    { path, kind: q.kind, categoryId: q.categoryId, screeningStatus: q.screeningStatus, q: q.q || undefined },
    q.limit,
    q.offset,
  );
  return { total, items: rows.map((r) => presentVolunteer(r, categories.get(r.id) ?? [])) };
}

async function loadInScope(
  deps: Deps,
  actor: Actor,
  id: number,
  action: 'read' | 'update' | 'screen' | 'readPersonal',
): Promise<Row> {
  const row = await repo.findVolunteer(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'volunteer', { unitPath: row.unit_path });
  authorize(actor, action, 'volunteer', { unitPath: row.unit_path });
  return row;
}

export async function getVolunteer(deps: Deps, actor: Actor, id: number): Promise<Volunteer> {
  const row = await loadInScope(deps, actor, id, 'read');
  return presentVolunteer(row, (await repo.categoriesOf(deps.db, [id])).get(id) ?? []);
}

async function columnsOf(deps: Deps, actor: Actor, input: VolunteerInput, at: string) {
  const unit = await findUnit(deps.db, input.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'create', 'volunteer', { unitPath: unit.path });
  if (input.idNumber && !isValidIdNumber(input.idNumber))
    throw new DomainError('VALIDATION_FAILED', { field: 'idNumber' });
  const keys = searchKeysOf(input.name);
  const idNumber = input.idNumber?.toUpperCase() ?? null;
  return {
    kind: input.kind,
    name: input.name,
    gender: input.gender ?? null,
    birth_year: input.birthYear ?? (idNumber ? Number(idNumber.slice(6, 10)) : null),
    phone: input.phone,
    unit_id: unit.id,
    party_branch: input.partyBranch ?? null,
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

/** What the audit log keeps of a record: no phone or ID number in clear. */
function audited(c: {
  name: string;
  kind: string;
  unit_id: number;
  phone: string | null;
  id_number_masked: string | null;
}) {
  return { name: c.name, kind: c.kind, unitId: c.unit_id, phone: maskPhone(c.phone), idNumber: c.id_number_masked };
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
    const dup = await repo.existingMatches(trx, cols.id_number_hash ? [cols.id_number_hash] : [], [cols.phone]);
    if (dup.byHash.size > 0 || dup.byPhone.size > 0) throw new DomainError('DUPLICATE_VOLUNTEER');
    const row = await trx
      .insertInto('volunteers')
      .values({ ...cols, account_id: null, screening_status: 'candidate', created_at: ctx.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await repo.setCategories(trx, row.id, input.categoryIds);
    await insertSearchTerms(trx, [{ id: row.id, ...cols }]);
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: row.id,
      action: 'create',
      unitId: cols.unit_id,
      after: audited(cols),
    });
    return row.id;
  });
  return getVolunteer(deps, actor, id);
}

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
    const dup = await repo.existingMatches(trx, cols.id_number_hash ? [cols.id_number_hash] : [], [cols.phone]);
    if ([...dup.byHash.values(), ...dup.byPhone.values()].some((other) => other !== id))
      throw new DomainError('DUPLICATE_VOLUNTEER');
    await trx.updateTable('volunteers').set(cols).where('id', '=', id).execute();
    await repo.setCategories(trx, id, input.categoryIds);
    await setSearchTerms(trx, { id, ...cols });
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: id,
      action: 'update',
      unitId: cols.unit_id,
      before: audited(before),
      after: audited(cols),
    });
  });
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
    await trx
      .updateTable('volunteers')
      .set({
        screening_status: decision.status,
        screening_reason: decision.reason,
        screened_by: actor.accountId,
        screened_at: ctx.at,
        updated_at: ctx.at,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'volunteer',
      entityId: id,
      action: 'screen',
      unitId: before.unit_id,
      before: { status: before.screening_status },
      after: decision,
    });
  });
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
