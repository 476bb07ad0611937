import type { Kysely } from 'kysely';
import { DomainError } from '../../../domain/errors.ts';
import { isServing, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import type { Database } from '../../../db/schema.ts';
import type { PublicStudio } from '../../../contract/public.ts';
import { SMS_CONSENT_VERSION } from '../../../contract/public.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { commitmentsOf } from '../commitments/commitments.service.ts';
import { findUnit, listSubtree } from '../org-units/org-units.repository.ts';
import { findStudioCore, loadStudioParts } from '../studios/studios.repository.ts';
import { maskPhone } from '../studios/studios.presenter.ts';

/** Statuses a resident may look up: a studio that has held a plaque. Applications stay private. */
const PUBLIC_STATUSES: readonly string[] = ['active', 'rectification', 'revoked', 'closed'];

/** A studio's public page, or 404 for one that never served. */
export async function publicStudio(deps: Deps, id: number, baseUrl: string): Promise<PublicStudio> {
  const core = await findStudioCore(deps.db, id);
  if (!core || !PUBLIC_STATUSES.includes(core.status)) throw new DomainError('NOT_FOUND');
  const parts = await loadStudioParts(deps.db, id);
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
    commitments: serving
      ? (await commitmentsOf(deps, id, ['published'])).map(({ id: cid, kind, text, target, publishedAt }) => ({
          id: cid,
          kind,
          text,
          target,
          publishedAt,
        }))
      : [],
    publicUrl: `${baseUrl}/s/${id}`,
  };
}

/** The bulletin board (公告栏) of a community: every serving studio in it, with its commitments. */
export async function bulletinBoard(deps: Deps, unitId: number, baseUrl: string) {
  const unit = await findUnit(deps.db, unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  const parent = unit.parent_id ? await findUnit(deps.db, unit.parent_id) : undefined;
  const ids = await deps.db
    .selectFrom('studios')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('status', 'in', ['active', 'rectification'])
    .orderBy('id')
    .execute();
  const studios = [];
  for (const { id } of ids) studios.push(await publicStudio(deps, id, baseUrl));
  return {
    unit: { id: unit.id, name: unit.name, parentName: parent?.name ?? null },
    studios,
    generatedAt: deps.clock.now().toISOString(),
  };
}

/** Communities, villages and enterprises residents can pick, by name, pinyin or initials. */
export async function searchPublicUnits(db: Kysely<Database>, q: string | undefined, limit: number) {
  const root = await db
    .selectFrom('org_units')
    .select('path')
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst();
  if (!root) return [];
  const { rows } = await listSubtree(db, { path: root.path, q: q || undefined, limit: limit * 3, offset: 0 });
  const leaves = rows.filter((r) => ['community', 'village', 'enterprise'].includes(r.level)).slice(0, limit);
  const parents = new Map(
    (await Promise.all([...new Set(leaves.map((l) => l.parent_id ?? 0))].map((id) => findUnit(db, id))))
      .filter((u) => u !== undefined)
      .map((u) => [u.id, u.name]),
  );
  return leaves.map((l) => ({
    id: l.id,
    name: l.name,
    shortName: l.short_name,
    level: l.level,
    parentName: parents.get(l.parent_id ?? 0) ?? null,
  }));
}

async function subscribableUnit(db: Kysely<Database>, unitId: number) {
  const unit = await findUnit(db, unitId);
  if (!unit || !['community', 'village', 'enterprise'].includes(unit.level)) throw new DomainError('NOT_FOUND');
  return unit;
}

/** Subscribes a phone to a community's announcements (with consent), or renews a lapsed subscription. */
export async function subscribe(deps: Deps, ctx: AuditContext, input: { unitId: number; phone: string }) {
  const unit = await subscribableUnit(deps.db, input.unitId);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('sms_subscriptions')
      .select(['id', 'unsubscribed_at'])
      .where('unit_id', '=', unit.id)
      .where('phone', '=', input.phone)
      .executeTakeFirst();
    if (existing && existing.unsubscribed_at === null) return;
    if (existing) {
      await trx
        .updateTable('sms_subscriptions')
        .set({ unsubscribed_at: null, subscribed_at: ctx.at, consent_version: SMS_CONSENT_VERSION })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('sms_subscriptions')
        .values({
          unit_id: unit.id,
          phone: input.phone,
          consent_version: SMS_CONSENT_VERSION,
          subscribed_at: ctx.at,
          unsubscribed_at: null,
        })
        .execute();
    }
    await recordAudit(trx, ctx, {
      entity: 'smsSubscription',
      entityId: null,
      action: 'subscribe',
      unitId: unit.id,
      after: { phone: maskPhone(input.phone), consentVersion: SMS_CONSENT_VERSION },
    });
  });
  return { unitName: unit.name, phone: maskPhone(input.phone) ?? '', subscribed: true };
}

/** Ends a subscription. Answers the same whether or not the number was subscribed, so numbers cannot be probed. */
export async function unsubscribe(deps: Deps, ctx: AuditContext, input: { unitId: number; phone: string }) {
  const unit = await subscribableUnit(deps.db, input.unitId);
  await deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('sms_subscriptions')
      .set({ unsubscribed_at: ctx.at })
      .where('unit_id', '=', unit.id)
      .where('phone', '=', input.phone)
      .where('unsubscribed_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) > 0)
      await recordAudit(trx, ctx, {
        entity: 'smsSubscription',
        entityId: null,
        action: 'unsubscribe',
        unitId: unit.id,
        after: { phone: maskPhone(input.phone) },
      });
  });
  return { unitName: unit.name, phone: maskPhone(input.phone) ?? '', subscribed: false };
}
