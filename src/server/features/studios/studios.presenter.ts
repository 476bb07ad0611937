import type { StudioAbility, StudioDetail, StudioSummary } from '../../../contract/studios.ts';
import type { Actor, Role } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import { studioLifecycle, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { StudioCore, StudioParts } from './studios.repository.ts';

/** The accounts that own a studio: the applicant and the leading member. */
export function ownersOf(core: Pick<StudioCore, 'applicant_account_id' | 'leader_account_id'>): number[] {
  return [core.applicant_account_id, ...(core.leader_account_id === null ? [] : [core.leader_account_id])];
}

/** How a studio relates to the actor, as the state machine's guards need it. */
export function relationOf(actor: Actor, core: StudioCore): Relation {
  return {
    role: actor.role,
    inScope: isWithin(core.unit_path, actor.unitPath),
    isOwner: ownersOf(core).includes(actor.accountId),
  };
}

/** What the actor may do next with the studio: lifecycle actions, and `edit` for a draft. */
export function studioAbilities(actor: Actor, core: StudioCore): StudioAbility[] {
  const status = core.status as StudioStatus;
  const next: StudioAbility[] = studioLifecycle.available(status, relationOf(actor, core));
  if (
    status === 'draft' &&
    can(actor, 'update', 'studio', { unitPath: core.unit_path, ownerAccountIds: ownersOf(core) })
  )
    next.unshift('edit');
  return next;
}

/** A studio as lists show it. */
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
  parts: StudioParts,
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
      actorName: h.actor_display_name ?? h.actor_name,
      actorRole: (h.actor_role as Role | null) ?? null,
      note: h.note,
      at: h.at,
    })),
    allowedActions: extra.allowedActions,
  };
}
