import type { StudioStatus } from '../../src/domain/studios/lifecycle.ts';
import { buildAccount } from './accounts.ts';
import { categoryIdOf } from './categories.ts';
import { buildCommitment } from './commitments.ts';
import { BUILT_AT, type Db } from './common.ts';
import { demoPlace, type Place } from './demo.ts';
import { buildUnit } from './org-units.ts';
import { buildVolunteer } from './registry.ts';
import { bumpStudiosVersion } from '../../src/server/features/statistics/studio-snapshot.repository.ts';

/** Who a studio belongs to. Each one missing is built: a community, a member account, a leader in the registry. */
export interface StudioParents {
  unitId?: number;
  /** The account that applied for it (an owner: `own` rules apply to it). */
  applicantId?: number;
  /** The registry person who leads it; when built, it is linked to a built applicant's account (also an owner). */
  leaderId?: number;
}

/** What a test may fix of a built studio; everything else gets a valid default. */
export interface StudioOptions extends StudioParents {
  /** Active (plaque awarded, serving) by default. */
  status?: StudioStatus;
  termEnd?: string | null;
  /** When a studio in rectification must have mended its ways; 2026-12-31 by default. */
  rectificationDeadline?: string;
  commitment?: 'draft' | 'published';
  name?: string;
  /** Category code; culture by default. */
  category?: string;
  /** Where it sits (GCJ-02); near 西兴社区 by default. */
  lng?: number;
  lat?: number;
}

/** A built studio and its parents. */
export interface BuiltStudio {
  id: number;
  commitmentId: number | null;
  unitId: number;
  applicantId: number;
  leaderId: number;
}

/**
 * Puts a studio straight into a state, with a complete application (one category, one
 * item, its leader), a contract from contracted on, a plaque when serving, an open
 * rectification when in rectification, and a commitment when asked. For tests that start
 * mid-lifecycle.
 */
export async function buildStudio(db: Db, o: StudioOptions = {}): Promise<BuiltStudio> {
  const status = o.status ?? 'active';
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const builtApplicant = o.applicantId === undefined ? await buildAccount(db, { role: 'member', unitId }) : undefined;
  const applicantId = o.applicantId ?? builtApplicant?.id ?? 0;
  const leaderId =
    o.leaderId ??
    (await buildVolunteer(db, { unitId, accountId: builtApplicant?.id ?? null, name: builtApplicant?.displayName })).id;
  const leader = await db.selectFrom('volunteers').select('name').where('id', '=', leaderId).executeTakeFirstOrThrow();
  const categoryId = await categoryIdOf(db, o.category ?? 'culture');
  const contracted = ['contracted', 'active', 'rectification'].includes(status);
  const { id } = await db
    .insertInto('studios')
    .values({
      name: o.name ?? `测试工作室 ${status}`,
      unit_id: unitId,
      status,
      staffing_mode: 'single',
      origin: 'self',
      recommended_by_unit_id: null,
      applicant_account_id: applicantId,
      leader_volunteer_id: leaderId,
      description: '',
      venue_address: '社区党群服务中心',
      opening_hours: '每周六 9:00-11:00',
      contact_phone: null,
      lng: o.lng ?? 117.02,
      lat: o.lat ?? 25.09,
      term_start: contracted ? '2025-01-01' : null,
      term_end: o.termEnd !== undefined ? o.termEnd : contracted ? '2026-12-20' : null,
      plaque_number: null,
      status_reason: null,
      status_changed_at: BUILT_AT,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('studio_categories').values({ studio_id: id, category_id: categoryId }).execute();
  // The dashboard's snapshot of the studios reloads, as after any writer of studios.
  await bumpStudiosVersion(db, BUILT_AT);
  await db
    .insertInto('studio_service_items')
    .values({ studio_id: id, title: '书法培训', description: '', position: 1 })
    .execute();
  await db.insertInto('studio_members').values({ studio_id: id, volunteer_id: leaderId, role: 'leader' }).execute();
  if (contracted) {
    const signatories = JSON.stringify([
      { party: '甲方', name: '中共西城街道工作委员会' },
      { party: '乙方', name: leader.name },
    ]);
    await db
      .insertInto('studio_contracts')
      .values({
        studio_id: id,
        number: `T-HT-${id}`,
        term_start: '2025-01-01',
        term_end: '2026-12-20',
        signatories_json: signatories,
        unpaid_clause: '',
        renewal: 0,
        signed_by: applicantId,
        signed_at: BUILT_AT,
      })
      .execute();
  }
  if (status === 'active' || status === 'rectification') {
    await db
      .insertInto('plaques')
      .values({
        number: `T-${id}`,
        studio_id: id,
        awarded_on: '2025-01-10',
        awarded_by: applicantId,
        retired_on: null,
        retired_reason: null,
      })
      .execute();
    await db
      .updateTable('studios')
      .set({ plaque_number: `T-${id}` })
      .where('id', '=', id)
      .execute();
  }
  if (status === 'rectification') {
    await db
      .insertInto('studio_rectifications')
      .values({
        studio_id: id,
        kind: 'other',
        findings: '服务记录不全',
        deadline: o.rectificationDeadline ?? '2026-12-31',
        opened_by: applicantId,
        opened_at: BUILT_AT,
        closed_at: null,
        outcome: null,
      })
      .execute();
  }
  const commitmentId = o.commitment ? (await buildCommitment(db, { studioId: id, status: o.commitment })).id : null;
  return { id, commitmentId, unitId, applicantId, leaderId };
}

/** A built studio in a demo place (西兴社区 by default), applied for and led by the place's demo people. */
export async function createStudio(
  db: Db,
  o: StudioOptions & { status: StudioStatus; place?: Place },
): Promise<BuiltStudio> {
  const { place, ...options } = o;
  const p = await demoPlace(db, place ?? 'xixing');
  return buildStudio(db, { unitId: p.community, applicantId: p.applicantId, leaderId: p.leaderId, ...options });
}

/** A complete, valid application body for a studio in a demo place, led by that place's demo leader. */
export async function applicationFor(db: Db, place: Place = 'xixing', name = '婉珍书法工作室') {
  const p = await demoPlace(db, place);
  return {
    name,
    unitId: p.community,
    categoryIds: [await categoryIdOf(db, 'culture')],
    serviceItems: [{ title: '书法培训', description: '面向社区青少年和老年人' }],
    description: '免费书法培训',
    venueAddress: '西兴社区党群服务中心二楼',
    openingHours: '每周六 9:00-11:00',
    staffingMode: 'single' as const,
    leaderVolunteerId: p.leaderId,
    memberVolunteerIds: [],
    qualifications: [{ holder: p.leaderName, title: '福建省书法家协会会员', issuer: '福建省书法家协会' }],
  };
}
