import gcoordModule from 'gcoord';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import {
  isDuplicateRequest,
  nextRequestStatus,
  pickStudio,
  MAX_ROUTING_DISTANCE_M,
  type RequestStatus,
} from '../../../domain/delivery/delivery.ts';
import type { Database } from '../../../db/schema.ts';
import type { serviceRequestInput } from '../../../contract/delivery.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { consume } from '../../rate-limit.repository.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { studioIndexOf } from './studio-index.ts';

// gcoord is CommonJS and its typings describe an ES default export that Node does not create
// (NodeNext sees a namespace); at run time the default import is the object with transform().
const gcoord = gcoordModule as unknown as {
  transform(p: [number, number], from: 'WGS84', to: 'GCJ02'): [number, number];
};

/** Abuse limits without a captcha: per address and per phone number. */
export const LIMITS = { perIpPerHour: 10, perPhonePerDay: 5 };

/** Converts a browser position (WGS-84) to the datum Huimin stores (GCJ-02, like the Xinluo data). */
export function toStoredDatum(lng: number, lat: number, datum: 'wgs84' | 'gcj02'): [number, number] {
  if (datum === 'gcj02') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], 'WGS84', 'GCJ02');
  return [x, y];
}

/** Where a resident is: their position, or their community's point (or its street's). */
export async function originOf(
  db: Kysely<Database>,
  unitId: number | undefined,
  point: { lng?: number | null | undefined; lat?: number | null | undefined; datum: 'wgs84' | 'gcj02' },
): Promise<[number, number]> {
  if (point.lng != null && point.lat != null) return toStoredDatum(point.lng, point.lat, point.datum);
  const unit = unitId ? await findUnit(db, unitId) : undefined;
  if (!unit) throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  if (unit.lng !== null && unit.lat !== null) return [unit.lng, unit.lat];
  const parent = unit.parent_id ? await findUnit(db, unit.parent_id) : undefined;
  if (parent?.lng != null && parent.lat != null) return [parent.lng, parent.lat];
  throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
}

/** Finds the best serving studio for a request, skipping those that declined it. */
async function route(deps: Deps, categoryId: number, origin: [number, number], declined: ReadonlySet<number>) {
  const near = await studioIndexOf(deps.db).nearest(
    origin[0],
    origin[1],
    20,
    categoryId,
    MAX_ROUTING_DISTANCE_M / 1000,
  );
  const open = near.length
    ? await deps.db
        .selectFrom('service_requests')
        .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'studio_id',
          'in',
          near.map((s) => s.id),
        )
        .where('status', 'in', ['assigned', 'accepted'])
        .groupBy('studio_id')
        .execute()
    : [];
  const load = new Map(open.map((o) => [o.studio_id, Number(o.n)]));
  const pick = pickStudio(
    near.map((s) => ({ studioId: s.id, distanceM: s.distanceM, openRequests: load.get(s.id) ?? 0 })),
    declined,
  );
  return pick ? near.find((s) => s.id === pick.studioId) : undefined;
}

/** Tells a studio's members by SMS (through the outbox) that a request is waiting for them. */
async function notifyMembers(
  trx: Kysely<Database>,
  studioId: number,
  studioName: string,
  unitId: number,
  request: { code: string; text: string; category: string },
  at: string,
) {
  const phones = await trx
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('volunteers.phone')
    .where('studio_members.studio_id', '=', studioId)
    .where('volunteers.phone', 'is not', null)
    .execute();
  const params = {
    studio: studioName,
    category: request.category,
    text: request.text.slice(0, 30),
    code: request.code,
  };
  for (const p of phones) {
    if (!p.phone) continue;
    await enqueueSms(trx, {
      to: p.phone,
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
  const category = await deps.db
    .selectFrom('categories')
    .select(['id', 'name_zh_cn'])
    .where('id', '=', input.categoryId)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  if (!category) throw new DomainError('VALIDATION_FAILED', { field: 'categoryId' });
  const unit = await findUnit(deps.db, input.unitId);
  if (!unit || !['community', 'village', 'enterprise'].includes(unit.level))
    throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });

  const recent = await deps.db
    .selectFrom('service_requests')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .select([
      'service_requests.tracking_code',
      'service_requests.status',
      'service_requests.text',
      'service_requests.category_id',
      'service_requests.created_at',
      'studios.name as studio_name',
    ])
    .where('service_requests.resident_phone', '=', input.residentPhone)
    .where('service_requests.created_at', '>=', new Date(now.getTime() - 86_400_000).toISOString())
    .execute();
  const same = recent.find((r) =>
    isDuplicateRequest(
      { phone: input.residentPhone, categoryId: input.categoryId, text: input.text, at: now.getTime() },
      { phone: input.residentPhone, categoryId: r.category_id, text: r.text, at: Date.parse(r.created_at) },
    ),
  );
  if (same)
    return {
      trackingCode: same.tracking_code,
      status: same.status as RequestStatus,
      studioName: same.studio_name,
      duplicate: true,
    };

  const origin = await originOf(deps.db, unit.id, input);
  const studio = await route(deps, input.categoryId, origin, new Set());
  const code = newCode();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('service_requests')
      .values({
        tracking_code: code,
        category_id: input.categoryId,
        unit_id: unit.id,
        text: input.text,
        preferred_time: input.preferredTime,
        resident_name: input.residentName,
        resident_phone: input.residentPhone,
        lng: origin[0],
        lat: origin[1],
        status: studio ? 'assigned' : 'unassigned',
        studio_id: studio?.id ?? null,
        declined_json: '[]',
        accepted_by: null,
        completed_at: null,
        created_at: ctx.at,
        updated_at: ctx.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('service_request_events')
      .values({
        request_id: row.id,
        action: studio ? 'assigned' : 'unassigned',
        studio_id: studio?.id ?? null,
        actor_id: null,
        note: null,
        at: ctx.at,
      })
      .execute();
    if (studio)
      await notifyMembers(
        trx,
        studio.id,
        studio.name,
        unit.id,
        { code, text: input.text, category: category.name_zh_cn },
        ctx.at,
      );
    await recordAudit(trx, ctx, {
      entity: 'serviceRequest',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      after: {
        code,
        categoryId: input.categoryId,
        studioId: studio?.id ?? null,
        resident: maskPhone(input.residentPhone),
      },
    });
  });
  return {
    trackingCode: code,
    status: (studio ? 'assigned' : 'unassigned') as RequestStatus,
    studioName: studio?.name ?? null,
    duplicate: false,
  };
}

/** The request by tracking code, as its resident sees it. */
export async function trackRequest(deps: Deps, code: string) {
  const r = await deps.db
    .selectFrom('service_requests')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .selectAll('service_requests')
    .select(['studios.name as studio_name', 'studios.contact_phone as studio_phone'])
    .where('tracking_code', '=', code.toUpperCase())
    .executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND');
  const events = await deps.db
    .selectFrom('service_request_events')
    .select(['action', 'at'])
    .where('request_id', '=', r.id)
    .orderBy('id')
    .execute();
  const rating = await deps.db
    .selectFrom('ratings')
    .select(['score', 'comment'])
    .where('request_id', '=', r.id)
    .executeTakeFirst();
  return {
    trackingCode: r.tracking_code,
    status: r.status as RequestStatus,
    categoryId: r.category_id,
    text: r.text,
    residentName: `${[...r.resident_name][0] ?? ''}**`,
    studio:
      r.studio_id && r.studio_name ? { id: r.studio_id, name: r.studio_name, contactPhone: r.studio_phone } : null,
    events,
    canRate: r.status === 'completed' && !rating,
    rating: rating ?? null,
    createdAt: r.created_at,
  };
}

/** The studios whose requests an actor handles: a member's own studios, or every studio in an admin's scope. */
async function requestInScope(deps: Deps, actor: Actor, id: number) {
  const r = await deps.db
    .selectFrom('service_requests')
    .innerJoin('org_units', 'org_units.id', 'service_requests.unit_id')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .leftJoin('org_units as su', 'su.id', 'studios.unit_id')
    .selectAll('service_requests')
    .select(['org_units.path as unit_path', 'su.path as studio_path', 'studios.name as studio_name'])
    .where('service_requests.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND');
  const owners = r.studio_id ? await memberAccountsOf(deps.db, r.studio_id) : [];
  return { r, owners, target: { unitPath: r.studio_path ?? r.unit_path, ownerAccountIds: owners } };
}

/** Accounts of a studio's members. */
export async function memberAccountsOf(db: Kysely<Database>, studioId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('volunteers.account_id')
    .where('studio_members.studio_id', '=', studioId)
    .execute();
  return rows.flatMap((r) => (r.account_id === null ? [] : [r.account_id]));
}

/** A member accepts, declines (the request passes to the next studio) or completes a request. */
export async function actOnRequest(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  action: 'accept' | 'decline' | 'complete',
  reason?: string,
) {
  const { r, target } = await requestInScope(deps, actor, id);
  authorize(actor, 'read', 'serviceRequest', target);
  authorize(actor, 'handle', 'serviceRequest', target);
  const next = nextRequestStatus(r.status as RequestStatus, action);
  let assigned: Awaited<ReturnType<typeof route>>;
  let declined: number[] = JSON.parse(r.declined_json) as number[];
  if (next === 'reassign') {
    declined = [...declined, r.studio_id ?? 0];
    assigned = await route(deps, r.category_id, [r.lng ?? 0, r.lat ?? 0], new Set(declined));
  }
  await deps.db.transaction().execute(async (trx) => {
    const status = next === 'reassign' ? (assigned ? 'assigned' : 'unassigned') : next;
    const moved = await trx
      .updateTable('service_requests')
      .set({
        status,
        updated_at: ctx.at,
        ...(next === 'reassign'
          ? { studio_id: assigned?.id ?? null, declined_json: JSON.stringify(declined), accepted_by: null }
          : {}),
        ...(next === 'accepted' ? { accepted_by: actor.accountId } : {}),
        ...(next === 'completed' ? { completed_at: ctx.at } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', r.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1)
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action, status: r.status });
    await trx
      .insertInto('service_request_events')
      .values({
        request_id: id,
        action: action === 'decline' ? 'declined' : status,
        studio_id: r.studio_id,
        actor_id: actor.accountId,
        note: reason ?? null,
        at: ctx.at,
      })
      .execute();
    if (next === 'reassign') {
      await trx
        .insertInto('service_request_events')
        .values({
          request_id: id,
          action: assigned ? 'assigned' : 'unassigned',
          studio_id: assigned?.id ?? null,
          actor_id: null,
          note: null,
          at: ctx.at,
        })
        .execute();
      if (assigned) {
        const category = await trx
          .selectFrom('categories')
          .select('name_zh_cn')
          .where('id', '=', r.category_id)
          .executeTakeFirstOrThrow();
        await notifyMembers(
          trx,
          assigned.id,
          assigned.name,
          r.unit_id,
          { code: r.tracking_code, text: r.text, category: category.name_zh_cn },
          ctx.at,
        );
      }
    }
    await recordAudit(trx, ctx, {
      entity: 'serviceRequest',
      entityId: id,
      action,
      unitId: r.unit_id,
      before: { status: r.status, studioId: r.studio_id },
      after: { status, studioId: next === 'reassign' ? (assigned?.id ?? null) : r.studio_id, reason: reason ?? null },
    });
  });
  return id;
}
