import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { planInspections } from '../../domain/inspections/plan.ts';
import { firstDayOf, lastDayOf, previousQuarter, quarterOfDay } from '../../domain/inspections/quarters.ts';
import { termEndFrom } from '../../domain/inspections/supervisors.ts';

/** The demo supervisor `jiandu` on 西城街道's roster: a resident of 西安社区, appointed last quarter. */
const demoSupervisor = {
  username: 'jiandu',
  name: '林秀琴',
  phone: '13905970301',
  streetCode: '350802003000',
  communityCode: '350802003001',
  cardNumber: 'JD-XC-001',
};

/**
 * Puts `jiandu` on the roster and plans the current quarter of 西城街道 the way the
 * quarterly job does (every serving studio, shared among the serving supervisors), so the
 * supervisor's and the street's screens have this quarter's plan from the start.
 */
export async function loadDemoInspections(db: Kysely<Database>, at: string): Promise<void> {
  // The calendar day in China (UTC+8), where quarters begin.
  const today = new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
  const quarter = quarterOfDay(today);
  const unit = async (code: string) =>
    (await db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const street = await unit(demoSupervisor.streetCode);
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('username', '=', demoSupervisor.username)
    .executeTakeFirstOrThrow();
  const appointedOn = firstDayOf(previousQuarter(quarter));
  const supervisor = await db
    .insertInto('supervisors')
    .values({
      street_id: street,
      account_id: account.id,
      name: demoSupervisor.name,
      phone: demoSupervisor.phone,
      community_id: await unit(demoSupervisor.communityCode),
      card_number: demoSupervisor.cardNumber,
      appointed_on: appointedOn,
      term_start: appointedOn,
      term_end: termEndFrom(appointedOn),
      status: 'active',
      status_reason: null,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'community_id'])
    .executeTakeFirstOrThrow();
  const studios = await db
    .selectFrom('studios')
    .innerJoin('org_units as u', 'u.id', 'studios.unit_id')
    .select(['studios.id', 'studios.unit_id'])
    .where('u.parent_id', '=', street)
    .where('studios.status', 'in', ['active', 'rectification'])
    .execute();
  const plan = planInspections(
    studios.map((s) => ({ id: s.id, communityId: s.unit_id })),
    [{ id: supervisor.id, communityId: supervisor.community_id, load: 0 }],
  );
  for (const a of plan.assignments) {
    const row = await db
      .insertInto('inspections')
      .values({
        quarter,
        round: 1,
        studio_id: a.studioId,
        unit_id: studios.find((s) => s.id === a.studioId)?.unit_id ?? street,
        street_id: street,
        supervisor_id: a.supervisorId,
        status: 'planned',
        due_on: lastDayOf(quarter),
        checklist_version: null,
        ratings_json: null,
        total: null,
        visited_at: null,
        lng: null,
        lat: null,
        idempotency_key: null,
        submitted_by: null,
        submitted_at: null,
        corrected_at: null,
        cancel_reason: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('inspection_events')
      .values({
        inspection_id: row.id,
        action: 'plan',
        from_status: null,
        to_status: 'planned',
        actor_id: null,
        actor_name: 'system',
        note: quarter,
        before_json: null,
        after_json: null,
        at,
      })
      .execute();
  }
  await db
    .insertInto('inspection_plans')
    .values({ street_id: street, quarter, generated_at: at, generated_by: null })
    .execute();
}
