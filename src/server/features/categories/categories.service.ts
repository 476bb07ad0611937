import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Category } from '../../../contract/studios.ts';

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
