import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { DomainError } from '../../../domain/errors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import { subtreeRange } from '../../../domain/org/units.ts';
import type { RequestStatus } from '../../../domain/delivery/delivery.ts';
import type { listRequestsQuery } from '../../../contract/delivery.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { memberAccountsOf } from './requests.service.ts';

/** The studios a member belongs to. */
async function studiosOfMember(deps: Deps, accountId: number): Promise<number[]> {
  const rows = await deps.db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .select('studio_members.studio_id')
    .where('volunteers.account_id', '=', accountId)
    .execute();
  return rows.map((r) => r.studio_id);
}

/** Requests a member's studios hold, or, for staff, those in their subtree (by the resident's community). */
export async function listRequests(deps: Deps, actor: Actor, q: z.infer<typeof listRequestsQuery>) {
  authorize(actor, 'read', 'serviceRequest', { unitPath: actor.unitPath });
  let path = actor.unitPath;
  if (q.under) {
    const unit = await findUnit(deps.db, q.under);
    if (!unit) throw new DomainError('NOT_FOUND');
    authorize(actor, 'read', 'serviceRequest', { unitPath: unit.path });
    path = unit.path;
  }
  let base = deps.db
    .selectFrom('service_requests')
    .innerJoin('org_units', 'org_units.id', 'service_requests.unit_id')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .leftJoin('org_units as su', 'su.id', 'studios.unit_id');
  if (actor.role === 'member') {
    const mine = await studiosOfMember(deps, actor.accountId);
    base = base.where('service_requests.studio_id', 'in', mine.length ? mine : [0]);
  } else {
    const { from, to } = subtreeRange(path);
    base = base.where((eb) =>
      eb.or([
        eb.and([eb('org_units.path', '>=', from), eb('org_units.path', '<', to)]),
        eb.and([eb('su.path', '>=', from), eb('su.path', '<', to)]),
      ]),
    );
  }
  if (q.status) base = base.where('service_requests.status', '=', q.status);
  if (q.studioId) base = base.where('service_requests.studio_id', '=', q.studioId);
  const [rows, count] = await Promise.all([
    base
      .selectAll('service_requests')
      .select([
        'org_units.name as unit_name',
        'studios.name as studio_name',
        'su.path as studio_path',
        'org_units.path as unit_path',
      ])
      .orderBy('service_requests.created_at', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const owners = new Map<number, number[]>();
  for (const id of new Set(rows.flatMap((r) => (r.studio_id ? [r.studio_id] : []))))
    owners.set(id, await memberAccountsOf(deps.db, id));
  return {
    total: Number(count.n),
    items: rows.map((r) => {
      const target = {
        unitPath: r.studio_path ?? r.unit_path,
        ownerAccountIds: r.studio_id ? (owners.get(r.studio_id) ?? []) : [],
      };
      const handles = can(actor, 'handle', 'serviceRequest', target);
      const status = r.status as RequestStatus;
      const allowedActions = !handles
        ? []
        : status === 'assigned'
          ? ['accept', 'decline']
          : status === 'accepted'
            ? ['complete', 'decline']
            : [];
      return {
        id: r.id,
        trackingCode: r.tracking_code,
        status,
        categoryId: r.category_id,
        text: r.text,
        preferredTime: r.preferred_time,
        unitId: r.unit_id,
        unitName: r.unit_name,
        residentName: `${[...r.resident_name][0] ?? ''}**`,
        residentPhone: maskPhone(r.resident_phone) ?? '',
        studioId: r.studio_id,
        studioName: r.studio_name,
        createdAt: r.created_at,
        allowedActions,
      };
    }),
  };
}

/** The resident's name and phone for the member who serves them; the read is audited. */
export async function requestContact(deps: Deps, ctx: AuditContext, actor: Actor, id: number) {
  const r = await deps.db
    .selectFrom('service_requests')
    .leftJoin('studios', 'studios.id', 'service_requests.studio_id')
    .leftJoin('org_units as su', 'su.id', 'studios.unit_id')
    .innerJoin('org_units', 'org_units.id', 'service_requests.unit_id')
    .select([
      'service_requests.id',
      'service_requests.studio_id',
      'service_requests.unit_id',
      'service_requests.resident_name',
      'service_requests.resident_phone',
      'su.path as studio_path',
      'org_units.path as unit_path',
    ])
    .where('service_requests.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new DomainError('NOT_FOUND');
  const target = {
    unitPath: r.studio_path ?? r.unit_path,
    ownerAccountIds: r.studio_id ? await memberAccountsOf(deps.db, r.studio_id) : [],
  };
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
