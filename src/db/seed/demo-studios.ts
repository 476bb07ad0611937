import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { demoPeople as people } from './demo-people.ts';
import { demoStudioSpecs as studios } from './demo-studio-specs.ts';
import type { StudioStatus } from '../../domain/studios/lifecycle.ts';
import { studioStatuses } from '../../domain/studios/lifecycle.ts';
import { unpaidClause } from '../../domain/studios/unpaid.ts';
import { searchKeysOf } from '../../domain/text/search-keys.ts';
import { insertSearchTerms } from '../../server/features/registry/volunteer-terms.repository.ts';

/** Demo residents subscribed to 西兴社区's announcements (fictitious numbers). */
const subscribers = [{ unitCode: '350802003004', phones: ['13800000001', '13800000002', '13800000003'] }];

const reached = (status: StudioStatus, step: StudioStatus) => {
  const order: StudioStatus[] = ['draft', 'submitted', 'community_reviewed', 'approved', 'contracted', 'active'];
  if (status === 'rejected') return false;
  if (['rectification', 'revoked', 'closed'].includes(status)) return true;
  return order.indexOf(status) >= order.indexOf(step);
};

/** Loads the demo registry, studios in every state with their history, and SMS subscribers. */
export async function loadDemoStudios(db: Kysely<Database>, at: string): Promise<void> {
  const unit = async (code: string) =>
    db
      .selectFrom('org_units')
      .select(['id', 'lng', 'lat', 'parent_id'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
  const account = async (username: string) =>
    await db
      .selectFrom('accounts')
      .select(['id', 'display_name'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const categoryId = async (code: string) =>
    (await db.selectFrom('categories').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  const personIds = new Map<string, number>();
  for (const p of people) {
    const keys = searchKeysOf(p.name);
    const unitId = (await unit(p.unitCode)).id;
    const row = await db
      .insertInto('volunteers')
      .values({
        kind: 'party_member',
        name: p.name,
        gender: p.gender,
        birth_year: p.birthYear,
        phone: p.phone,
        unit_id: unitId,
        account_id: p.account ? (await account(p.account)).id : null,
        party_branch: null,
        profession: p.profession,
        pinyin: keys.pinyin,
        initials: keys.initials,
        screening_status: 'selected',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertSearchTerms(db, [{ id: row.id, unit_id: unitId, name: p.name, profession: p.profession, ...keys }]);
    personIds.set(p.key, row.id);
  }

  const street = await account('xicheng');
  for (const [n, s] of studios.entries()) {
    const u = await unit(s.unitCode);
    const parent = u.parent_id
      ? await db.selectFrom('org_units').select(['lng', 'lat', 'name']).where('id', '=', u.parent_id).executeTakeFirst()
      : undefined;
    const applicant = await account(s.applicant);
    const day = `2011-0${1 + (n % 3)}-${String(10 + n).padStart(2, '0')}`;
    const hasTerm = reached(s.status, 'contracted');
    const studio = await db
      .insertInto('studios')
      .values({
        name: s.name,
        unit_id: u.id,
        status: s.status,
        staffing_mode: s.members?.length ? 'team' : 'single',
        origin: s.applicant === 'zhangwanzhen' ? 'self' : 'recommended',
        recommended_by_unit_id:
          s.applicant === 'zhangwanzhen'
            ? null
            : (
                await db
                  .selectFrom('accounts')
                  .select('unit_id')
                  .where('id', '=', applicant.id)
                  .executeTakeFirstOrThrow()
              ).unit_id,
        applicant_account_id: applicant.id,
        leader_volunteer_id: personIds.get(s.leader) ?? null,
        description: s.description,
        venue_address: `${parent?.name ?? ''}${s.unitCode === '350802004001' ? '蒋来发家中' : '党群服务中心'}`,
        opening_hours: s.hours,
        contact_phone: `0597-22${String(30000 + n * 37).slice(0, 5)}`,
        // Studios without a point of their own sit near their community's or street's point (GCJ-02).
        lng: (u.lng ?? parent?.lng ?? 117.03) + ((n % 5) - 2) * 0.0007,
        lat: (u.lat ?? parent?.lat ?? 25.09) + ((n % 3) - 1) * 0.0006,
        term_start: hasTerm ? '2025-01-01' : null,
        term_end: hasTerm ? (s.status === 'contracted' ? '2026-12-15' : '2027-12-31') : null,
        plaque_number: s.plaque ?? null,
        status_reason: s.reason ?? null,
        status_changed_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = studio.id;
    await db
      .insertInto('studio_categories')
      .values({ studio_id: id, category_id: await categoryId(s.category) })
      .execute();
    await db
      .insertInto('studio_service_items')
      .values(s.items.map((title, i) => ({ studio_id: id, title, description: '', position: i + 1 })))
      .execute();
    await db
      .insertInto('studio_members')
      .values([
        { studio_id: id, volunteer_id: personIds.get(s.leader) ?? 0, role: 'leader' },
        ...(s.members ?? []).map((m) => ({ studio_id: id, volunteer_id: personIds.get(m) ?? 0, role: 'member' })),
      ])
      .execute();
    const history: Array<[string, string | null, string, string | null]> = [['create', null, 'draft', null]];
    if (reached(s.status, 'submitted') || s.status === 'rejected') history.push(['submit', 'draft', 'submitted', null]);
    const review = (stage: string, decision: string, reason: string | null) => ({
      studio_id: id,
      stage,
      political_pass: 1,
      political_comment: '政治素质好',
      specialty_pass: 1,
      specialty_comment: '具备相应专业特长',
      items_pass: decision === 'pass' ? 1 : 0,
      items_comment: decision === 'pass' ? '服务项目符合群众需求' : '服务项目需调整',
      decision,
      reason,
      reviewer_id: street.id,
      at,
    });
    if (reached(s.status, 'community_reviewed')) {
      await db
        .insertInto('studio_reviews')
        .values(review('community', 'pass', null))
        .execute();
      history.push(['communityReview', 'submitted', 'community_reviewed', null]);
    }
    if (s.status === 'rejected') {
      await db
        .insertInto('studio_reviews')
        .values(review('community', 'fail', s.reason ?? null))
        .execute();
      history.push(['communityReview', 'submitted', 'rejected', s.reason ?? null]);
    }
    if (reached(s.status, 'approved')) {
      await db
        .insertInto('studio_reviews')
        .values(review('street', 'pass', null))
        .execute();
      history.push(['streetReview', 'community_reviewed', 'approved', null]);
    }
    if (hasTerm) {
      const signatories = [
        { party: '甲方', name: `中共${parent?.name ?? ''}工作委员会` },
        { party: '乙方', name: people.find((p) => p.key === s.leader)?.name ?? '' },
      ];
      await db
        .insertInto('studio_contracts')
        .values({
          studio_id: id,
          number: `XLHT-2011-${String(n + 1).padStart(4, '0')}`,
          term_start: '2025-01-01',
          term_end: s.status === 'contracted' ? '2026-12-15' : '2027-12-31',
          signatories_json: JSON.stringify(signatories),
          unpaid_clause: unpaidClause,
          renewal: 0,
          signed_by: street.id,
          signed_at: at,
        })
        .execute();
      history.push(['sign', 'approved', 'contracted', null]);
    }
    if (s.plaque) {
      const retired = s.status === 'revoked' || s.status === 'closed';
      await db
        .insertInto('plaques')
        .values({
          number: s.plaque,
          studio_id: id,
          awarded_on: day,
          awarded_by: street.id,
          retired_on: retired ? '2026-06-30' : null,
          retired_reason: retired ? (s.reason ?? null) : null,
        })
        .execute();
      history.push(['award', 'contracted', 'active', s.plaque]);
    }
    if (s.status === 'rectification') {
      await db
        .insertInto('studio_rectifications')
        .values({
          studio_id: id,
          kind: 'drift_profit',
          findings: s.reason ?? '',
          deadline: '2026-11-20',
          opened_by: street.id,
          opened_at: at,
          closed_at: null,
          outcome: null,
        })
        .execute();
      history.push(['rectify', 'active', 'rectification', s.reason ?? null]);
    }
    if (s.status === 'revoked') history.push(['revoke', 'active', 'revoked', s.reason ?? null]);
    if (s.status === 'closed') history.push(['close', 'active', 'closed', s.reason ?? null]);
    await db
      .insertInto('studio_transitions')
      .values(
        history.map(([action, from, to, note]) => ({
          studio_id: id,
          action,
          from_status: from,
          to_status: to,
          actor_id: applicant.id,
          actor_name: 'demo',
          note,
          at,
        })),
      )
      .execute();
    if (s.commitments) {
      const kinds = ['hours', 'activities', 'response'];
      await db
        .insertInto('commitments')
        .values(
          s.commitments.map((text, i) => ({
            studio_id: id,
            kind: /小时|答复|到场/.test(text) ? 'response' : (kinds[i % 2] ?? 'other'),
            text,
            target: null,
            position: i + 1,
            status: 'published',
            published_at: at,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  }

  for (const s of subscribers) {
    const u = await unit(s.unitCode);
    await db
      .insertInto('sms_subscriptions')
      .values(
        s.phones.map((phone) => ({
          unit_id: u.id,
          phone,
          consent_version: '2026-11',
          subscribed_at: at,
          unsubscribed_at: null,
        })),
      )
      .execute();
  }
}

/** The statuses the demo covers: all of them. */
export const demoStatuses = new Set(studios.map((s) => s.status));
export const everyStatusCovered = studioStatuses.every((s) => demoStatuses.has(s));
