import type { OrgUnit, OrgUnitAbility } from '../../../contract/org-units.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { allowedChildLevels, type PostKind, type UnitLevel } from '../../../domain/org-units/units.ts';
import type { UnitListRow } from './org-units.repository.ts';

/** What the actor may do with a unit at `path` now; `create` only where some level may go below it. */
export function orgUnitAbilities(actor: Actor, row: UnitListRow): OrgUnitAbility[] {
  const target = { unitPath: row.path };
  const abilities: OrgUnitAbility[] = [];
  if (can(actor, 'update', 'orgUnit', target)) abilities.push('update');
  if (allowedChildLevels(row.level as UnitLevel).length > 0 && can(actor, 'create', 'orgUnit', target))
    abilities.push('create');
  return abilities;
}

/** An org unit row as the API shows it, with what the actor may do with it. */
export function presentUnit(actor: Actor, row: UnitListRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level as UnitLevel,
    postKind: row.post_kind as PostKind,
    parentId: row.parent_id,
    depth: row.depth,
    lng: row.lng,
    lat: row.lat,
    address: row.address,
    hasChildren: Boolean(row.has_children),
    allowedActions: orgUnitAbilities(actor, row),
  };
}

/** The fields an audit entry keeps of a unit. */
export function auditedUnit(
  row: Pick<UnitListRow, 'code' | 'name' | 'short_name' | 'level' | 'post_kind' | 'lng' | 'lat' | 'address'>,
) {
  return {
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    postKind: row.post_kind,
    lng: row.lng,
    lat: row.lat,
    address: row.address,
  };
}
