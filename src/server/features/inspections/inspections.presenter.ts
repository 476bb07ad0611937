import type {
  Checklist,
  InspectionAbility,
  InspectionDetail,
  InspectionSummary,
  Proposal,
  ProposalAbility,
} from '../../../contract/inspections.ts';
import type { ChecklistItem, ItemRating } from '../../../domain/inspections/checklist.ts';
import type { InspectionStatus } from '../../../domain/inspections/lifecycle.ts';
import type { ProposalStatus } from '../../../domain/inspections/proposal.ts';
import { quarterInstants, type Quarter } from '../../../domain/inspections/quarters.ts';
import type { ChecklistRow, InspectionRow, eventsOf } from './inspections.repository.ts';
import type { ProposalRow } from './proposals.repository.ts';

/** A stored checklist version as the API shows it. */
export function presentChecklist(row: ChecklistRow): Checklist {
  return {
    version: row.version,
    threshold: row.threshold,
    items: JSON.parse(row.items_json) as ChecklistItem[],
    createdAt: row.created_at,
  };
}

/** Not done by its quarter's end: still open after it, or submitted late. */
export function isOverdue(row: { status: string; quarter: string; submitted_at: string | null }, now: string): boolean {
  if (row.status === 'cancelled') return false;
  const { end } = quarterInstants(row.quarter as Quarter);
  return row.submitted_at === null ? now >= end : row.submitted_at >= end;
}

/** An inspection in a list. */
export function presentSummary(
  row: InspectionRow,
  extra: { now: string; allowedActions: InspectionAbility[] },
): InspectionSummary {
  return {
    id: row.id,
    quarter: row.quarter,
    studioId: row.studio_id,
    studioName: row.studio_name,
    unitId: row.unit_id,
    unitName: row.unit_name,
    streetId: row.street_id,
    supervisorId: row.supervisor_id,
    supervisorName: row.supervisor_name,
    status: row.status as InspectionStatus,
    dueOn: row.due_on,
    overdue: isOverdue(row, extra.now),
    total: row.total,
    visitedAt: row.visited_at,
    submittedAt: row.submitted_at,
    allowedActions: extra.allowedActions,
  };
}

/** A rectification proposal. */
export function presentProposal(row: ProposalRow, allowedActions: ProposalAbility[]): Proposal {
  return {
    id: row.id,
    inspectionId: row.inspection_id,
    quarter: row.quarter,
    studioId: row.studio_id,
    studioName: row.studio_name,
    unitName: row.unit_name,
    streetId: row.street_id,
    total: row.total,
    threshold: row.threshold,
    status: row.status as ProposalStatus,
    reason: row.reason,
    deadline: row.deadline,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    allowedActions,
  };
}

/** An inspection with the checklist it used (the current one while planned), ratings, photos and history. */
export function presentDetail(
  row: InspectionRow,
  extra: {
    now: string;
    allowedActions: InspectionAbility[];
    checklist: ChecklistRow;
    photoPositions: number[];
    history: Awaited<ReturnType<typeof eventsOf>>;
    proposal: Proposal | null;
    correctableUntil: string | null;
  },
): InspectionDetail {
  return {
    ...presentSummary(row, extra),
    checklist: presentChecklist(extra.checklist),
    ratings: row.ratings_json === null ? null : (JSON.parse(row.ratings_json) as ItemRating[]),
    position: row.lng === null || row.lat === null ? null : { lng: row.lng, lat: row.lat },
    photos: extra.photoPositions.map((position) => ({
      position,
      url: `/api/inspections/${row.id}/photos/${position}`,
    })),
    correctedAt: row.corrected_at,
    correctableUntil: extra.correctableUntil,
    cancelReason: row.cancel_reason,
    proposal: extra.proposal,
    history: extra.history.map((h) => ({
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      actorName: h.actor_name,
      note: h.note,
      at: h.at,
    })),
  };
}
