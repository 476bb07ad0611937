import { BUILT_AT, nextSeq, type Db } from './common.ts';
import { CATEGORIES_VERSION } from '../../src/server/features/categories/categories.repository.ts';
import { bumpVersion } from '../../src/server/versioned-cache.ts';

/** The id of a category by its code (the 11 defaults exist in every database: legal, culture, health, repair…). */
export async function categoryIdOf(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** What a test may fix of a built category. */
export interface CategoryOptions {
  code?: string;
  zhCN?: string;
  zhTW?: string;
  en?: string;
  icon?: string;
  color?: string;
  position?: number;
  enabled?: boolean;
}

/** A built category, with the fields an update must send back. */
export interface BuiltCategory {
  id: number;
  code: string;
  name: { 'zh-CN': string; 'zh-TW': string; en: string };
  icon: string;
  color: string;
  position: number;
  enabled: boolean;
}

/** Writes a service category after the defaults (enabled, 家政服务 unless named). */
export async function buildCategory(db: Db, o: CategoryOptions = {}): Promise<BuiltCategory> {
  const n = nextSeq();
  const c = {
    code: o.code ?? `housekeeping-${n}`,
    name: { 'zh-CN': o.zhCN ?? '家政服务', 'zh-TW': o.zhTW ?? '家政服務', en: o.en ?? 'Housekeeping' },
    icon: o.icon ?? 'Home',
    color: o.color ?? '#7c3aed',
    position: o.position ?? 100 + n,
    enabled: o.enabled ?? true,
  };
  const { id } = await db
    .insertInto('categories')
    .values({
      code: c.code,
      name_zh_cn: c.name['zh-CN'],
      name_zh_tw: c.name['zh-TW'],
      name_en: c.name.en,
      icon: c.icon,
      color: c.color,
      position: c.position,
      enabled: c.enabled ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // As every writer of categories does: the app's cached copy looks again.
  await bumpVersion(db, CATEGORIES_VERSION, BUILT_AT);
  return { id, ...c };
}
