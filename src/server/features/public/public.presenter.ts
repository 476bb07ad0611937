import type { PublicStudio } from '../../../contract/public.ts';
import type { Category } from '../../../contract/studios.ts';
import type { Database } from '../../../db/schema.ts';
import { isServing, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { Selectable } from 'kysely';
import type { CommitmentRow } from '../commitments/commitments.repository.ts';
import { presentPublicCommitment } from '../commitments/commitments.presenter.ts';
import type { StudioCore, StudioParts } from '../studios/studios.repository.ts';

/**
 * A studio as residents see it: no personal data beyond the public service contact, and a
 * studio that no longer serves says so instead of showing its contact and commitments.
 */
export function presentPublicStudio(
  core: StudioCore,
  parts: StudioParts,
  published: CommitmentRow[],
  baseUrl: string | null,
  commendations: Array<{
    quarter: string;
    number: string | null;
    issued_on: string | null;
    issuer: string | null;
  }> = [],
): PublicStudio {
  const serving = isServing(core.status as StudioStatus);
  return {
    id: core.id,
    name: core.name,
    status: core.status as StudioStatus,
    serving,
    statusNote: serving ? null : core.status_reason,
    unit: { id: core.unit_id, name: core.unit_name },
    categoryIds: parts.categoryIds,
    description: core.description,
    serviceItems: parts.items,
    members: parts.members.map((m) => ({ name: m.name, role: m.role as 'leader' | 'member' })),
    openingHours: core.opening_hours,
    venueAddress: core.venue_address,
    contactPhone: serving ? core.contact_phone : null,
    plaqueNumber: core.plaque_number,
    lng: core.lng,
    lat: core.lat,
    commitments: serving ? published.map(presentPublicCommitment) : [],
    publicUrl: baseUrl ? `${baseUrl}/s/${core.id}` : null,
    // A studio that lost its plaque no longer shows its honours.
    commendations: serving
      ? commendations.map((c) => ({
          quarter: c.quarter,
          noticeNumber: c.number,
          issuedOn: c.issued_on,
          issuer: c.issuer,
        }))
      : [],
  };
}

/** A service category with its names in the three languages. */
export function presentCategory(r: Selectable<Database['categories']>): Category {
  return {
    id: r.id,
    code: r.code,
    name: { 'zh-CN': r.name_zh_cn, 'zh-TW': r.name_zh_tw, en: r.name_en },
    icon: r.icon,
    color: r.color,
    position: r.position,
    enabled: r.enabled === 1,
  };
}
