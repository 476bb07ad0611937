import type { OrgUnit, OrgUnitAbility, OrgUnitSummary } from '../../../contract/org-units.ts';
import type { VolunteerKind } from '../../../domain/registry/import-rows.ts';
import type { VenueType } from '../../../domain/siting/coverage.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
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

/** An org unit row as the API shows it, with its trail inside the actor's scope (the scope's unit first) and what the actor may do with it. */
export function presentUnit(actor: Actor, row: UnitListRow, ancestors: OrgUnit['ancestors']): OrgUnit {
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
    ancestors,
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

/** What a unit's page gathered from the other areas' repositories (null: not the reader's to see). */
export interface SummaryParts {
  studios: { rows: Array<{ id: number; name: string; status: string; unit_name: string }>; total: number } | null;
  people: { rows: Array<{ id: number; name: string; kind: string; unit_name: string }>; total: number } | null;
  needs: { rows: Array<{ id: number; text: string; recorded_on: string; unit_name: string }>; total: number } | null;
  venues: Array<{ id: number; name: string; type: string; unit_name: string }> | null;
}

/** A unit's page: a few of each kind, no phone or ID number (the lists they link to mask as they do). */
export function presentSummary(unit: OrgUnit, parts: SummaryParts, sample: number): OrgUnitSummary {
  return {
    unit,
    studios: parts.studios && {
      total: parts.studios.total,
      items: parts.studios.rows.map((s) => ({
        id: s.id,
        name: s.name,
        status: s.status as StudioStatus,
        unitName: s.unit_name,
      })),
    },
    people: parts.people && {
      total: parts.people.total,
      items: parts.people.rows.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind as VolunteerKind,
        unitName: p.unit_name,
      })),
    },
    needs: parts.needs && {
      total: parts.needs.total,
      items: parts.needs.rows.map((n) => ({
        id: n.id,
        text: n.text,
        recordedOn: n.recorded_on,
        unitName: n.unit_name,
      })),
    },
    venues: parts.venues && {
      total: parts.venues.length,
      items: parts.venues
        .slice(0, sample)
        .map((v) => ({ id: v.id, name: v.name, type: v.type as VenueType, unitName: v.unit_name })),
    },
  };
}
