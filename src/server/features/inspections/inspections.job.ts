import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { quarterOfDay } from '../../../domain/inspections/quarters.ts';
import { chinaDate } from '../../time.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { streetsWithActiveSupervisors } from './supervisors.repository.ts';
import { planStreet } from './plans.service.ts';

/**
 * Plans the current quarter of every street with a serving supervisor: at the start of a
 * quarter this writes the plans, and later in it adds studios that began serving since.
 * Idempotent, and safe on several instances at once (a studio's plan row is unique).
 */
export async function planCurrentQuarter(db: Kysely<Database>, now: Date): Promise<{ created: number }> {
  const today = chinaDate(now);
  const quarter = quarterOfDay(today);
  const ctx = { actor: null, ip: '', requestId: 'job:inspections', at: now.toISOString() };
  let created = 0;
  for (const streetId of await streetsWithActiveSupervisors(db, today)) {
    const street = await findUnit(db, streetId);
    if (!street) continue;
    created += (await planStreet(db, ctx, street, quarter)).created;
  }
  return { created };
}
