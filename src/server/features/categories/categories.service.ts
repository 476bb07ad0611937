import type { CategoryInput, StaffCategory } from '../../../contract/categories.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { presentStaffCategory } from './categories.presenter.ts';
import * as repo from './categories.repository.ts';
import { markChanged } from '../../version-marks.ts';

/** Every category in display order, with what the viewer may do with each. */
export async function listStaffCategories(deps: Deps, actor: Actor): Promise<StaffCategory[]> {
  authorize(actor, 'read', 'category', { unitPath: actor.unitPath });
  return (await repo.listCategories(deps.db)).map((c) => presentStaffCategory(c, actor));
}

/** Adds a category, or edits one; codes are unique and never reused for another meaning. */
export async function saveCategory(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: CategoryInput,
  id?: number,
): Promise<StaffCategory> {
  authorize(actor, id ? 'update' : 'create', 'category', { unitPath: actor.unitPath });
  const columns = {
    code: input.code,
    name_zh_cn: input.name['zh-CN'],
    name_zh_tw: input.name['zh-TW'],
    name_en: input.name.en,
    icon: input.icon,
    color: input.color,
    position: input.position,
    enabled: input.enabled ? 1 : 0,
  };
  const saved = await deps.db.transaction().execute(async (trx) => {
    const clash = await repo.findCategoryIdByCode(trx, input.code);
    if (clash !== undefined && clash !== id) throw new DomainError('CONFLICT');
    if (id) {
      const before = await repo.findCategory(trx, id);
      if (!before) throw new DomainError('NOT_FOUND');
      await repo.updateCategory(trx, id, columns);
      await recordAudit(trx, ctx, {
        entity: 'category',
        entityId: id,
        action: 'update',
        unitId: actor.unitId,
        before,
        after: columns,
      });
      return id;
    }
    const newId = await repo.insertCategory(trx, columns);
    await recordAudit(trx, ctx, {
      entity: 'category',
      entityId: newId,
      action: 'create',
      unitId: actor.unitId,
      after: columns,
    });
    return newId;
  });
  // Committed: this process reloads its copy now (the bump already told the others).
  markChanged(repo.CATEGORIES_VERSION);
  const found = (await repo.listCategories(deps.db)).find((c) => c.id === saved);
  if (!found) throw new DomainError('NOT_FOUND');
  return presentStaffCategory(found, actor);
}
