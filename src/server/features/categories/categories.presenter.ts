import {
  categoryAbility,
  type Category,
  type CategoryAbility,
  type StaffCategory,
} from '../../../contract/categories.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import type { CategoryRow } from './categories.repository.ts';

/** A category row as the API shows it, names keyed by language. */
export function presentCategory(r: CategoryRow): Category {
  return {
    id: r.id,
    code: r.code,
    name: { 'zh-CN': r.name_zh_cn, 'zh-TW': r.name_zh_tw, en: r.name_en },
    icon: r.icon,
    color: r.color,
    position: r.position,
    enabled: r.enabled === 1,
  };
}

/** What this actor may do with a category (categories are district-wide: no scope applies). */
export function categoryActions(actor: Actor): CategoryAbility[] {
  return categoryAbility.options.filter((a) => can(actor, a, 'category', { unitPath: actor.unitPath }));
}

/** A category as staff see it, with the viewer's actions. */
export function presentStaffCategory(c: Category, actor: Actor): StaffCategory {
  return { ...c, allowedActions: categoryActions(actor) };
}
