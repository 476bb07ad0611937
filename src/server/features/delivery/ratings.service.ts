import { DomainError } from '../../../domain/errors.ts';
import { checkRating } from '../../../domain/delivery/delivery.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { consume, consumeTrackingLookup } from '../../rate-limit.repository.ts';
import * as repo from './ratings.repository.ts';

/** The service a code names: a completed request (tracking code) or a record (the rating code on the member's card or receipt). */
async function serviceOf(deps: Deps, code: string) {
  const c = code.trim().toUpperCase();
  const request = await repo.findRequestToRate(deps.db, c);
  if (request) {
    if (request.status !== 'completed')
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'rate', status: request.status });
    return {
      studioId: request.studio_id ?? 0,
      studioName: request.name,
      requestId: request.id,
      recordId: null,
      servedAt: request.completed_at ?? '',
      unitId: request.unit_id,
    };
  }
  const record = await repo.findRecordToRate(deps.db, c);
  if (!record) throw new DomainError('NOT_FOUND');
  // A record written for a request is the same service as the request: one rating between them.
  return {
    studioId: record.studio_id,
    studioName: record.name,
    requestId: record.request_id,
    recordId: record.request_id ? null : record.id,
    servedAt: record.served_at,
    unitId: record.unit_id,
  };
}

/** What a rating form shows: the studio and the day, and the rating if given already. */
export async function ratingForm(deps: Deps, code: string, ip: string) {
  await consumeTrackingLookup(deps.db, ip, deps.clock.now());
  const s = await serviceOf(deps, code);
  return {
    studioId: s.studioId,
    studioName: s.studioName,
    servedAt: s.servedAt,
    rating: (await repo.findRating(deps.db, s)) ?? null,
  };
}

/** Rates a service 1–5 with a comment, once: a second rating of the same service is refused. */
export async function rateService(
  deps: Deps,
  ctx: AuditContext,
  code: string,
  input: { score: number; comment: string },
) {
  await consume(deps.db, `rating:ip:${ctx.ip}`, 30, 3_600_000, new Date(ctx.at));
  checkRating(input.score, input.comment);
  const s = await serviceOf(deps, code);
  if (await repo.findRating(deps.db, s)) throw new DomainError('CONFLICT');
  try {
    await deps.db.transaction().execute(async (trx) => {
      const id = await repo.insertRating(trx, {
        studio_id: s.studioId,
        request_id: s.requestId,
        record_id: s.recordId,
        score: input.score,
        comment: input.comment,
        created_at: ctx.at,
      });
      await recordAudit(trx, ctx, {
        entity: 'rating',
        entityId: id,
        action: 'create',
        unitId: s.unitId,
        after: { studioId: s.studioId, score: input.score },
      });
    });
  } catch (err) {
    // The unique index is the real guard against two ratings sent at once.
    if (await repo.findRating(deps.db, s)) throw new DomainError('CONFLICT');
    throw err;
  }
  return { studioId: s.studioId, studioName: s.studioName, servedAt: s.servedAt, rating: input };
}
