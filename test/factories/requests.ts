import { newCode } from '../../src/server/codes.ts';
import { categoryIdOf } from './categories.ts';
import { BUILT_AT, type Db } from './common.ts';
import { buildStudio, type StudioParents } from './studios.ts';

/** Where a service request stands. */
export type RequestStatus = 'unassigned' | 'assigned' | 'accepted' | 'completed';

/** What a test may fix of a built service request; everything else gets a valid default. */
export interface RequestOptions extends StudioParents {
  /** Assigned by default. */
  status?: RequestStatus;
  /** The studio it is assigned to; an active health studio is built (with `StudioParents`) when absent. Null: none. */
  studioId?: number | null;
  /** Category code; health by default. */
  category?: string;
  text?: string;
  residentName?: string;
  residentPhone?: string;
  /** Who accepted it; the studio's applicant once accepted or completed, by default. */
  acceptedBy?: number | null;
}

/** A built request: its id, the resident's tracking code, and where it went. */
export interface BuiltRequest {
  id: number;
  trackingCode: string;
  studioId: number | null;
  unitId: number;
}

/** Writes a resident's request (家门口点单) in a state, as if routed to a studio. */
export async function buildRequest(db: Db, o: RequestOptions = {}): Promise<BuiltRequest> {
  const status = o.status ?? 'assigned';
  const category = o.category ?? 'health';
  const studio =
    o.studioId === null
      ? null
      : o.studioId !== undefined
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
  const unitId = o.unitId ?? studio?.unitId;
  if (unitId === undefined) throw new Error('buildRequest: a request without a studio needs a unitId');
  const accepted = status === 'accepted' || status === 'completed';
  const trackingCode = newCode();
  const { id } = await db
    .insertInto('service_requests')
    .values({
      tracking_code: trackingCode,
      category_id: await categoryIdOf(db, category),
      unit_id: unitId,
      text: o.text ?? '家里老人血压高，想请医生上门量血压',
      preferred_time: '周六上午',
      resident_name: o.residentName ?? '王秀兰',
      resident_phone: o.residentPhone ?? '13800001111',
      lng: 117.02,
      lat: 25.09,
      status,
      studio_id: studio?.id ?? null,
      declined_json: '[]',
      accepted_by: o.acceptedBy !== undefined ? o.acceptedBy : accepted ? (studio?.applicantId ?? null) : null,
      completed_at: status === 'completed' ? BUILT_AT : null,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, trackingCode, studioId: studio?.id ?? null, unitId };
}
