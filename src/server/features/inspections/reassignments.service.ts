import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { transitionInspection, type InspectionInput } from '../../../domain/inspections/lifecycle.ts';
import { supervisorStatus } from '../../../domain/inspections/supervisors.ts';
import type { InspectionDetail } from '../../../contract/inspections.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { chinaDate } from '../../time.ts';
import * as repo from './inspections.repository.ts';
import { findSupervisor } from './supervisors.repository.ts';
import { factsOf, getInspection, loadVisible, relationOf } from './inspections.service.ts';

// The street's decisions about inspections still planned: who goes, or that nobody does.

/** The street gives a planned inspection to another of its serving supervisors. */
export async function reassignInspection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  input: { supervisorId: number; note?: string | undefined },
): Promise<InspectionDetail> {
  const row = await loadVisible(deps, actor, id);
  const target = await findSupervisor(deps.db, input.supervisorId);
  const today = chinaDate(new Date(ctx.at));
  const available =
    target !== undefined &&
    target.street_id === row.street_id &&
    supervisorStatus(target.status, target.term_end, today) === 'active';
  transitionInspection(
    factsOf(row, ctx.at),
    { action: 'reassign', supervisorId: input.supervisorId, supervisorAvailable: available },
    relationOf(actor, row),
  );
  await act(
    deps,
    ctx,
    row,
    { action: 'reassign', supervisorId: input.supervisorId, supervisorAvailable: available },
    {
      set: { supervisor_id: input.supervisorId },
      note: `${row.supervisor_name} → ${target?.name ?? ''}${input.note ? `：${input.note}` : ''}`,
      audit: {
        before: { supervisorId: row.supervisor_id },
        after: { supervisorId: input.supervisorId, note: input.note },
      },
    },
  );
  return getInspection(deps, actor, id);
}

/** The street calls off a planned inspection (the studio closed, say), with the reason. */
export async function cancelInspection(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  id: number,
  reason: string,
): Promise<InspectionDetail> {
  const row = await loadVisible(deps, actor, id);
  const input: InspectionInput = { action: 'cancel', reason };
  transitionInspection(factsOf(row, ctx.at), input, relationOf(actor, row));
  await act(deps, ctx, row, input, {
    set: { status: 'cancelled', cancel_reason: reason },
    note: reason,
    audit: { before: { status: row.status }, after: { status: 'cancelled', reason } },
  });
  return getInspection(deps, actor, id);
}

/** Writes a street's decision about a planned inspection, its history entry and audit entry, if nobody acted first. */
async function act(
  deps: Deps,
  ctx: AuditContext,
  row: repo.InspectionRow,
  input: InspectionInput,
  change: {
    set: { supervisor_id?: number; status?: string; cancel_reason?: string };
    note: string;
    audit: { before: unknown; after: unknown };
  },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.updateInspectionIf(
      trx,
      row.id,
      { status: row.status, supervisorId: row.supervisor_id },
      { ...change.set, updated_at: ctx.at },
    );
    if (!moved) throw new DomainError('INSPECTION_NOT_ALLOWED', { action: input.action, status: row.status });
    await repo.insertEvent(trx, {
      inspection_id: row.id,
      action: input.action,
      from_status: row.status,
      to_status: change.set.status ?? row.status,
      actor_id: ctx.actor?.accountId ?? null,
      actor_name: ctx.actor?.username ?? null,
      note: change.note.slice(0, 500),
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'inspection',
      entityId: row.id,
      action: input.action,
      unitId: row.unit_id,
      ...change.audit,
    });
  });
}
