import { buildAccount } from './accounts.ts';
import { categoryIdOf } from './categories.ts';
import { BUILT_AT, type Db } from './common.ts';
import { buildUnit } from './org-units.ts';

/** What a test may fix of a built need (访民情); everything else gets a valid default. */
export interface NeedOptions {
  /** Where it was heard; a fresh community when absent. */
  unitId?: number;
  /** Who recorded it; a fresh admin of the unit when absent. */
  createdBy?: number;
  channel?: 'diary' | 'survey' | 'visit';
  recordedOn?: string;
  text?: string;
  urgency?: 'low' | 'normal' | 'high';
  /** Category code it is filed under by staff; none (waiting to be categorised) by default. */
  category?: string | null;
  residentName?: string | null;
  residentPhone?: string | null;
}

/** Writes a resident's need as recorded by staff. */
export async function buildNeed(db: Db, o: NeedOptions = {}): Promise<{ id: number; unitId: number }> {
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const createdBy = o.createdBy ?? (await buildAccount(db, { role: 'community_admin', unitId })).id;
  const categoryId = o.category ? await categoryIdOf(db, o.category) : null;
  const { id } = await db
    .insertInto('needs')
    .values({
      unit_id: unitId,
      channel: o.channel ?? 'diary',
      recorded_on: o.recordedOn ?? '2026-11-20',
      resident_name: o.residentName ?? null,
      resident_phone: o.residentPhone ?? null,
      text: o.text ?? '小区路灯坏了好几天，晚上老人出门不方便',
      urgency: o.urgency ?? 'normal',
      suggested_category_id: null,
      confidence: null,
      category_id: categoryId,
      category_source: categoryId === null ? 'auto' : 'staff',
      corrected_by: null,
      created_by: createdBy,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, unitId };
}
