import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { buildVolunteer } from './registry.ts';
import { buildStudio, type StudioParents } from './studios.ts';

const AT = '2026-11-25T08:00:00.000Z';

/** A score of 2026-Q3 (a run of its own) for a fresh active studio, written straight to the tables. */
export async function buildScore(
  db: Kysely<Database>,
  parents: StudioParents = {},
  o: { total?: number } = {},
): Promise<{ studioId: number; scoreId: number; unitId: number; streetId: number }> {
  const studio = await buildStudio(db, parents);
  const unit = await db
    .selectFrom('org_units')
    .select('parent_id')
    .where('id', '=', studio.unitId)
    .executeTakeFirstOrThrow();
  const streetId = unit.parent_id ?? studio.unitId;
  const total = o.total ?? 40;
  const run = await db
    .insertInto('evaluation_runs')
    .values({
      quarter: '2026-Q3',
      scheme_version: 1,
      status: 'published',
      trigger: 'manual',
      run_by: null,
      scored: 1,
      changed: 1,
      at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const breakdown = { items: [], vetoes: [], added: total, deducted: 0, total, vetoed: false, formula: String(total) };
  const score = await db
    .insertInto('evaluation_scores')
    .values({
      run_id: run.id,
      quarter: '2026-Q3',
      scheme_version: 1,
      studio_id: studio.id,
      unit_id: studio.unitId,
      street_id: streetId,
      total,
      added: total,
      deducted: 0,
      per_member: 0,
      vetoed: 0,
      district_rank: 1,
      street_rank: 1,
      breakdown_json: JSON.stringify(breakdown),
      changes_json: null,
      is_current: 1,
      created_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { studioId: studio.id, scoreId: score.id, unitId: studio.unitId, streetId };
}

/** A pending proposal of a kind for a fresh scored studio. */
export async function buildEvaluationProposal(
  db: Kysely<Database>,
  kind: 'commendation' | 'review',
  parents: StudioParents = {},
): Promise<{ id: number; studioId: number }> {
  const s = await buildScore(db, parents);
  const { id } = await db
    .insertInto('evaluation_proposals')
    .values({
      kind,
      quarter: '2026-Q3',
      studio_id: s.studioId,
      unit_id: s.unitId,
      street_id: s.streetId,
      score_id: s.scoreId,
      reasons_json: JSON.stringify({ reasons: [kind === 'review' ? 'bottom' : 'top'], complaintLetters: [] }),
      status: 'proposed',
      outcome: null,
      reason: null,
      deadline: null,
      decided_by: null,
      decided_at: null,
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, studioId: s.studioId };
}

/** A confirmed commendation of 2026-Q3 that no notice names yet, for a fresh scored studio. */
export async function buildConfirmedCommendation(
  db: Kysely<Database>,
  parents: StudioParents = {},
): Promise<{ id: number; studioId: number }> {
  const p = await buildEvaluationProposal(db, 'commendation', parents);
  await db
    .updateTable('evaluation_proposals')
    .set({ status: 'confirmed', decided_at: AT })
    .where('id', '=', p.id)
    .execute();
  return p;
}

/** A commendation notice issued by a unit (naming no studio), written straight to the table. */
export async function buildNotice(db: Kysely<Database>, unitId: number): Promise<{ id: number }> {
  const number = `测试量评〔2026〕${Math.floor(Math.random() * 1e9)}号`;
  const content = {
    number,
    issuedOn: '2026-11-20',
    issuer: '中共测试区委员会组织部',
    quarter: '2026-Q3',
    title: '关于对2026年第三季度服务开展较好的共产党员专业服务工作室予以通报表扬的通报',
    opening: '经考评和审定，决定予以通报表扬。',
    studios: [],
    closing: '希望再接再厉。',
  };
  return db
    .insertInto('commendation_notices')
    .values({
      unit_id: unitId,
      quarter: '2026-Q3',
      number,
      issued_on: '2026-11-20',
      issuer: content.issuer,
      content_json: JSON.stringify(content),
      created_by: null,
      created_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** A party member serving in a fresh studio (so on the year-end sheet of its subtree). */
export async function buildServingPartyMember(
  db: Kysely<Database>,
  parents: StudioParents = {},
  o: { asLeader?: boolean } = {},
): Promise<{ volunteerId: number; studioId: number }> {
  const studio = await buildStudio(db, parents);
  // The leader, when asked for: the registry person linked to the owner's account.
  if (o.asLeader && parents.leaderId !== undefined) return { volunteerId: parents.leaderId, studioId: studio.id };
  const v = await buildVolunteer(db, { unitId: studio.unitId, kind: 'party_member' });
  await db.insertInto('studio_members').values({ studio_id: studio.id, volunteer_id: v.id, role: 'member' }).execute();
  return { volunteerId: v.id, studioId: studio.id };
}
