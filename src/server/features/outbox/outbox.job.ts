import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Notifier } from '../../notifier/notifier.ts';
import * as repo from './outbox.repository.ts';

/** Attempts before a message is marked failed; retries back off 1, 2, 4, 8 minutes. */
export const MAX_ATTEMPTS = 5;
const STALE_SENDING_MS = 10 * 60_000;

/**
 * Sends what is due in the outbox. Each message is claimed with a conditional update, so
 * several server instances can run this at once without sending a message twice; a
 * message whose sender died mid-send is retried (at least once delivery).
 */
export async function dispatchDue(
  db: Kysely<Database>,
  notifier: Notifier,
  now: Date,
  batch = 50,
): Promise<{ sent: number; failed: number }> {
  const at = now.toISOString();
  const due = await repo.dueMessages(db, at, new Date(now.getTime() - STALE_SENDING_MS).toISOString(), batch);
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    if (!(await repo.claim(db, m.id, m, at))) continue;
    try {
      const { providerMessageId } = await notifier.sendSms({
        to: m.recipient,
        templateId: m.template_id,
        params: JSON.parse(m.params_json) as Record<string, string>,
        signature: m.signature,
        body: m.body,
      });
      await repo.markSent(db, m.id, providerMessageId, new Date().toISOString());
      sent += 1;
    } catch (err) {
      const attempts = m.attempts + 1;
      const retryAt = new Date(now.getTime() + 2 ** (attempts - 1) * 60_000).toISOString();
      await repo.markFailed(
        db,
        m.id,
        attempts,
        err instanceof Error ? err.message : String(err),
        retryAt,
        attempts >= MAX_ATTEMPTS,
      );
      failed += 1;
    }
  }
  return { sent, failed };
}
