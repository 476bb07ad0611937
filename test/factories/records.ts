import { newCode } from '../../src/server/codes.ts';
import { rollRecord } from '../../src/server/features/statistics/rollups.commands.ts';
import { categoryIdOf } from './categories.ts';
import { BUILT_AT, nextSeq, type Db } from './common.ts';
import { buildStudio, type StudioParents } from './studios.ts';

/** What a test may fix of a built service record (服务台账); everything else gets a valid default. */
export interface RecordOptions extends StudioParents {
  /** Its studio; an active health studio is built (with `StudioParents`) when absent. */
  studioId?: number;
  /** Who wrote it; the studio's applicant by default (the record's owner for corrections). */
  authorId?: number;
  requestId?: number | null;
  servedAt?: string;
  durationMinutes?: number;
  /** Category code; health by default. */
  category?: string;
  content?: string;
}

/** A built record, with the code a resident rates it by. */
export interface BuiltRecord {
  id: number;
  studioId: number;
  unitId: number;
  authorId: number;
  ratingCode: string;
}

/** Writes a record of a service given, with its studio, unit and member built when not given. */
export async function buildRecord(db: Db, o: RecordOptions = {}): Promise<BuiltRecord> {
  const n = nextSeq();
  const category = o.category ?? 'health';
  const studio =
    o.studioId !== undefined
      ? await db
          .selectFrom('studios')
          .select(['id', 'unit_id as unitId', 'applicant_account_id as applicantId'])
          .where('id', '=', o.studioId)
          .executeTakeFirstOrThrow()
      : await buildStudio(db, {
          status: 'active',
          category,
          ...(o.unitId !== undefined ? { unitId: o.unitId } : {}),
          ...(o.applicantId !== undefined ? { applicantId: o.applicantId } : {}),
          ...(o.leaderId !== undefined ? { leaderId: o.leaderId } : {}),
        });
  const authorId = o.authorId ?? studio.applicantId;
  const ratingCode = newCode();
  const servedAt = o.servedAt ?? BUILT_AT;
  const categoryId = await categoryIdOf(db, category);
  const { id } = await db
    .insertInto('service_records')
    .values({
      studio_id: studio.id,
      unit_id: studio.unitId,
      author_id: authorId,
      request_id: o.requestId ?? null,
      idempotency_key: `built-record-${n}`,
      rating_code: ratingCode,
      served_at: servedAt,
      duration_minutes: o.durationMinutes ?? 30,
      recipient_name: null,
      groups_json: '["elderly"]',
      category_id: categoryId,
      mode: 'home',
      content: o.content ?? '上门为独居老人量血压',
      person_times: 1,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Written straight to the table, so counted in the rollups here as the API would.
  const unit = await db
    .selectFrom('org_units')
    .select('path')
    .where('id', '=', studio.unitId)
    .executeTakeFirstOrThrow();
  await rollRecord(db, unit.path, { servedAt, categoryId, mode: 'home', groups: ['elderly'], personTimes: 1 });
  return { id, studioId: studio.id, unitId: studio.unitId, authorId, ratingCode };
}
