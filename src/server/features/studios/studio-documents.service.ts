import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import type { Deps } from '../../context.ts';
import type { ContractDocument } from '../../documents/contract.document.ts';
import type { PlaqueDocument } from '../../documents/plaque.document.ts';
import { categoryNamesZh } from '../categories/categories.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { loadStudioParts } from './studios.repository.ts';
import { loadVisibleStudio } from './studios.service.ts';
import { presentContractDocument, presentPlaqueDocument } from './studio-documents.presenter.ts';

async function basics(deps: Deps, actor: Actor, id: number) {
  const core = await loadVisibleStudio(deps.db, actor, id);
  const parts = await loadStudioParts(deps.db, id);
  const unit = await findUnit(deps.db, core.unit_id);
  const street = unit?.parent_id ? await findUnit(deps.db, unit.parent_id) : undefined;
  const names = await categoryNamesZh(deps.db);
  const context = { streetName: street?.name ?? '', categories: parts.categoryIds.map((c) => names.get(c) ?? '') };
  return { core, parts, context };
}

/** The latest agreement of a studio as its printable document; 404 before the studio has signed one. */
export async function contractDocument(deps: Deps, actor: Actor, id: number): Promise<ContractDocument> {
  const { core, parts, context } = await basics(deps, actor, id);
  const contract = parts.contracts.at(-1);
  if (!contract) throw new DomainError('NOT_FOUND');
  return presentContractDocument(core, parts, contract, context);
}

/** The certificate of a studio's current plaque; 404 before one was awarded, 409 PLAQUE_RETIRED once it was revoked or retired. */
export async function plaqueDocument(
  deps: Deps,
  actor: Actor,
  id: number,
  publicBaseUrl: string,
): Promise<PlaqueDocument> {
  const { core, parts, context } = await basics(deps, actor, id);
  const plaque = parts.plaques.at(-1);
  if (!plaque) throw new DomainError('NOT_FOUND');
  // A revoked or retired plaque's certificate would still read as valid on paper: it is not printed.
  if (plaque.retired_on)
    throw new DomainError('PLAQUE_RETIRED', { number: plaque.number, date: plaque.retired_on.slice(0, 10) });
  return presentPlaqueDocument(core, parts, plaque, context, publicBaseUrl);
}
