import { randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DomainError } from '../../../domain/errors.ts';
import { maskPhone } from '../../../domain/registry/id-number.ts';
import {
  SMS_CODE_RULES,
  checkCodeUsable,
  smsCodeExpiresAt,
  wrongCode,
  type SmsCodePurpose,
} from '../../../domain/sms/confirmation.ts';
import type { Database } from '../../../db/schema.ts';
import { SMS_CONSENT_VERSION } from '../../../contract/public.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { SMS_SIGNATURE, smsTemplates } from '../../notifier/notifier.ts';
import { consumeSmsCodeSend, consumeSmsCodeTry } from '../../rate-limit.repository.ts';
import { smsCodeHash } from '../../secrets.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { findUnit } from '../org-units/org-units.repository.ts';
import { enqueueSms } from '../outbox/outbox.repository.ts';
import * as repo from './public.repository.ts';
import { RESIDENT_LEVELS } from './public.service.ts';

// A subscription to a community's announcements (宣传短信) is its phone owner's own: a code
// sent by SMS to that phone, typed back on the page, confirms subscribing and unsubscribing.

const actionZh: Record<SmsCodePurpose, string> = { subscribe: '订阅', unsubscribe: '退订' };

async function subscribableUnit(db: Kysely<Database>, unitId: number) {
  const unit = await findUnit(db, unitId);
  if (!unit || !RESIDENT_LEVELS.includes(unit.level)) throw new DomainError('NOT_FOUND');
  return unit;
}

/**
 * Sends a six-digit code to the phone (through the outbox) to confirm subscribing or
 * unsubscribing; a newer code replaces the older. Limited per address and per phone. An
 * unsubscribe of a number that is not subscribed sends nothing but answers the same.
 */
export async function sendSubscriptionCode(
  deps: Deps,
  ctx: AuditContext,
  purpose: SmsCodePurpose,
  input: { unitId: number; phone: string },
) {
  const unit = await subscribableUnit(deps.db, input.unitId);
  await consumeSmsCodeSend(deps.db, ctx.ip, input.phone, new Date(ctx.at));
  const expiresAt = smsCodeExpiresAt(ctx.at);
  const answer = { unitName: unit.name, phone: maskPhone(input.phone) ?? '', purpose, expiresAt };
  if (purpose === 'unsubscribe' && !(await repo.isSubscribed(deps.db, unit.id, input.phone))) return answer;
  const code = String(randomInt(1_000_000)).padStart(6, '0');
  const target = { unitId: unit.id, phone: input.phone, purpose };
  const codeHash = await smsCodeHash(deps.db, target, code);
  await deps.db.transaction().execute(async (trx) => {
    const id = await repo.insertSmsCode(trx, {
      unit_id: unit.id,
      phone: input.phone,
      purpose,
      code_hash: codeHash,
      consent_version: purpose === 'subscribe' ? SMS_CONSENT_VERSION : null,
      created_at: ctx.at,
      expires_at: expiresAt,
    });
    const params = { code, action: actionZh[purpose], unit: unit.name };
    await enqueueSms(trx, {
      to: input.phone,
      templateId: smsTemplates.smsCode.id,
      params,
      signature: SMS_SIGNATURE,
      body: smsTemplates.smsCode.render(params),
      unitId: unit.id,
      entity: 'smsCode',
      entityId: String(id),
      at: ctx.at,
    });
    await recordAudit(trx, ctx, {
      entity: 'smsSubscription',
      entityId: null,
      action: purpose === 'subscribe' ? 'subscribe.code' : 'unsubscribe.code',
      unitId: unit.id,
      after: { phone: maskPhone(input.phone) },
    });
  });
  return answer;
}

/** Compares a typed code with the kept hash in constant time. */
async function matches(
  db: Kysely<Database>,
  target: { unitId: number; phone: string; purpose: string },
  code: string,
  hash: string,
) {
  const typed = Buffer.from(await smsCodeHash(db, target, code), 'hex');
  const kept = Buffer.from(hash, 'hex');
  return typed.length === kept.length && timingSafeEqual(typed, kept);
}

/** Writes the confirmed change with its audit entry; a second confirmation of the same change writes nothing. */
async function applyChange(
  trx: Kysely<Database>,
  ctx: AuditContext,
  purpose: SmsCodePurpose,
  target: { unitId: number; phone: string; consentVersion: string },
) {
  let changed: boolean;
  if (purpose === 'unsubscribe') changed = await repo.endSubscription(trx, target.unitId, target.phone, ctx.at);
  else {
    const existing = await repo.findSubscription(trx, target.unitId, target.phone);
    if (existing && existing.unsubscribed_at === null) return;
    changed = existing
      ? await repo.renewSubscription(trx, existing.id, target.consentVersion, ctx.at)
      : await repo.insertSubscription(trx, { ...target, at: ctx.at });
  }
  if (!changed) return;
  await recordAudit(trx, ctx, {
    entity: 'smsSubscription',
    entityId: null,
    action: purpose,
    unitId: target.unitId,
    after: {
      phone: maskPhone(target.phone),
      ...(purpose === 'subscribe' ? { consentVersion: target.consentVersion } : {}),
    },
  });
}

/**
 * Confirms a subscription change with the code sent to the phone: at most five tries per
 * code (each counted before it is compared), ten minutes, the latest code only. A double
 * tap of a confirmed code answers the same success.
 */
export async function confirmSubscriptionCode(
  deps: Deps,
  ctx: AuditContext,
  purpose: SmsCodePurpose,
  input: { unitId: number; phone: string; code: string },
) {
  const now = new Date(ctx.at);
  await consumeSmsCodeTry(deps.db, ctx.ip, now);
  const unit = await subscribableUnit(deps.db, input.unitId);
  const target = { unitId: unit.id, phone: input.phone, purpose };
  const answer = { unitName: unit.name, phone: maskPhone(input.phone) ?? '', subscribed: purpose === 'subscribe' };
  const sent = await repo.findLatestSmsCode(deps.db, unit.id, input.phone, purpose);
  if (!sent) throw new DomainError('SMS_CODE_EXPIRED');
  const right = await matches(deps.db, target, input.code, sent.code_hash);
  if (sent.used_at !== null && right) return answer;
  checkCodeUsable({ expiresAt: sent.expires_at, usedAt: sent.used_at, attempts: sent.attempts }, now);
  const attempts = await repo.countSmsCodeTry(deps.db, sent.id, SMS_CODE_RULES.maxGuesses);
  if (attempts === undefined) {
    // Other tries took the last ones meanwhile; one of them may have been this same right code.
    const again = await repo.findLatestSmsCode(deps.db, unit.id, input.phone, purpose);
    if (again?.id === sent.id && again.used_at !== null && right) return answer;
    throw new DomainError('SMS_CODE_LOCKED');
  }
  if (!right) throw wrongCode(attempts);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.useSmsCode(trx, sent.id, ctx.at))) return;
    await applyChange(trx, ctx, purpose, {
      unitId: unit.id,
      phone: input.phone,
      consentVersion: sent.consent_version ?? SMS_CONSENT_VERSION,
    });
  });
  return answer;
}
