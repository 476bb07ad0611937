import type { z } from 'zod';
import { loadSearchKeys } from '../../heavy-modules.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  allowedChildLevels,
  childPath,
  defaultPostKind,
  isWithin,
  type UnitLevel,
} from '../../../domain/org-units/units.ts';
import type {
  OrgUnit,
  createOrgUnitRequest,
  listOrgUnitsQuery,
  updateOrgUnitRequest,
} from '../../../contract/org-units.ts';
import type { OrgUnitUpdate } from '../../../db/schema.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import * as repo from './org-units.repository.ts';
import { bumpOrgVersion, orgTreeChanged, orgTreeOf, trailOf, type OrgTree } from './org-tree.repository.ts';
import { BoundedCache } from '../../bounded-cache.ts';
import { auditedUnit, presentUnit } from './org-units.presenter.ts';

/** Loads a unit the actor may see, or answers 404. */
export async function loadVisible(deps: Deps, actor: Actor, id: number) {
  const unit = await repo.findUnit(deps.db, id);
  if (!unit) throw new DomainError('NOT_FOUND');
  authorize(actor, 'read', 'orgUnit', { unitPath: unit.path });
  return unit;
}

/** Rows as the API shows them, their trails (inside the actor's scope) named from the in-memory tree. */
export async function presentUnits(deps: Deps, actor: Actor, rows: readonly repo.UnitListRow[]): Promise<OrgUnit[]> {
  const tree = await orgTreeOf(deps.db);
  return rows.map((r) =>
    presentUnit(
      actor,
      r,
      trailOf(tree, r.path).flatMap((a) => (isWithin(a.path, actor.unitPath) ? [a.named] : [])),
    ),
  );
}

/** One page of the subtree under a unit (the actor's own by default), optionally searched by name, pinyin or initials. */
export async function listUnits(deps: Deps, actor: Actor, query: z.infer<typeof listOrgUnitsQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'orgUnit', query.under);
  const { rows, total } = await repo.listSubtree(deps.db, {
    path: scope.path,
    q: query.q || undefined,
    level: query.level,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentUnits(deps, actor, rows), total };
}

/**
 * Pages of a subtree (not searches) as written for a kind of viewer, kept with the tree they
 * were read from: a new tree (any unit changed, here or on another instance within a second)
 * starts empty. Writing a page's JSON and encoding it as UTF-8 (Chinese names are two-byte
 * strings) was most of the CPU of a listing; a kept page is sent as it was written.
 */
const writtenPages = new WeakMap<OrgTree, BoundedCache<Buffer>>();

/** A kept page, or how to keep the one about to be written. Scope is checked every time. */
export async function keptPage(
  deps: Deps,
  actor: Actor,
  query: z.infer<typeof listOrgUnitsQuery>,
): Promise<{ bytes: Buffer } | { bytes: undefined; keep: (written: string) => void }> {
  if (query.q) return { bytes: undefined, keep: () => {} };
  const scope = await resolveScope(deps.db, actor, 'read', 'orgUnit', query.under);
  const tree = await orgTreeOf(deps.db);
  let pages = writtenPages.get(tree);
  if (!pages) writtenPages.set(tree, (pages = new BoundedCache({ maxEntries: 1000, maxWeight: 16 * 1024 * 1024 })));
  // What a page shows depends on these alone: the actions offered follow the role and the
  // viewer's unit, the trails are cut at the viewer's unit.
  const key = [actor.role, actor.unitPath, scope.path, query.level ?? '', query.limit, query.offset].join('|');
  const bytes = pages.get(key);
  if (bytes) return { bytes };
  return {
    bytes: undefined,
    keep: (written) => {
      const kept = Buffer.from(written);
      pages.set(key, kept, kept.length);
    },
  };
}

/** One unit the actor may see. */
export async function getUnit(deps: Deps, actor: Actor, id: number): Promise<OrgUnit> {
  const [unit] = await presentUnits(deps, actor, [await loadVisible(deps, actor, id)]);
  if (!unit) throw new DomainError('NOT_FOUND');
  return unit;
}

/** The direct children of a unit, for a tree that opens one level at a time. */
export async function listChildren(deps: Deps, actor: Actor, id: number): Promise<OrgUnit[]> {
  await loadVisible(deps, actor, id);
  return presentUnits(deps, actor, await repo.listChildren(deps.db, id));
}

/** Adds a unit (typically an enterprise) under a unit in the actor's scope. */
export async function createUnit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof createOrgUnitRequest>,
): Promise<OrgUnit> {
  const parent = await loadVisible(deps, actor, input.parentId);
  authorize(actor, 'create', 'orgUnit', { unitPath: parent.path });
  if (!allowedChildLevels(parent.level as UnitLevel).includes(input.level)) {
    throw new DomainError('VALIDATION_FAILED', { field: 'level' });
  }
  const searchKeysOf = await loadSearchKeys();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await repo.findUnitByCode(trx, input.code)) throw new DomainError('UNIT_CODE_TAKEN', { code: input.code });
    const keys = searchKeysOf(input.shortName ?? input.name);
    const row = {
      code: input.code,
      name: input.name,
      short_name: input.shortName ?? input.name,
      level: input.level,
      post_kind: input.postKind ?? defaultPostKind(input.level),
      parent_id: parent.id,
      path: childPath(parent.path, input.code),
      depth: parent.depth + 1,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      address: input.address ?? null,
      pinyin: keys.pinyin,
      initials: keys.initials,
      created_at: ctx.at,
      updated_at: ctx.at,
    };
    const newId = await repo.insertUnit(trx, row);
    await bumpOrgVersion(trx, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'orgUnit',
      entityId: newId,
      action: 'create',
      unitId: parent.id,
      after: auditedUnit(row),
    });
    return newId;
  });
  orgTreeChanged();
  return getUnit(deps, actor, id);
}

/** Edits a unit's names, post kind, address or point. */
export async function updateUnit(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof updateOrgUnitRequest>,
): Promise<OrgUnit> {
  const before = await loadVisible(deps, actor, id);
  authorize(actor, 'update', 'orgUnit', { unitPath: before.path });
  const set: OrgUnitUpdate = { updated_at: ctx.at };
  if (input.name !== undefined) set.name = input.name;
  if (input.shortName !== undefined) {
    const keys = (await loadSearchKeys())(input.shortName);
    Object.assign(set, { short_name: input.shortName, pinyin: keys.pinyin, initials: keys.initials });
  }
  if (input.postKind !== undefined) set.post_kind = input.postKind;
  if (input.lng !== undefined) set.lng = input.lng;
  if (input.lat !== undefined) set.lat = input.lat;
  if (input.address !== undefined) set.address = input.address;
  await deps.db.transaction().execute(async (trx) => {
    await repo.updateUnit(trx, id, set);
    await bumpOrgVersion(trx, ctx.at);
    const after = { ...before, ...set };
    await recordAudit(trx, ctx, {
      entity: 'orgUnit',
      entityId: id,
      action: 'update',
      unitId: id,
      before: auditedUnit(before),
      after: auditedUnit(after),
    });
  });
  orgTreeChanged();
  return getUnit(deps, actor, id);
}
