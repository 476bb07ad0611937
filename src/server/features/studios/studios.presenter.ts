import type { StudioAbility, StudioDetail, StudioSummary } from '../../../contract/studios.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { StudioCore, loadStudioParts } from './studios.repository.ts';

type Parts = Awaited<ReturnType<typeof loadStudioParts>>;

export { maskPhone };

export function presentSummary(row: {
  id: number;
  name: string;
  status: string;
  unit_id: number;
  unit_name: string;
  leader_name: string | null;
  category_ids: number[];
  plaque_number: string | null;
  term_end: string | null;
  status_changed_at: string;
}): StudioSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status as StudioStatus,
    unitId: row.unit_id,
    unitName: row.unit_name,
    leaderName: row.leader_name,
    categoryIds: row.category_ids,
    plaqueNumber: row.plaque_number,
    termEnd: row.term_end,
    statusChangedAt: row.status_changed_at,
  };
}

/** The full studio as staff see it; members' phones masked unless `showPhones`. */
export function presentDetail(
  core: StudioCore,
  parts: Parts,
  extra: {
    applicantName: string;
    recommendedByUnitName: string | null;
    allowedActions: StudioAbility[];
    showPhones: boolean;
  },
): StudioDetail {
  return {
    ...presentSummary({ ...core, category_ids: parts.categoryIds }),
    description: core.description,
    venueAddress: core.venue_address,
    openingHours: core.opening_hours,
    contactPhone: core.contact_phone,
    lng: core.lng,
    lat: core.lat,
    staffingMode: core.staffing_mode as 'single' | 'team',
    origin: core.origin as 'self' | 'recommended',
    recommendedByUnitName: extra.recommendedByUnitName,
    applicantName: extra.applicantName,
    termStart: core.term_start,
    statusReason: core.status_reason,
    serviceItems: parts.items,
    members: parts.members.map((m) => ({
      volunteerId: m.id,
      name: m.name,
      role: m.role as 'leader' | 'member',
      phone: extra.showPhones ? m.phone : maskPhone(m.phone),
    })),
    qualifications: parts.qualifications.map((q) => ({
      holder: q.holder,
      title: q.title,
      issuer: q.issuer,
      attachmentId: q.attachment_id,
    })),
    reviews: parts.reviews.map((r) => ({
      stage: r.stage as 'community' | 'street',
      politicalQuality: { pass: r.political_pass === 1, comment: r.political_comment },
      professionalSpecialty: { pass: r.specialty_pass === 1, comment: r.specialty_comment },
      serviceItems: { pass: r.items_pass === 1, comment: r.items_comment },
      decision: r.decision as 'pass' | 'fail',
      reason: r.reason,
      reviewerName: r.reviewer_name,
      at: r.at,
    })),
    contracts: parts.contracts.map((c) => ({
      number: c.number,
      termStart: c.term_start,
      termEnd: c.term_end,
      renewal: c.renewal === 1,
      signatories: JSON.parse(c.signatories_json) as Array<{ party: string; name: string }>,
      signedAt: c.signed_at,
    })),
    plaques: parts.plaques.map((p) => ({
      number: p.number,
      awardedOn: p.awarded_on,
      retiredOn: p.retired_on,
      retiredReason: p.retired_reason,
    })),
    rectifications: parts.rectifications.map((r) => ({
      kind: r.kind,
      findings: r.findings,
      deadline: r.deadline,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      outcome: r.outcome,
    })),
    history: parts.history.map((h) => ({
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      actorName: h.actor_name,
      note: h.note,
      at: h.at,
    })),
    allowedActions: extra.allowedActions,
  };
}
