import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import type { OrgUnitSummary } from '../../../contract/org-units.ts';
import type { Deps } from '../../context.ts';
import { listNeedPage } from '../needs/needs.repository.ts';
import { listVolunteerPage } from '../registry/registry.repository.ts';
import { listVenues } from '../siting/siting.repository.ts';
import { listStudios } from '../studios/studios.repository.ts';
import { presentSummary } from './org-units.presenter.ts';
import { getUnit, loadVisible } from './org-units.service.ts';

/** How many of each kind the page lists; the counts and the links to the full lists say the rest. */
const SAMPLE = 5;

/**
 * A unit's page: the unit with its trail, and the studios, people, needs and venues of its
 * subtree, each counted with its first few; a kind the actor may not read is left out (null).
 */
export async function getUnitSummary(deps: Deps, actor: Actor, id: number): Promise<OrgUnitSummary> {
  const row = await loadVisible(deps, actor, id);
  const target = { unitPath: row.path };
  const path = row.path;
  const [unit, studios, people, needs, venues] = await Promise.all([
    getUnit(deps, actor, id),
    can(actor, 'read', 'studio', target) ? listStudios(deps.db, { path, limit: SAMPLE, offset: 0 }) : null,
    can(actor, 'read', 'volunteer', target) ? listVolunteerPage(deps.db, { path }, SAMPLE, 0) : null,
    can(actor, 'read', 'need', target) ? listNeedPage(deps.db, { path }, SAMPLE, 0) : null,
    can(actor, 'read', 'venue', target) ? listVenues(deps.db, path) : null,
  ]);
  return presentSummary(unit, { studios, people, needs, venues }, SAMPLE);
}
