import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import type { SmsMessage } from '../../notifier/notifier.ts';

/** Queues an SMS in the caller's transaction: it is sent only if the change that caused it commits. */
export async function enqueueSms(
  db: Kysely<Database>,
  m: SmsMessage & { unitId: number; entity: string; entityId: string; at: string },
): Promise<void> {
  await db
    .insertInto('outbox')
    .values({
      channel: 'sms',
      template_id: m.templateId,
      params_json: JSON.stringify(m.params),
      recipient: m.to,
      signature: m.signature,
      body: m.body,
      unit_id: m.unitId,
      entity: m.entity,
      entity_id: m.entityId,
      status: 'pending',
      attempts: 0,
      next_attempt_at: m.at,
      last_error: null,
      provider_message_id: null,
      created_at: m.at,
      sent_at: null,
    })
    .execute();
}

/** Messages of units in a subtree, newest first. */
export async function listOutbox(
  db: Kysely<Database>,
  f: { path: string; status?: string | undefined; limit: number; offset: number },
) {
  const { from, to } = subtreeRange(f.path);
  let base = db
    .selectFrom('outbox')
    .innerJoin('org_units', 'org_units.id', 'outbox.unit_id')
    .where('org_units.path', '>=', from)
    .where('org_units.path', '<', to);
  if (f.status) base = base.where('outbox.status', '=', f.status);
  const [rows, count] = await Promise.all([
    base.selectAll('outbox').orderBy('outbox.id', 'desc').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Messages due for a (re)try, oldest first; `sending` ones left behind by a crash count as due after a while. */
export async function dueMessages(db: Kysely<Database>, now: string, staleBefore: string, limit: number) {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('next_attempt_at', '<=', staleBefore)]),
      ]),
    )
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims a message for sending; false when another instance got it first. The row must
 * still be as it was read (status and due time): a stale `sending` row stays `sending`
 * when claimed, so the status alone would let two instances both take it over.
 */
export async function claim(
  db: Kysely<Database>,
  id: number,
  seen: { status: string; next_attempt_at: string },
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'sending', next_attempt_at: at })
    .where('id', '=', id)
    .where('status', '=', seen.status)
    .where('next_attempt_at', '=', seen.next_attempt_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a message sent, with the gateway's id for it. */
export async function markSent(db: Kysely<Database>, id: number, providerMessageId: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', provider_message_id: providerMessageId, sent_at: at, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt: retried at `nextAttemptAt`, or failed for good when `final`. */
export async function markFailed(
  db: Kysely<Database>,
  id: number,
  attempts: number,
  error: string,
  nextAttemptAt: string,
  final: boolean,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: final ? 'failed' : 'pending',
      attempts,
      last_error: error.slice(0, 500),
      next_attempt_at: nextAttemptAt,
    })
    .where('id', '=', id)
    .execute();
}
