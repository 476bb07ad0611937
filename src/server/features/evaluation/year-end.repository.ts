import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { isCurrentScore } from './current-score.repository.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

// The queries of the year-end sheet: the party members serving and their studios' year.

const inSubtree = (path: string) => subtreeRange(path);

/** Party members serving in the studios of a subtree, with each studio they serve in and their role in it. */
export async function partyMembersServing(db: Kysely<Database>, path: string, accountId?: number) {
  const { from, to } = inSubtree(path);
  let q = db
    .selectFrom('studio_members')
    .innerJoin('volunteers', 'volunteers.id', 'studio_members.volunteer_id')
    .innerJoin('studios', 'studios.id', 'studio_members.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'studios.unit_id')
    .select([
      'volunteers.id as volunteer_id',
      'volunteers.name',
      'volunteers.party_branch',
      'volunteers.probationary',
      'studio_members.studio_id',
      'studio_members.role',
      'studios.name as studio_name',
    ])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('volunteers.kind', '=', 'party_member');
  if (accountId !== undefined) q = q.where('volunteers.account_id', '=', accountId);
  return q.orderBy('volunteers.party_branch').orderBy('volunteers.name').execute();
}

/** Per studio, in [start, end): services, person-times; ratings and their sum. */
export async function yearFigures(db: Kysely<Database>, studioIds: number[], start: string, end: string) {
  if (studioIds.length === 0) return { records: [], ratings: [] };
  const [records, ratings] = await Promise.all([
    db
      .selectFrom('service_records')
      .select([
        'studio_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('person_times').as('person_times'),
      ])
      .where('studio_id', 'in', studioIds)
      .where('served_at', '>=', start)
      .where('served_at', '<', end)
      .groupBy('studio_id')
      .execute(),
    db
      .selectFrom('ratings')
      .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('score').as('total')])
      .where('studio_id', 'in', studioIds)
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .groupBy('studio_id')
      .execute(),
  ]);
  return { records, ratings };
}

/** Current scores of some studios in some quarters. */
export async function scoresOfStudios(db: Kysely<Database>, studioIds: number[], quarters: string[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('evaluation_scores')
    .select(['studio_id', 'quarter', 'total'])
    .where('studio_id', 'in', studioIds)
    .where('quarter', 'in', quarters)
    .where(isCurrentScore)
    .execute();
}

/** Confirmed commendations of some studios in some quarters. */
export async function commendationsOf(db: Kysely<Database>, studioIds: number[], quarters: string[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('evaluation_proposals')
    .select(['studio_id', 'quarter'])
    .where('studio_id', 'in', studioIds)
    .where('quarter', 'in', quarters)
    .where('kind', '=', 'commendation')
    .where('status', '=', 'confirmed')
    .execute();
}

/** Substantiated complaints about some studios received between two China days (inclusive). */
export async function substantiatedComplaints(db: Kysely<Database>, studioIds: number[], from: string, to: string) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('letters')
    .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('studio_id', 'in', studioIds)
    .where('type', '=', 'complaint')
    .where('finding', '=', 'substantiated')
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .groupBy('studio_id')
    .execute();
}

/** Submitted inspections of some studios in some quarters: their totals. */
export async function inspectionTotalsOf(db: Kysely<Database>, studioIds: number[], quarters: string[]) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('inspections')
    .select(['studio_id', 'total'])
    .where('studio_id', 'in', studioIds)
    .where('quarter', 'in', quarters)
    .where('status', 'in', ['submitted', 'corrected'])
    .where('total', 'is not', null)
    .execute();
}

/** The branch's decisions on the grades of a year, for some members. */
export async function gradesOf(db: Kysely<Database>, year: number, volunteerIds: number[]) {
  if (volunteerIds.length === 0) return [];
  return db
    .selectFrom('year_end_grades')
    .select(['volunteer_id', 'grade', 'reason', 'suggested', 'decided_at'])
    .where('year', '=', year)
    .where('volunteer_id', 'in', volunteerIds)
    .execute();
}

/** A party member with the path of their registry unit (for scope) and their branch. */
export async function findPartyMember(db: Kysely<Database>, volunteerId: number) {
  return db
    .selectFrom('volunteers')
    .innerJoin('org_units as unit', 'unit.id', 'volunteers.unit_id')
    .select([
      'volunteers.id',
      'volunteers.name',
      'volunteers.unit_id',
      'volunteers.party_branch',
      'volunteers.probationary',
      'unit.path as unit_path',
    ])
    .where('volunteers.id', '=', volunteerId)
    .where('volunteers.kind', '=', 'party_member')
    .executeTakeFirst();
}

/** Writes (or replaces) the branch's decision on a member's grade of a year. */
export async function saveGrade(
  db: Kysely<Database>,
  g: {
    year: number;
    volunteer_id: number;
    unit_id: number;
    suggested: string | null;
    grade: string;
    reason: string | null;
    decided_by: number;
    decided_at: string;
  },
): Promise<void> {
  await db
    .insertInto('year_end_grades')
    .values(g)
    .onConflict((oc) =>
      oc.columns(['year', 'volunteer_id']).doUpdateSet({
        suggested: g.suggested,
        grade: g.grade,
        reason: g.reason,
        decided_by: g.decided_by,
        decided_at: g.decided_at,
      }),
    )
    .execute();
}
