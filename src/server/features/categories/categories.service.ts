import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import type { Category, categoryInput } from '../../../contract/studios.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import { authorize } from '../../scope.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';

/** Every category in display order, with its names in the three languages. */
export async function listCategories(db: Kysely<Database>): Promise<Category[]> {
  const rows = await db.selectFrom('categories').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: { 'zh-CN': r.name_zh_cn, 'zh-TW': r.name_zh_tw, en: r.name_en },
    icon: r.icon,
    color: r.color,
    position: r.position,
    enabled: r.enabled === 1,
  }));
}

/** Adds a category, or edits one; codes are unique and never reused for another meaning. */
export async function saveCategory(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof categoryInput>,
  id?: number,
): Promise<Category> {
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
    const clash = await trx.selectFrom('categories').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash && clash.id !== id) throw new DomainError('CONFLICT');
    let savedId = id;
    if (id) {
      const before = await trx.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
      if (!before) throw new DomainError('NOT_FOUND');
      await trx.updateTable('categories').set(columns).where('id', '=', id).execute();
      await recordAudit(trx, ctx, {
        entity: 'category',
        entityId: id,
        action: 'update',
        unitId: actor.unitId,
        before,
        after: columns,
      });
    } else {
      savedId = (await trx.insertInto('categories').values(columns).returning('id').executeTakeFirstOrThrow()).id;
      await recordAudit(trx, ctx, {
        entity: 'category',
        entityId: savedId,
        action: 'create',
        unitId: actor.unitId,
        after: columns,
      });
    }
    return savedId;
  });
  const found = (await listCategories(deps.db)).find((c) => c.id === saved);
  if (!found) throw new DomainError('NOT_FOUND');
  return found;
}
