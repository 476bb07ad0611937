import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { letterCreated, letterInput, letterRatingInput, TrackedLetter } from '../../../contract/mailbox.ts';
import { MAX_PHOTO_BYTES } from '../../../contract/mailbox.ts';
import { DomainError } from '../../../domain/errors.ts';
import { deadlinesAtReceipt, isDuplicateLetter, type HandledLetterType } from '../../../domain/mailbox/letters.ts';
import type { LetterStatus } from '../../../domain/mailbox/lifecycle.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import { isStreetLevel } from '../../../domain/org-units/units.ts';
import { isServing, type StudioStatus } from '../../../domain/studios/lifecycle.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { newCode } from '../../codes.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { consume, consumeTrackingLookup } from '../../rate-limit.repository.ts';
import { normalizePhotos, type PhotoLimits } from '../../photos.ts';
import { chinaDate } from '../../time.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { rollLetter } from '../statistics/count-rollups.commands.ts';
import { findStudioCore } from '../studios/studios.repository.ts';
import * as repo from './mailbox.repository.ts';
import { loadCalendar, readMailboxSettings } from './mailbox-settings.repository.ts';
import { presentTracked } from './mailbox.presenter.ts';
import { runTransition } from './mailbox-transitions.service.ts';

/** A resident's photos: up to 5 MB each, stored at most 2048 px a side. */
const letterPhotoLimits: PhotoLimits = { maxBytes: MAX_PHOTO_BYTES, maxEdge: 2048 };

/** Abuse limits without a captcha, as for service requests: per address and per phone number. */
export const LETTER_LIMITS = { perIpPerHour: 10, perPhonePerDay: 5 };

type Created = z.infer<typeof letterCreated>;

/** Where a letter goes: the community it is about (the studio's, or the writer's choice) and that community's street. */
async function routeOf(deps: Deps, input: z.infer<typeof letterInput>) {
  if ((input.studioId === undefined) === (input.unitId === undefined))
    throw new DomainError('VALIDATION_FAILED', { field: input.studioId === undefined ? 'unitId' : 'studioId' });
  let studioId: number | null = null;
  let unitId: number;
  if (input.studioId !== undefined) {
    const studio = await findStudioCore(deps.db, input.studioId);
    // Residents reach only serving studios (a plaque on the wall); anything else is not theirs to name.
    if (!studio || !isServing(studio.status as StudioStatus))
      throw new DomainError('VALIDATION_FAILED', { field: 'studioId' });
    studioId = studio.id;
    unitId = studio.unit_id;
  } else {
    unitId = input.unitId ?? 0;
  }
  const unit = await findUnit(deps.db, unitId);
  if (!unit || !['community', 'village', 'enterprise'].includes(unit.level))
    throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  const street = unit.parent_id ? await findUnit(deps.db, unit.parent_id) : undefined;
  if (!street || !isStreetLevel(street.level)) throw new DomainError('VALIDATION_FAILED', { field: 'unitId' });
  return { studioId, unitId: unit.id, streetId: street.id };
}

const senderHashOf = (phone: string | undefined, ip: string) =>
  createHash('sha256')
    .update(phone ? `phone:${phone}` : `ip:${ip}`)
    .digest('hex');

/**
 * A resident writes to the mailbox. Limits per address and phone stop floods; the same letter
 * sent twice within a day answers the first tracking code. The letter goes to the street of
 * the community it is about, with its deadlines counted in working days; photos are
 * re-encoded without metadata; the writer gets the tracking code by SMS when they gave a
 * phone. An accusation (检举控告) is forwarded to the discipline inspection body at once.
 */
export async function writeLetter(deps: Deps, ctx: AuditContext, input: z.infer<typeof letterInput>): Promise<Created> {
  const now = new Date(ctx.at);
  await consume(deps.db, `letter:ip:${ctx.ip}`, LETTER_LIMITS.perIpPerHour, 3_600_000, now);
  if (input.writerPhone)
    await consume(deps.db, `letter:phone:${input.writerPhone}`, LETTER_LIMITS.perPhonePerDay, 86_400_000, now);
  const route = await routeOf(deps, input);
  const about = route.studioId !== null ? `studio:${route.studioId}` : `unit:${route.unitId}`;

  const senderHash = senderHashOf(input.writerPhone, ctx.ip);
  const earlier = async (db: typeof deps.db): Promise<Created | undefined> => {
    const recent = await repo.listRecentLettersBySender(
      db,
      senderHash,
      new Date(now.getTime() - 86_400_000).toISOString(),
    );
    const same = recent.find((r) =>
      isDuplicateLetter(
        { type: input.type, about, text: input.text, at: now.getTime() },
        {
          type: r.type as typeof input.type,
          about: r.studio_id !== null ? `studio:${r.studio_id}` : `unit:${r.unit_id}`,
          text: r.text,
          at: Date.parse(r.created_at),
        },
      ),
    );
    return same
      ? {
          trackingCode: same.tracking_code,
          status: same.status as LetterStatus,
          forwarded: same.forwarded_to && same.forwarded_on ? { to: same.forwarded_to, on: same.forwarded_on } : null,
          duplicate: true,
        }
      : undefined;
  };
  const known = await earlier(deps.db);
  if (known) return known;

  const photos = await normalizePhotos(input.photos, letterPhotoLimits);
  const [settings, calendar] = await Promise.all([readMailboxSettings(deps.db), loadCalendar(deps.db)]);
  const today = chinaDate(now);
  // An accusation never reaches the street; its deadlines are kept only to fill the row.
  const handledType: HandledLetterType = input.type === 'accusation' ? 'complaint' : input.type;
  const deadlines = deadlinesAtReceipt(today, handledType, settings, calendar);
  const code = newCode();
  const writerName = input.writerName?.trim() || null;

  const written = await deps.db.transaction().execute(async (trx) => {
    // The same letter sent twice at once (a double tap): under the intake lock the second finds the first.
    await repo.lockLetterIntake(trx);
    const same = await earlier(trx);
    if (same) return same;
    const id = await repo.insertLetter(trx, {
      tracking_code: code,
      type: input.type,
      status: 'received',
      studio_id: route.studioId,
      unit_id: route.unitId,
      street_id: route.streetId,
      text: input.text,
      writer_name: writerName,
      writer_phone: input.writerPhone ?? null,
      sender_hash: senderHash,
      handler_id: null,
      round: 1,
      received_on: today,
      ack_days: deadlines.ackDays,
      reply_from: today,
      reply_days: deadlines.replyDays,
      extension_days: 0,
      extension_reason: null,
      extension_round: null,
      ack_due: deadlines.ackDue,
      reply_due: deadlines.replyDue,
      next_due: input.type === 'accusation' ? null : deadlines.ackDue,
      rating_due: null,
      acknowledged_on: null,
      first_verdict: null,
      verdict: null,
      finding: null,
      finding_reason: null,
      ruled_by: null,
      closure: null,
      forwarded_to: null,
      forwarded_on: null,
      overdue_on: null,
      escalated_on: null,
      created_at: ctx.at,
      updated_at: ctx.at,
      closed_at: null,
    });
    await rollLetter(trx, { unitId: route.unitId, receivedOn: today, type: input.type });
    await repo.insertLetterPhotos(
      trx,
      photos.map((p, i) => ({
        letter_id: id,
        position: i + 1,
        mime: p.mime,
        width: p.width,
        height: p.height,
        size: p.size,
        sha256: p.sha256,
        content: p.content,
        created_at: ctx.at,
      })),
    );
    await repo.insertLetterEvent(trx, {
      letter_id: id,
      action: 'write',
      from_status: null,
      to_status: 'received',
      actor_id: null,
      actor_name: null,
      note: null,
      at: ctx.at,
    });
    await recordAudit(
      trx,
      ctx,
      {
        entity: 'letter',
        entityId: id,
        action: 'create',
        unitId: route.unitId,
        after: {
          code,
          type: input.type,
          studioId: route.studioId,
          unitId: route.unitId,
          streetId: route.streetId,
          writer: maskPhone(input.writerPhone ?? null),
          photos: photos.length,
        },
      },
      'writer',
    );
    let finalStatus: LetterStatus = 'received';
    if (input.type === 'accusation') {
      const row = await repo.findLetter(trx, id);
      if (!row) throw new Error('letter vanished in its own transaction');
      finalStatus = await runTransition(
        trx,
        ctx,
        row,
        { action: 'forward', to: settings.disciplineBody },
        { kind: 'system' },
        { today, settings, calendar },
      );
    }
    if (input.writerPhone) {
      const forwarded = input.type === 'accusation';
      const params: Record<string, string> = forwarded ? { code, on: today, body: settings.disciplineBody } : { code };
      const template = forwarded ? smsTemplates.letterForwarded : smsTemplates.letterReceived;
      await enqueueSms(trx, {
        to: input.writerPhone,
        templateId: template.id,
        params,
        signature: SMS_SIGNATURE,
        body: template.render(params),
        unitId: route.streetId,
        entity: 'letter',
        entityId: code,
        at: ctx.at,
      });
    }
    return finalStatus;
  });
  if (typeof written === 'object') return written;
  return {
    trackingCode: code,
    status: written,
    forwarded: input.type === 'accusation' ? { to: settings.disciplineBody, on: today } : null,
    duplicate: false,
  };
}

/** The letter by tracking code, as its writer sees it; a look-up from an address counts against its limit. */
export async function trackLetter(deps: Deps, code: string, ip?: string): Promise<TrackedLetter> {
  if (ip !== undefined) await consumeTrackingLookup(deps.db, ip, deps.clock.now());
  const row = await repo.findLetterByCode(deps.db, code);
  if (!row) throw new DomainError('NOT_FOUND');
  const [events, photos] = await Promise.all([
    repo.listLetterEvents(deps.db, row.id),
    repo.listLetterPhotos(deps.db, row.id),
  ]);
  return presentTracked(row, events, photos.length, chinaDate(deps.clock.now()));
}

/**
 * The writer rates the handling by tracking code: 满意 or 基本满意 closes the letter; 不满意
 * reopens it once for a second handling, and after the second a complaint goes to a ruling.
 */
export async function rateLetter(
  deps: Deps,
  ctx: AuditContext,
  code: string,
  input: z.infer<typeof letterRatingInput>,
): Promise<TrackedLetter> {
  const today = chinaDate(new Date(ctx.at));
  const [settings, calendar] = await Promise.all([readMailboxSettings(deps.db), loadCalendar(deps.db)]);
  await deps.db.transaction().execute(async (trx) => {
    const row = await repo.findLetterByCode(trx, code);
    if (!row) throw new DomainError('NOT_FOUND');
    const action = row.status === 'second_replied' ? 'rateAgain' : 'rate';
    await runTransition(
      trx,
      ctx,
      row,
      { action, verdict: input.verdict, comment: input.comment },
      { kind: 'writer' },
      { today, settings, calendar },
    );
  });
  return trackLetter(deps, code);
}
