import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { checkChecklist } from '../../../domain/inspections/checklist.ts';
import type { Checklist, checklistInput } from '../../../contract/inspections.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import * as repo from './inspections.repository.ts';
import { presentChecklist } from './inspections.presenter.ts';

/** The checklist in force, which new inspections are filled against. */
export async function getChecklist(deps: Deps, actor: Actor): Promise<Checklist> {
  authorize(actor, 'read', 'checklist', { unitPath: actor.unitPath });
  return presentChecklist(await repo.currentChecklist(deps.db));
}

/** A past version, as the inspections that used it show it. */
export async function getChecklistVersion(deps: Deps, actor: Actor, version: number): Promise<Checklist> {
  authorize(actor, 'read', 'checklist', { unitPath: actor.unitPath });
  const row = await repo.checklistVersion(deps.db, version);
  if (!row) throw new DomainError('NOT_FOUND');
  return presentChecklist(row);
}

/** The district publishes a new version; inspections already submitted keep the version they used. */
export async function publishChecklist(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof checklistInput>,
): Promise<Checklist> {
  authorize(actor, 'update', 'checklist', { unitPath: actor.unitPath });
  checkChecklist(input);
  await deps.db.transaction().execute(async (trx) => {
    const current = await repo.currentChecklist(trx);
    await repo.insertChecklist(trx, {
      version: current.version + 1,
      items_json: JSON.stringify(input.items),
      threshold: input.threshold,
      created_by: actor.accountId,
      created_at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'checklist',
      entityId: current.version + 1,
      action: 'update',
      unitId: actor.unitId,
      before: {
        version: current.version,
        threshold: current.threshold,
        items: JSON.parse(current.items_json) as unknown,
      },
      after: { version: current.version + 1, ...input },
    });
  });
  return presentChecklist(await repo.currentChecklist(deps.db));
}
