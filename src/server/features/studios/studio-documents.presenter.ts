import type { ContractDocument } from '../../documents/contract.document.ts';
import type { PlaqueDocument } from '../../documents/plaque.document.ts';
import type { ServiceCardDocument } from '../../documents/service-card.document.ts';
import type { StudioCore, StudioParts } from './studios.repository.ts';
import type { CardRow } from './service-cards.repository.ts';

/** What every printed document of a studio names besides the studio: its street and categories. */
export interface DocumentContext {
  streetName: string;
  categories: string[];
}

/** A signed agreement as its printable document. */
export function presentContractDocument(
  core: StudioCore,
  parts: StudioParts,
  contract: StudioParts['contracts'][number],
  context: DocumentContext,
): ContractDocument {
  const leader = parts.members.find((m) => m.role === 'leader');
  return {
    contractNumber: contract.number,
    studioName: core.name,
    unitName: core.unit_name,
    streetName: context.streetName,
    categories: context.categories,
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

/** A plaque as its printable certificate, pointing at the studio's public page. */
export function presentPlaqueDocument(
  core: StudioCore,
  parts: StudioParts,
  plaque: StudioParts['plaques'][number],
  context: DocumentContext,
  publicBaseUrl: string,
): PlaqueDocument {
  return {
    plaqueNumber: plaque.number,
    studioName: core.name,
    unitName: core.unit_name,
    streetName: context.streetName,
    leaderName: parts.members.find((m) => m.role === 'leader')?.name ?? '',
    categories: context.categories,
    awardedAt: plaque.awarded_on,
    publicUrl: `${publicBaseUrl}/s/${core.id}`,
  };
}

/** One member's service card (便民服务卡): the studio, its categories and items, and links to its page and rating. */
export function presentServiceCard(
  r: CardRow,
  categories: string[],
  serviceItems: string[],
  baseUrl: string,
): ServiceCardDocument {
  return {
    memberName: r.member_name,
    studioName: r.studio_name,
    unitName: r.unit_name,
    streetName: r.street_name ?? '',
    categories,
    serviceItems,
    contactPhone: r.contact_phone,
    openingHours: r.opening_hours,
    studioUrl: `${baseUrl}/s/${r.studio_id}`,
    ratingUrl: `${baseUrl}/s/${r.studio_id}?rate=1`,
  };
}
