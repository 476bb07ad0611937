import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { serialize } from '../../counters.repository.ts';
import { bumpStudiosVersion } from '../statistics/studio-snapshot.repository.ts';

// The writes of the studio lifecycle: the status move and the records each transition leaves
// (reviews, agreements, plaques, rectifications). studio-transitions.service.ts decides which.

/** How many categories, service items and members an application holds (the submit guard needs them). */
export async function countApplicationParts(db: Kysely<Database>, studioId: number) {
  const count = async (table: 'studio_categories' | 'studio_service_items' | 'studio_members') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('studio_id', '=', studioId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    categories: await count('studio_categories'),
    serviceItems: await count('studio_service_items'),
    members: await count('studio_members'),
  };
}

/** Moves a studio to a new status only if it is still in `from`; answers whether it was (two admins cannot both move it). */
export async function moveStatus(
  db: Kysely<Database>,
  studioId: number,
  from: string,
  set: { status: string; status_reason: string | null; at: string },
): Promise<boolean> {
  const moved = await db
    .updateTable('studios')
    .set({ status: set.status, status_reason: set.status_reason, status_changed_at: set.at, updated_at: set.at })
    .where('id', '=', studioId)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) return false;
  await bumpStudiosVersion(db, set.at);
  return true;
}

/** Keeps a community or street review with its three findings and its decision. */
export async function insertReview(
  db: Kysely<Database>,
  r: {
    studioId: number;
    stage: string;
    politicalPass: boolean;
    politicalComment: string;
    specialtyPass: boolean;
    specialtyComment: string;
    itemsPass: boolean;
    itemsComment: string;
    decision: string;
    reason: string | null;
    reviewerId: number;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('studio_reviews')
    .values({
      studio_id: r.studioId,
      stage: r.stage,
      political_pass: r.politicalPass ? 1 : 0,
      political_comment: r.politicalComment,
      specialty_pass: r.specialtyPass ? 1 : 0,
      specialty_comment: r.specialtyComment,
      items_pass: r.itemsPass ? 1 : 0,
      items_comment: r.itemsComment,
      decision: r.decision,
      reason: r.reason,
      reviewer_id: r.reviewerId,
      at: r.at,
    })
    .execute();
}

/** Keeps a signed agreement (or its renewal) and sets the studio's term from it. */
export async function insertContract(
  db: Kysely<Database>,
  c: {
    studioId: number;
    number: string;
    termStart: string;
    termEnd: string;
    signatories: unknown;
    unpaidClause: string;
    renewal: boolean;
    signedBy: number;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('studio_contracts')
    .values({
      studio_id: c.studioId,
      number: c.number,
      term_start: c.termStart,
      term_end: c.termEnd,
      signatories_json: JSON.stringify(c.signatories),
      unpaid_clause: c.unpaidClause,
      renewal: c.renewal ? 1 : 0,
      signed_by: c.signedBy,
      signed_at: c.at,
    })
    .execute();
  // A renewal extends the term; a first agreement starts it.
  const term = c.renewal ? { term_end: c.termEnd } : { term_start: c.termStart, term_end: c.termEnd };
  await db.updateTable('studios').set(term).where('id', '=', c.studioId).execute();
}

/** Gives a studio a plaque and shows its number on the studio. */
export async function insertPlaque(
  db: Kysely<Database>,
  p: { studioId: number; number: string; awardedOn: string; awardedBy: number },
): Promise<void> {
  await db
    .insertInto('plaques')
    .values({
      number: p.number,
      studio_id: p.studioId,
      awarded_on: p.awardedOn,
      awarded_by: p.awardedBy,
      retired_on: null,
      retired_reason: null,
    })
    .execute();
  await db.updateTable('studios').set({ plaque_number: p.number }).where('id', '=', p.studioId).execute();
}

/** Retires a studio's current plaque; the row stays so its number is never given again. */
export async function retirePlaque(db: Kysely<Database>, studioId: number, on: string, reason: string): Promise<void> {
  await db
    .updateTable('plaques')
    .set({ retired_on: on, retired_reason: reason })
    .where('studio_id', '=', studioId)
    .where('retired_on', 'is', null)
    .execute();
}

/** Opens a rectification with its findings and deadline. */
export async function openRectification(
  db: Kysely<Database>,
  r: { studioId: number; kind: string; findings: string; deadline: string; openedBy: number; at: string },
): Promise<void> {
  await db
    .insertInto('studio_rectifications')
    .values({
      studio_id: r.studioId,
      kind: r.kind,
      findings: r.findings,
      deadline: r.deadline,
      opened_by: r.openedBy,
      opened_at: r.at,
      closed_at: null,
      outcome: null,
    })
    .execute();
}

/** Closes a studio's open rectification with its outcome. */
export async function closeRectification(
  db: Kysely<Database>,
  studioId: number,
  outcome: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('studio_rectifications')
    .set({ closed_at: at, outcome })
    .where('studio_id', '=', studioId)
    .where('closed_at', 'is', null)
    .execute();
}

/** Whether a plaque number was ever given, to any studio, retired or not. */
export async function plaqueNumberUsed(db: Kysely<Database>, number: string): Promise<boolean> {
  return (await db.selectFrom('plaques').select('id').where('number', '=', number).executeTakeFirst()) !== undefined;
}

/**
 * Takes the plaque numbers' lock for the caller's transaction, so two awards at once cannot
 * both find a number free (whether generated or typed in) and both write it.
 */
export async function lockPlaqueNumbers(trx: Kysely<Database>): Promise<void> {
  await serialize(trx, 'plaque_numbers');
}

/**
 * The next free plaque number of a year: 新罗-<year>-<seq>, counting retired plaques so none
 * is reused. Call it after `lockPlaqueNumbers` in the same transaction.
 */
export async function nextPlaqueNumber(db: Kysely<Database>, year: string): Promise<string> {
  const prefix = `XL-${year}-`;
  const rows = await db.selectFrom('plaques').select('number').where('number', 'like', `${prefix}%`).execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(r.number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

/**
 * The next free contract number of a year: XLHT-<year>-<seq>. Takes the contract numbers'
 * lock for the caller's transaction first, so agreements signed at once get distinct numbers.
 */
export async function nextContractNumber(db: Kysely<Database>, year: string): Promise<string> {
  await serialize(db, 'contract_numbers');
  const prefix = `XLHT-${year}-`;
  const rows = await db.selectFrom('studio_contracts').select('number').where('number', 'like', `${prefix}%`).execute();
  const max = rows.reduce((m, r) => Math.max(m, Number(r.number.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}
