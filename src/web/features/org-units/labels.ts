import type { PostKind, UnitLevel } from '../../../domain/org-units/units.ts';
import type { Translate } from '../../lib/i18n/index.ts';

/** 区/街道/镇/社区/村/企业 in the current language. */
export function levelLabel(t: Translate, level: UnitLevel): string {
  return t(`level.${level}`);
}

/** 中心/站/点 in the current language. */
export function postKindLabel(t: Translate, kind: PostKind): string {
  return t(`postKind.${kind}`);
}
