import { categoryNameOf, findEnabledCategory } from '../categories/categories.repository.ts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { isDuplicateRequest } from '../../../domain/delivery/delivery.ts';
import {
  nextRequestStatus,
  requestLifecycle,
  type RequestAction,
  type RequestInput,
  type RequestStatus,
} from '../../../domain/delivery/request-lifecycle.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { Database } from '../../../db/schema.ts';
import type { listRequestsQuery, requestLookupInput, serviceRequestInput } from '../../../contract/delivery.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { consume, consumeTrackingLookup } from '../../rate-limit.repository.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import * as deliveryRepo from './delivery.repository.ts';
import { presentRequest, presentTrackedRequest, requestRelation, requestTarget } from './delivery.presenter.ts';
import { originOf, routeRequest } from './delivery.service.ts';
import { findRating } from './ratings.repository.ts';
import * as repo from './requests.repository.ts';

/** Abuse limits without a captcha: per address and per phone number. */
export const LIMITS = { perIpPerHour: 10, perPhonePerDay: 5, lookupsPerIpPerHour: 20 };

/** Tells a studio's members by SMS (through the outbox) that a request is waiting for them. */
async function notifyMembers(
  trx: Kysely<Database>,
  studio: { id: number; name: string },
  unitId: number,
  request: { code: string; text: string; category: string },
  at: string,
) {
  const params = {
    studio: studio.name,
    category: request.category,
    text: request.text.slice(0, 30),
    code: request.code,
  };
  for (const phone of await deliveryRepo.memberPhonesOf(trx, studio.id)) {
    await enqueueSms(trx, {
      to: phone,
      templateId: smsTemplates.requestAssigned.id,
      params,
      signature: SMS_SIGNATURE,
      body: smsTemplates.requestAssigned.render(params),
      unitId,
      entity: 'serviceRequest',
      entityId: request.code,
      at,
    });
  }
}

/**
 * A resident asks for a service. Limits per address and phone stop floods; the same request
 * sent twice within a day returns the first tracking code. The request goes to the nearest
 * suitable studio, weighted by how busy it is, and its members are told.
 */
export async function createRequest(deps: Deps, ctx: AuditContext, input: z.infer<typeof serviceRequestInput>) {
  const now = new Date(ctx.at);
  await consume(deps.db, `request:ip:${ctx.ip}`, LIMITS.perIpPerHour, 3_600_000, now);
  await consume(deps.db, `request:phone:${input.residentPhone}`, LIMITS.perPhonePerDay, 86_400_000, now);
  const category = await findEnabledCategory(deps.db, input.categoryId);
  if (!category) throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
  const unit = await findUnit(deps.db, input.unitId);
  if (!unit || !['community', 'village', 'enterprise'].includes(unit.level))
    throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });

  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const earlier = async (db: typeof deps.db) => {
    const recent = await repo.listRecentRequests(db, input.residentPhone, since);
    const same = recent.find((r) =>
      isDuplicateRequest(
        { phone: input.residentPhone, categoryId: input.categoryId, text: input.text, at: now.getTime() },
        { phone: input.residentPhone, categoryId: r.category_id, text: r.text, at: Date.parse(r.created_at) },
      ),
    );
    return same
      ? {
          trackingCode: same.tracking_code,
          status: same.status as RequestStatus,
          studioName: same.studio_name,
          duplicate: true,
        }
      : undefined;
  };
  const known = await earlier(deps.db);
  if (known) return known;

  const origin = await originOf(deps.db, unit.id, input);
  const studio = await routeRequest(deps.db, input.categoryId, origin, new Set());
  const code = newCode();
  const status: RequestStatus = studio ? 'assigned' : 'unassigned';
  const raced = await deps.db.transaction().execute(async (trx) => {
    // Two identical requests at once (a double tap): under the intake lock the second finds the first.
    await repo.lockRequestIntake(trx);
    const same = await earlier(trx);
    if (same) return same;
    const id = await repo.insertRequest(trx, {
      tracking_code: code,
      category_id: input.categoryId,
      unit_id: unit.id,
      text: input.text,
      preferred_time: input.preferredTime,
      resident_name: input.residentName,
      resident_phone: input.residentPhone,
      lng: origin[0],
      lat: origin[1],
      status,
      studio_id: studio?.id ?? null,
      declined_json: '[]',
      accepted_by: null,
      completed_at: null,
      created_at: ctx.at,
      updated_at: ctx.at,
    });
    await repo.insertRequestEvent(trx, {
      request_id: id,
      action: status,
      studio_id: studio?.id ?? null,
      actor_id: null,
      note: null,
      at: ctx.at,
    });
    // The resident gets the code by SMS too: a code on a screen is easily lost.
    const received = { code };
    await enqueueSms(trx, {
      to: input.residentPhone,
      templateId: smsTemplates.requestReceived.id,
      params: received,
      signature: SMS_SIGNATURE,
      body: smsTemplates.requestReceived.render(received),
      unitId: unit.id,
      entity: 'serviceRequest',
      entityId: code,
      at: ctx.at,
    });
    if (studio)
      await notifyMembers(trx, studio, unit.id, { code, text: input.text, category: category.name_zh_cn }, ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'serviceRequest',
      entityId: id,
      action: 'create',
      unitId: unit.id,
      after: {
        code,
        categoryId: input.categoryId,
        studioId: studio?.id ?? null,
        resident: maskPhone(input.residentPhone),
      },
    });
    return undefined;
  });
  if (raced) return raced;
  return { trackingCode: code, status, studioName: studio?.name ?? null, duplicate: false };
}

/** The request by tracking code, as its resident sees it. */
export async function trackRequest(deps: Deps, code: string, ip: string) {
  await consumeTrackingLookup(deps.db, ip, deps.clock.now());
  const r = await repo.findRequestByCode(deps.db, code.toUpperCase());
  if (!r) throw new DomainError('NOT_FOUND');
  const events = await repo.listRequestEvents(deps.db, r.id);
  const rating = await findRating(deps.db, { requestId: r.id, recordId: null });
  return presentTrackedRequest(r, events, rating);
}

/**
 * Finds a request's tracking code from the phone number it was sent with and the code's last
 * four characters (the newest such request). Guessing is throttled per address, and a wrong
 * phone and a wrong code get the same answer, so the answer says nothing about either.
 */
export async function lookUpRequest(deps: Deps, ctx: AuditContext, input: z.infer<typeof requestLookupInput>) {
  await consume(deps.db, `lookup:ip:${ctx.ip}`, LIMITS.lookupsPerIpPerHour, 3_600_000, new Date(ctx.at));
  const tail = input.codeTail.toUpperCase();
  const code = (await repo.listCodesByPhone(deps.db, input.phone)).find((c) => c.endsWith(tail));
  if (!code) throw new DomainError('NOT_FOUND');
  return { trackingCode: code };
}

/** Loads a request with where it sits and who owns it (its studio's members), or answers 404. */
async function loadRequest(db: Kysely<Database>, id: number) {
  const r = await repo.findRequest(db, id);
  if (!r) throw new DomainError('NOT_FOUND');
  const owners = r.studio_id ? await deliveryRepo.memberAccountsOf(db, r.studio_id) : [];
  return { r, target: requestTarget(r, owners) };
}

/** Requests a member's studios hold, or, for staff, those in their subtree (by the resident's community). */
export async function listRequests(deps: Deps, actor: Actor, q: z.infer<typeof listRequestsQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'serviceRequest', q.under);
  const held =
    actor.role === 'member' ? { studioIds: await deliveryRepo.studiosOfMember(deps.db, actor.accountId) } : scope;
  const { rows, total } = await repo.listRequestRows(
    deps.db,
    { ...held, status: q.status, studioId: q.studioId },
    { limit: q.limit, offset: q.offset },
  );
  const studioIds = [...new Set(rows.flatMap((r) => (r.studio_id ? [r.studio_id] : [])))];
  const owners = await deliveryRepo.memberAccountsOfStudios(deps.db, studioIds);
  return {
    total,
    items: rows.map((r) =>
      presentRequest(r, actor, requestTarget(r, r.studio_id ? (owners.get(r.studio_id) ?? []) : [])),
    ),
  };
}

/** The resident's name and phone for the member who serves them; the read is audited. */
export async function requestContact(deps: Deps, ctx: AuditContext, actor: Actor, id: number) {
  const { r, target } = await loadRequest(deps.db, id);
  authorize(actor, 'read', 'serviceRequest', target);
  authorize(actor, 'handle', 'serviceRequest', target);
  await recordAudit(deps.db, ctx, {
    entity: 'serviceRequest',
    entityId: id,
    action: 'personal.read',
    unitId: r.unit_id,
    after: { fields: ['residentName', 'residentPhone'] },
  });
  return { residentName: r.resident_name, residentPhone: r.resident_phone };
}

/**
 * A member accepts, declines (the request passes to the next studio) or completes a request;
 * an admin in scope may act for them. The request lifecycle decides; the move is conditional
 * on the status read, and written with its history and audit entries in one transaction.
 */
export async function actOnRequest(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  action: RequestAction,
  reason?: string,
) {
  const { r, target } = await loadRequest(deps.db, id);
  authorize(actor, 'read', 'serviceRequest', target);
  authorize(actor, 'handle', 'serviceRequest', target);
  const status = r.status as RequestStatus;
  let declined = JSON.parse(r.declined_json) as number[];
  let next: Awaited<ReturnType<typeof routeRequest>>;
  // Routing needs the status checked first: a request that cannot be declined is not routed.
  if (nextRequestStatus(status, action) === 'reassign') {
    declined = [...declined, r.studio_id ?? 0];
    next = await routeRequest(deps.db, r.category_id, [r.lng ?? 0, r.lat ?? 0], new Set(declined));
  }
  const input: RequestInput = action === 'decline' ? { action, nextStudioId: next?.id ?? null } : { action };
  const result = requestLifecycle.apply(
    { status, studioId: r.studio_id },
    input,
    requestRelation(actor, target),
    chinaDate(new Date(ctx.at)),
  );
  await deps.db.transaction().execute(async (trx) => {
    let studioAfter = r.studio_id;
    let set: repo.RequestChange = { status: result.to, updated_at: ctx.at };
    for (const effect of result.effects) {
      if (effect.kind === 'recordAcceptance') set = { ...set, accepted_by: actor.accountId };
      if (effect.kind === 'recordCompletion') set = { ...set, completed_at: ctx.at };
      if (effect.kind === 'passOn') {
        studioAfter = effect.nextStudioId;
        set = { ...set, studio_id: effect.nextStudioId, declined_json: JSON.stringify(declined), accepted_by: null };
      }
    }
    if (!(await repo.moveRequest(trx, id, r.status, set)))
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action, status: r.status });
    await repo.insertRequestEvent(trx, {
      request_id: id,
      action: action === 'decline' ? 'declined' : result.to,
      studio_id: r.studio_id,
      actor_id: actor.accountId,
      note: reason ?? null,
      at: ctx.at,
    });
    if (result.effects.some((e) => e.kind === 'passOn')) {
      await repo.insertRequestEvent(trx, {
        request_id: id,
        action: result.to,
        studio_id: next?.id ?? null,
        actor_id: null,
        note: null,
        at: ctx.at,
      });
      if (next) {
        const category = await categoryNameOf(trx, r.category_id);
        await notifyMembers(trx, next, r.unit_id, { code: r.tracking_code, text: r.text, category }, ctx.at);
      }
    }
    await recordAudit(trx, ctx, {
      entity: 'serviceRequest',
      entityId: id,
      action,
      unitId: r.unit_id,
      before: { status: r.status, studioId: r.studio_id },
      after: { status: result.to, studioId: studioAfter, reason: reason ?? null },
    });
  });
  return id;
}
