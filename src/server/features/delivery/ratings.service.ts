import { DomainError } from '../../../domain/errors.ts';
import { checkRating, isReceiptExpired, isSameRating, receiptExpiresAt } from '../../../domain/delivery/delivery.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { consume, consumeTrackingLookup } from '../../rate-limit.repository.ts';
import { rollRating } from '../statistics/count-rollups.commands.ts';
import { receiptDays } from './record-settings.service.ts';
import * as repo from './ratings.repository.ts';

/**
 * The service a code names: a completed request (tracking code) or a record (the rating code
 * on the member's receipt). A walk-in's receipt expires after the configured days; a record
 * written for a request is the request's service and is rated as the request.
 */
async function serviceOf(deps: Deps, code: string) {
  const c = code.trim().toUpperCase();
  const request = await repo.findRequestToRate(deps.db, c);
  if (request) {
    if (request.status !== 'completed')
      throw new DomainError('TRANSITION_NOT_ALLOWED', { action: 'rate', status: request.status });
    return {
      kind: 'request' as const,
      studioId: request.studio_id ?? 0,
      studioName: request.name,
      requestId: request.id,
      recordId: null,
      servedAt: request.completed_at ?? '',
      categoryId: request.category_id,
      unitId: request.unit_id,
      expiresAt: null,
      expired: false,
      days: 0,
    };
  }
  const record = await repo.findRecordToRate(deps.db, c);
  if (!record) throw new DomainError('NOT_FOUND');
  const days = await receiptDays(deps.db);
  const walkIn = record.request_id === null;
  return {
    kind: walkIn ? ('receipt' as const) : ('request' as const),
    studioId: record.studio_id,
    studioName: record.name,
    requestId: record.request_id,
    recordId: walkIn ? record.id : null,
    servedAt: record.served_at,
    categoryId: record.category_id,
    unitId: record.unit_id,
    expiresAt: walkIn ? receiptExpiresAt(record.created_at, days) : null,
    expired: walkIn && isReceiptExpired(record.created_at, deps.clock.now(), days),
    days,
  };
}

type Service = Awaited<ReturnType<typeof serviceOf>>;

function present(s: Service, rating: { score: number; comment: string } | null) {
  return {
    studioId: s.studioId,
    studioName: s.studioName,
    servedAt: s.servedAt,
    kind: s.kind,
    categoryId: s.categoryId,
    expiresAt: s.expiresAt,
    expired: s.expired,
    rating: rating ? { score: rating.score, comment: rating.comment } : null,
  };
}

/** What a rating form shows: the studio, the day and the service, whether the receipt has expired, and the rating if given. */
export async function ratingForm(deps: Deps, code: string, ip: string) {
  await consumeTrackingLookup(deps.db, ip, deps.clock.now());
  const s = await serviceOf(deps, code);
  return present(s, (await repo.findRating(deps.db, s)) ?? null);
}

/**
 * Rates a service 1–5 with a comment, once. Sending the same rating again (a retry after a
 * lost answer) answers with it (`created: false`); a different second rating is refused
 * ALREADY_RATED. The unique index on the request or record decides between two sent at once.
 */
export async function rateService(
  deps: Deps,
  ctx: AuditContext,
  code: string,
  input: { score: number; comment: string },
) {
  await consume(deps.db, `rating:ip:${ctx.ip}`, 30, 3_600_000, new Date(ctx.at));
  checkRating(input.score, input.comment);
  const s = await serviceOf(deps, code);
  const answerGiven = (given: { score: number; comment: string }) => {
    if (!isSameRating(given, input)) throw new DomainError('ALREADY_RATED');
    return { created: false, result: present(s, given) };
  };
  const given = await repo.findRating(deps.db, s);
  if (given) return answerGiven(given);
  if (s.expired) throw new DomainError('RECEIPT_EXPIRED', { days: s.days });
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
      await rollRating(trx, { studioId: s.studioId, createdAt: ctx.at, score: input.score });
      await recordAudit(trx, ctx, {
        entity: 'rating',
        entityId: id,
        action: 'create',
        unitId: s.unitId,
        after: { studioId: s.studioId, score: input.score, via: s.kind },
      });
    });
  } catch (err) {
    const winner = await repo.findRating(deps.db, s);
    if (winner) return answerGiven(winner);
    throw err;
  }
  return { created: true, result: present(s, input) };
}
