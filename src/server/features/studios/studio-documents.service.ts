import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Deps } from '../../context.ts';
import type { ContractDocument } from '../../documents/contract.document.ts';
import type { PlaqueDocument } from '../../documents/plaque.document.ts';
import { listCategories } from '../categories/categories.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { loadStudioParts } from './studios.repository.ts';
import { loadVisibleStudio } from './studios.service.ts';

async function basics(deps: Deps, actor: Actor, id: number) {
  const core = await loadVisibleStudio(deps.db, actor, id);
  const parts = await loadStudioParts(deps.db, id);
  const unit = await findUnit(deps.db, core.unit_id);
  const street = unit?.parent_id ? await findUnit(deps.db, unit.parent_id) : undefined;
  const names = new Map((await listCategories(deps.db)).map((c) => [c.id, c.name['zh-CN']]));
  return { core, parts, streetName: street?.name ?? '', categories: parts.categoryIds.map((c) => names.get(c) ?? '') };
}

/** The latest agreement of a studio as its printable document; 404 before the studio has signed one. */
export async function contractDocument(deps: Deps, actor: Actor, id: number): Promise<ContractDocument> {
  const { core, parts, streetName, categories } = await basics(deps, actor, id);
  const contract = parts.contracts.at(-1);
  if (!contract) throw new DomainError('NOT_FOUND');
  const leader = parts.members.find((m) => m.role === 'leader');
  return {
    contractNumber: contract.number,
    studioName: core.name,
    unitName: core.unit_name,
    streetName,
    categories,
    serviceItems: parts.items.map((i) => i.title),
    openingHours: core.opening_hours,
    staffingMode: core.staffing_mode as 'single' | 'team',
    leaderName: leader?.name ?? '',
    memberNames: parts.members.filter((m) => m.role === 'member').map((m) => m.name),
    termStart: contract.term_start,
    termEnd: contract.term_end,
    signatories: JSON.parse(contract.signatories_json) as Array<{ party: string; name: string }>,
    signedAt: contract.signed_at,
    unpaidClause: contract.unpaid_clause,
  };
}

/** The plaque certificate of a studio (the current plaque, or the last one); 404 before a plaque was awarded. */
export async function plaqueDocument(
  deps: Deps,
  actor: Actor,
  id: number,
  publicBaseUrl: string,
): Promise<PlaqueDocument> {
  const { core, parts, streetName, categories } = await basics(deps, actor, id);
  const plaque = parts.plaques.at(-1);
  if (!plaque) throw new DomainError('NOT_FOUND');
  return {
    plaqueNumber: plaque.number,
    studioName: core.name,
    unitName: core.unit_name,
    streetName,
    leaderName: parts.members.find((m) => m.role === 'leader')?.name ?? '',
    categories,
    awardedAt: plaque.awarded_on,
    publicUrl: `${publicBaseUrl}/s/${id}`,
  };
}
