import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { requestLifecycle, type RequestStatus } from '../../../domain/delivery/request-lifecycle.ts';
import type { Relation } from '../../../domain/lifecycle.ts';
import { isWithin } from '../../../domain/org-units/units.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { serviceRequest, trackedRequest } from '../../../contract/delivery.ts';
import type { RequestListRow } from './requests.repository.ts';

/** Where a request sits for access checks: its studio's unit (else the resident's), and who owns it. */
export interface RequestTarget {
  unitPath: string;
  ownerAccountIds: number[];
}

/** A name shown by its first character only (王**). */
export function maskName(name: string): string {
  return `${[...name][0] ?? ''}**`;
}

/** How a request relates to the actor, for the request lifecycle. */
export function requestRelation(actor: Actor, target: RequestTarget): Relation {
  return {
    role: actor.role,
    inScope: isWithin(target.unitPath, actor.unitPath),
    isOwner: target.ownerAccountIds.includes(actor.accountId),
  };
}

/** The place and owners of a request: its studio's unit (else the resident's) and the studio's members. */
export function requestTarget(
  r: { studio_id: number | null; studio_path: string | null; unit_path: string },
  studioMembers: readonly number[],
): RequestTarget {
  return { unitPath: r.studio_path ?? r.unit_path, ownerAccountIds: r.studio_id === null ? [] : [...studioMembers] };
}

/** A request as members and staff see it: the resident masked, and what the viewer may do with it now. */
export function presentRequest(r: RequestListRow, actor: Actor, target: RequestTarget): z.infer<typeof serviceRequest> {
  const status = r.status as RequestStatus;
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    status,
    categoryId: r.category_id,
    text: r.text,
    preferredTime: r.preferred_time,
    unitId: r.unit_id,
    unitName: r.unit_name,
    residentName: maskName(r.resident_name),
    residentPhone: maskPhone(r.resident_phone) ?? '',
    studioId: r.studio_id,
    studioName: r.studio_name,
    createdAt: r.created_at,
    allowedActions: requestLifecycle.available(status, requestRelation(actor, target)),
  };
}

/** A request as its resident follows it by tracking code: their own name masked, no one else's data. */
export function presentTrackedRequest(
  r: {
    tracking_code: string;
    status: string;
    category_id: number;
    text: string;
    resident_name: string;
    studio_id: number | null;
    studio_name: string | null;
    studio_phone: string | null;
    created_at: string;
  },
  events: Array<{ action: string; at: string }>,
  rating: { score: number; comment: string } | undefined,
): z.infer<typeof trackedRequest> {
  return {
    trackingCode: r.tracking_code,
    status: r.status as RequestStatus,
    categoryId: r.category_id,
    text: r.text,
    residentName: maskName(r.resident_name),
    studio:
      r.studio_id && r.studio_name ? { id: r.studio_id, name: r.studio_name, contactPhone: r.studio_phone } : null,
    events,
    canRate: r.status === 'completed' && !rating,
    rating: rating ?? null,
    createdAt: r.created_at,
  };
}
