import type { OrgUnit } from '../../../contract/org-units.ts';
import type { PostKind, UnitLevel } from '../../../domain/org/units.ts';
import type { UnitListRow } from './org-units.repository.ts';

/** An org unit row as the API shows it. */
export function presentUnit(row: UnitListRow): OrgUnit {
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
