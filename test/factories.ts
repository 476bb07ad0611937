import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { StudioStatus } from '../src/domain/studios/lifecycle.ts';

/** Where a test studio sits: 西兴社区 (inside every demo actor's scope) or 青草盂社区 of 中城街道 (outside all but the district admin's). */
export type Place = 'xixing' | 'zhongcheng';

const places: Record<Place, { unitCode: string; applicant: string; leader: string }> = {
  xixing: { unitCode: '350802003004', applicant: 'zhangwanzhen', leader: '张婉珍' },
  zhongcheng: { unitCode: '350802004001', applicant: 'zhongcheng', leader: '蒋来发' },
};

export interface StudioOptions {
  status: StudioStatus;
  place?: Place;
  termEnd?: string | null;
  commitment?: 'draft' | 'published';
  name?: string;
  /** Category code; culture by default. */
  category?: string;
  /** Where it sits (GCJ-02); near 西兴社区 by default. */
  lng?: number;
  lat?: number;
}

/**
 * Puts a studio straight into a state, with a complete application (one category, one
 * item, the place's demo leader), an open rectification when in rectification, and a
 * commitment when asked. For tests that start mid-lifecycle.
 */
export async function createStudio(
  db: Kysely<Database>,
  o: StudioOptions,
): Promise<{ id: number; commitmentId: number | null }> {
  const place = places[o.place ?? 'xixing'];
  const at = '2026-11-25T08:00:00.000Z';
  const unit = await db
    .selectFrom('org_units')
    .select('id')
    .where('code', '=', place.unitCode)
    .executeTakeFirstOrThrow();
  const applicant = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', place.applicant)
    .executeTakeFirstOrThrow();
  const leader = await db
    .selectFrom('volunteers')
    .select('id')
    .where('name', '=', place.leader)
    .executeTakeFirstOrThrow();
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('code', '=', o.category ?? 'culture')
    .executeTakeFirstOrThrow();
  const contracted = ['contracted', 'active', 'rectification'].includes(o.status);
  const { id } = await db
    .insertInto('studios')
    .values({
      name: o.name ?? `测试工作室 ${o.status}`,
      unit_id: unit.id,
      status: o.status,
      staffing_mode: 'single',
      origin: 'self',
      recommended_by_unit_id: null,
      applicant_account_id: applicant.id,
      leader_volunteer_id: leader.id,
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
      status_changed_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('studio_categories').values({ studio_id: id, category_id: category.id }).execute();
  await db
    .insertInto('studio_service_items')
    .values({ studio_id: id, title: '书法培训', description: '', position: 1 })
    .execute();
  await db.insertInto('studio_members').values({ studio_id: id, volunteer_id: leader.id, role: 'leader' }).execute();
  if (contracted) {
    const signatories = JSON.stringify([
      { party: '甲方', name: '中共西城街道工作委员会' },
      { party: '乙方', name: place.leader },
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
        signed_by: applicant.id,
        signed_at: at,
      })
      .execute();
  }
  if (o.status === 'active' || o.status === 'rectification') {
    await db
      .insertInto('plaques')
      .values({
        number: `T-${id}`,
        studio_id: id,
        awarded_on: '2025-01-10',
        awarded_by: applicant.id,
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
  if (o.status === 'rectification') {
    await db
      .insertInto('studio_rectifications')
      .values({
        studio_id: id,
        kind: 'other',
        findings: '服务记录不全',
        deadline: '2026-12-31',
        opened_by: applicant.id,
        opened_at: at,
        closed_at: null,
        outcome: null,
      })
      .execute();
  }
  let commitmentId: number | null = null;
  if (o.commitment) {
    const row = await db
      .insertInto('commitments')
      .values({
        studio_id: id,
        kind: 'hours',
        text: '每周六上午开放',
        target: null,
        position: 1,
        status: o.commitment,
        published_at: o.commitment === 'published' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    commitmentId = row.id;
  }
  return { id, commitmentId };
}

/** A complete, valid application body for a studio in a place, led by that place's demo leader. */
export async function applicationFor(db: Kysely<Database>, place: Place = 'xixing', name = '婉珍书法工作室') {
  const p = places[place];
  const unit = await db.selectFrom('org_units').select('id').where('code', '=', p.unitCode).executeTakeFirstOrThrow();
  const leader = await db.selectFrom('volunteers').select('id').where('name', '=', p.leader).executeTakeFirstOrThrow();
  const category = await db
    .selectFrom('categories')
    .select('id')
    .where('code', '=', 'culture')
    .executeTakeFirstOrThrow();
  return {
    name,
    unitId: unit.id,
    categoryIds: [category.id],
    serviceItems: [{ title: '书法培训', description: '面向社区青少年和老年人' }],
    description: '免费书法培训',
    venueAddress: '西兴社区党群服务中心二楼',
    openingHours: '每周六 9:00-11:00',
    staffingMode: 'single' as const,
    leaderVolunteerId: leader.id,
    memberVolunteerIds: [],
    qualifications: [{ holder: p.leader, title: '福建省书法家协会会员', issuer: '福建省书法家协会' }],
  };
}
