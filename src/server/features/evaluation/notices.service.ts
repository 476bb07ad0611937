import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DomainError } from '../../../domain/errors.ts';
import {
  composeNotice,
  noticeNumber,
  type CommendationNoticeContent,
  type NoticeStudio,
} from '../../../domain/evaluation/notice.ts';
import { firstDayOf, lastDayOf, quarterInstants, type Quarter } from '../../../domain/inspections/quarters.ts';
import type { CommendationNotice, issueNoticeRequest } from '../../../contract/evaluation.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize, resolveScope } from '../../scope.ts';
import { chinaDate } from '../../time.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import * as repo from './notices.repository.ts';
import { yearFigures } from './year-end.repository.ts';
import { presentNotice } from './evaluation.presenter.ts';
import { serialize } from '../../counters.repository.ts';

/** How many of a studio's services (by what they were) a notice names. */
const HIGHLIGHTS = 3;

/** What each commended studio did in the quarter, from its record book, ratings and letters. */
async function studiosOfNotice(
  deps: Deps,
  quarter: Quarter,
  rows: Awaited<ReturnType<typeof repo.commendationsToNotify>>,
): Promise<NoticeStudio[]> {
  const ids = rows.map((r) => r.studio_id);
  const { start, end } = quarterInstants(quarter);
  const [byContent, figures, praise] = await Promise.all([
    repo.servicesByContent(deps.db, ids, start, end),
    yearFigures(deps.db, ids, start, end),
    repo.praiseCounts(deps.db, ids, firstDayOf(quarter), lastDayOf(quarter)),
  ]);
  return rows.map((r) => {
    const own = byContent.filter((c) => c.studio_id === r.studio_id);
    const rating = figures.ratings.find((x) => x.studio_id === r.studio_id);
    const ratings = Number(rating?.n ?? 0);
    return {
      studioId: r.studio_id,
      name: r.studio_name,
      unitName: r.unit_name,
      total: r.total,
      districtRank: r.district_rank,
      services: own.reduce((s, c) => s + Number(c.n), 0),
      personTimes: own.reduce((s, c) => s + Number(c.person_times ?? 0), 0),
      ratings,
      ratingMean: ratings === 0 ? null : Math.round((Number(rating?.total ?? 0) / ratings) * 100) / 100,
      praise: Number(praise.find((p) => p.studio_id === r.studio_id)?.n ?? 0),
      highlights: own
        .sort((a, b) => Number(b.person_times ?? 0) - Number(a.person_times ?? 0) || a.content.localeCompare(b.content))
        .slice(0, HIGHLIGHTS)
        .map((c) => c.content),
    };
  });
}

/**
 * The district issues the commendation notice of a quarter: every confirmed commendation in its
 * subtree that no notice names yet, with what each studio did, under the next document number of
 * the year. The notice and the marks on the proposals are written with the audit entry.
 */
export async function issueNotice(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof issueNoticeRequest>,
): Promise<CommendationNotice> {
  authorize(actor, 'publish', 'commendationProposal', { unitPath: actor.unitPath });
  const quarter = input.quarter as Quarter;
  const unit = await findUnit(deps.db, actor.unitId);
  if (!unit) throw new DomainError('NOT_FOUND');
  const issuedOn = input.issuedOn ?? chinaDate(new Date(ctx.at));
  const issuer = input.issuer ?? `中共${unit.name}委员会组织部`;
  const id = await deps.db.transaction().execute(async (trx) => {
    // One issuer at a time per unit: on PostgreSQL two requests would otherwise both collect the
    // same commendations and both take "count + 1" as their number.
    await serialize(trx, `commendation_notices:${unit.id}`);
    const rows = await repo.commendationsToNotify(trx, actor.unitPath, quarter);
    if (rows.length === 0) throw new DomainError('NOTHING_TO_NOTIFY', { quarter });
    const year = Number(issuedOn.slice(0, 4));
    const number = noticeNumber(unit.short_name, year, (await repo.countNotices(trx, unit.id, year)) + 1);
    const content = composeNotice({
      number,
      issuedOn,
      issuer,
      quarter,
      scored: await repo.scoredInRun(trx, rows[0]?.run_id ?? 0),
      studios: await studiosOfNotice({ ...deps, db: trx }, quarter, rows),
    });
    const noticeId = await repo.insertNotice(
      trx,
      {
        unit_id: unit.id,
        quarter,
        number,
        issued_on: issuedOn,
        issuer,
        content_json: JSON.stringify(content),
        created_by: actor.accountId,
        created_at: ctx.at,
      },
      rows.map((r) => r.id),
    );
    await recordAudit(trx, ctx, {
      entity: 'commendationNotice',
      entityId: noticeId,
      action: 'publish',
      unitId: unit.id,
      after: { quarter, number, studios: rows.map((r) => r.studio_id) },
    });
    return noticeId;
  });
  return getNotice(deps, actor, id);
}

/** The notice row if the actor may read it: issued by their unit, one below it, or one above it. */
export async function loadNotice(deps: Deps, actor: Actor, id: number): Promise<repo.NoticeRow> {
  const row = await repo.findNotice(deps.db, id);
  if (!row) throw new DomainError('NOT_FOUND');
  // A notice is published to the units below its issuer: a reader below it may read it too.
  const below = actor.unitPath.startsWith(row.unit_path);
  authorize(actor, 'read', 'commendationProposal', { unitPath: below ? actor.unitPath : row.unit_path });
  return row;
}

/** One notice. */
export async function getNotice(deps: Deps, actor: Actor, id: number): Promise<CommendationNotice> {
  return presentNotice(await loadNotice(deps, actor, id));
}

/** The content of a notice to render as a document. */
export async function noticeContent(deps: Deps, actor: Actor, id: number): Promise<CommendationNoticeContent> {
  return JSON.parse((await loadNotice(deps, actor, id)).content_json) as CommendationNoticeContent;
}

/** The notices issued in scope or above it, newest first. */
export async function listNotices(deps: Deps, actor: Actor): Promise<CommendationNotice[]> {
  const scope = await resolveScope(deps.db, actor, 'read', 'commendationProposal');
  return (await repo.listNotices(deps.db, scope.path)).map(presentNotice);
}
