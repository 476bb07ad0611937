import { needAbility, type Need, type NeedAbility } from '../../../contract/needs.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import { can } from '../../../domain/access/rules.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import type { NeedRow } from './needs.repository.ts';

/** Names are shown as 张** and phones as 138****5678: staff rarely need more to act on a need. */
export const maskName = (name: string | null) =>
  name ? `${[...name][0] ?? ''}${'*'.repeat(Math.max([...name].length - 1, 1))}` : null;

/** What this actor may do with a need in this unit. */
export function needActions(actor: Actor, unitPath: string): NeedAbility[] {
  return needAbility.options.filter((a) => can(actor, a, 'need', { unitPath }));
}

/** A need as staff see it: the resident's name and phone masked, with what the viewer may do. */
export function presentNeed(r: NeedRow, actor: Actor): Need {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    channel: r.channel as Need['channel'],
    recordedOn: r.recorded_on,
    residentName: maskName(r.resident_name),
    residentPhone: maskPhone(r.resident_phone),
    text: r.text,
    urgency: r.urgency as Need['urgency'],
    categoryId: r.category_id,
    categorySource: r.category_source as Need['categorySource'],
    suggestedCategoryId: r.suggested_category_id,
    confidence: r.confidence,
    allowedActions: needActions(actor, r.unit_path),
  };
}
