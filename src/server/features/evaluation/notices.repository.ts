import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { CommendationNoticeTable } from '../../../db/schema-evaluation.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';

// The queries of the commendation notices (通报表扬): the confirmed commendations a notice names,
// what those studios did, the notices themselves, and the commendations a public page shows.

/** Confirmed commendations of a quarter in a subtree that no notice names yet, best placed first. */
export async function commendationsToNotify(db: Kysely<Database>, path: string, quarter: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('evaluation_proposals')
    .innerJoin('studios', 'studios.id', 'evaluation_proposals.studio_id')
    .innerJoin('org_units as unit', 'unit.id', 'evaluation_proposals.unit_id')
    .innerJoin('evaluation_scores', 'evaluation_scores.id', 'evaluation_proposals.score_id')
    .select([
      'evaluation_proposals.id',
      'evaluation_proposals.studio_id',
      'studios.name as studio_name',
      'unit.name as unit_name',
      'evaluation_scores.total',
      'evaluation_scores.district_rank',
      'evaluation_scores.breakdown_json',
      'evaluation_scores.run_id',
    ])
    .where('unit.path', '>=', from)
    .where('unit.path', '<', to)
    .where('evaluation_proposals.kind', '=', 'commendation')
    .where('evaluation_proposals.quarter', '=', quarter)
    .where('evaluation_proposals.status', '=', 'confirmed')
    .where('evaluation_proposals.notice_id', 'is', null)
    .orderBy('evaluation_scores.district_rank')
    .execute();
}

/** How many studios a run scored. */
export async function scoredInRun(db: Kysely<Database>, runId: number): Promise<number> {
  const r = await db.selectFrom('evaluation_runs').select('scored').where('id', '=', runId).executeTakeFirst();
  return r?.scored ?? 0;
}

/** Per studio, in [start, end): the services it gave by what they were (content), with counts and person-times. */
export async function servicesByContent(db: Kysely<Database>, studioIds: number[], start: string, end: string) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('service_records')
    .select([
      'studio_id',
      'content',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('person_times').as('person_times'),
    ])
    .where('studio_id', 'in', studioIds)
    .where('served_at', '>=', start)
    .where('served_at', '<', end)
    .groupBy(['studio_id', 'content'])
    .execute();
}

/** The number of notices a unit issued in a year (for the next document number). */
export async function countNotices(db: Kysely<Database>, unitId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom('commendation_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('issued_on', '>=', `${year}-01-01`)
    .where('issued_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Writes a notice and marks the proposals it names; answers its id. */
export async function insertNotice(
  db: Kysely<Database>,
  notice: Insertable<CommendationNoticeTable>,
  proposalIds: number[],
): Promise<number> {
  const { id } = await db.insertInto('commendation_notices').values(notice).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('evaluation_proposals').set({ notice_id: id }).where('id', 'in', proposalIds).execute();
  return id;
}

/** The paths of a unit and of every unit above it: /a/b/ → /a/, /a/b/. */
function ancestorsOf(path: string): string[] {
  const codes = path.split('/').filter(Boolean);
  return codes.map((_, i) => `/${codes.slice(0, i + 1).join('/')}/`);
}

const noticeColumns = [
  'commendation_notices.id',
  'commendation_notices.unit_id',
  'commendation_notices.quarter',
  'commendation_notices.number',
  'commendation_notices.issued_on',
  'commendation_notices.issuer',
  'commendation_notices.content_json',
  'commendation_notices.created_at',
  'unit.path as unit_path',
] as const;

/** One notice, with its unit's path (for scope). */
export async function findNotice(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('commendation_notices')
    .innerJoin('org_units as unit', 'unit.id', 'commendation_notices.unit_id')
    .select(noticeColumns)
    .where('commendation_notices.id', '=', id)
    .executeTakeFirst();
}
export type NoticeRow = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

/** The notices issued by the units of a subtree or above it (a street reads the district's), newest first. */
export async function listNotices(db: Kysely<Database>, path: string) {
  const { from, to } = subtreeRange(path);
  return db
    .selectFrom('commendation_notices')
    .innerJoin('org_units as unit', 'unit.id', 'commendation_notices.unit_id')
    .select(noticeColumns)
    .where((eb) =>
      eb.or([
        eb.and([eb('unit.path', '>=', from), eb('unit.path', '<', to)]),
        // An issuing unit above the reader: one of the prefixes of the reader's path.
        eb('unit.path', 'in', ancestorsOf(path)),
      ]),
    )
    .orderBy('commendation_notices.issued_on', 'desc')
    .orderBy('commendation_notices.id', 'desc')
    .limit(200)
    .execute();
}

/** A studio's confirmed commendations with the notice that named each (if issued), newest first: for its public page. */
export async function commendationsOfStudio(db: Kysely<Database>, studioId: number) {
  return db
    .selectFrom('evaluation_proposals')
    .leftJoin('commendation_notices', 'commendation_notices.id', 'evaluation_proposals.notice_id')
    .select([
      'evaluation_proposals.quarter',
      'commendation_notices.number',
      'commendation_notices.issued_on',
      'commendation_notices.issuer',
    ])
    .where('evaluation_proposals.studio_id', '=', studioId)
    .where('evaluation_proposals.kind', '=', 'commendation')
    .where('evaluation_proposals.status', '=', 'confirmed')
    .orderBy('evaluation_proposals.quarter', 'desc')
    .execute();
}

/** Praise letters about some studios received between two China days (inclusive), per studio. */
export async function praiseCounts(db: Kysely<Database>, studioIds: number[], fromDay: string, toDay: string) {
  if (studioIds.length === 0) return [];
  return db
    .selectFrom('letters')
    .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('studio_id', 'in', studioIds)
    .where('type', '=', 'praise')
    .where('received_on', '>=', fromDay)
    .where('received_on', '<=', toDay)
    .groupBy('studio_id')
    .execute();
}
