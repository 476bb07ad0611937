import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { chinaMidnight, firstDayOf, previousQuarter, quarterOfDay } from '../../domain/inspections/quarters.ts';
import { COMPLAINED_STUDIO } from './demo-complained.ts';

/** Person-times and ratings of each serving demo studio's service records in the last quarter. */
const demoQuarter: Record<string, { personTimes: number[]; ratings: number[] }> = {
  婉珍文艺专业服务室: { personTimes: [12, 8, 15, 6, 9, 10, 7, 11], ratings: [5, 5, 5, 4, 5, 4] },
  来发医疗卫生专业服务室: { personTimes: [3, 4, 2, 5, 3], ratings: [5, 4, 5, 5, 4] },
  柏先生猪养殖技术服务室: { personTimes: [6, 2, 4], ratings: [4, 4, 3] },
  '共产党员法律专业服务工作室（东门）': { personTimes: [2, 3, 1, 2], ratings: [4, 5, 4, 4, 3] },
  文斌家电维修服务室: { personTimes: [1, 2], ratings: [3, 2] },
  [COMPLAINED_STUDIO]: { personTimes: [2, 1, 3], ratings: [2, 3, 2] },
};

/**
 * The serving demo studios' last quarter: they have served since before it, and their record
 * books hold services (with residents' ratings) in it, so the quarterly evaluation has
 * something to score on first start; 西城街道's 莲花家电便民维修室 had two complaints found
 * substantiated in it (demo-complained.ts), so the run proposes it to its street.
 */
export async function loadDemoEvaluation(db: Kysely<Database>, at: string): Promise<void> {
  const today = new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
  const quarter = previousQuarter(quarterOfDay(today));
  const servingSince = chinaMidnight(firstDayOf(previousQuarter(quarter)));
  const quarterStart = Date.parse(chinaMidnight(firstDayOf(quarter)));
  const studios = await db
    .selectFrom('studios')
    .select(['id', 'name', 'unit_id', 'applicant_account_id'])
    .where('status', 'in', ['active', 'rectification'])
    .execute();
  for (const s of studios) {
    const spec = demoQuarter[s.name];
    if (!spec) continue;
    await db.updateTable('studios').set({ status_changed_at: servingSince }).where('id', '=', s.id).execute();
    const category = await db
      .selectFrom('studio_categories')
      .select('category_id')
      .where('studio_id', '=', s.id)
      .executeTakeFirstOrThrow();
    for (const [i, personTimes] of spec.personTimes.entries()) {
      // Spread over the quarter: one service every nine days from its second day.
      const servedAt = new Date(quarterStart + (1 + i * 9) * 86_400_000 + 2 * 3_600_000).toISOString();
      const record = await db
        .insertInto('service_records')
        .values({
          studio_id: s.id,
          unit_id: s.unit_id,
          author_id: s.applicant_account_id,
          request_id: null,
          idempotency_key: `demo-evaluation-${s.id}-${i}`,
          rating_code: `DQ${s.id}R${i}`,
          served_at: servedAt,
          duration_minutes: 60,
          recipient_name: null,
          groups_json: '["elderly"]',
          category_id: category.category_id,
          mode: 'studio',
          content: '工作室开放日集中服务',
          person_times: personTimes,
          created_at: servedAt,
          updated_at: servedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const score = spec.ratings[i];
      if (score !== undefined)
        await db
          .insertInto('ratings')
          .values({ studio_id: s.id, request_id: null, record_id: record.id, score, comment: '', created_at: servedAt })
          .execute();
    }
  }
}
