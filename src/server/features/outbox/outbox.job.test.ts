import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildUnit } from '../../../../test/factories/org-units.ts';
import type { Notifier, SmsMessage } from '../../notifier/notifier.ts';
import { dispatchDue } from './outbox.job.ts';

/** Several instances' schedulers dispatch the same outbox: every message goes out once. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(() => t.close());

class CountingNotifier implements Notifier {
  readonly name = 'counting';
  readonly sent: string[] = [];
  async sendSms(m: SmsMessage) {
    this.sent.push(m.to);
    await new Promise((r) => setTimeout(r, 1));
    return { providerMessageId: `c-${this.sent.length}` };
  }
}

async function queue(n: number, status: 'pending' | 'sending', due: string): Promise<void> {
  const unit = await buildUnit(t.db);
  for (let i = 0; i < n; i++)
    await t.db
      .insertInto('outbox')
      .values({
        channel: 'sms',
        template_id: 'T',
        params_json: '{}',
        recipient: `139${status === 'pending' ? 1 : 2}${String(i).padStart(7, '0')}`,
        signature: '惠民',
        body: 'test',
        unit_id: unit.id,
        entity: 'test',
        entity_id: String(i),
        status,
        attempts: 0,
        next_attempt_at: due,
        last_error: null,
        provider_message_id: null,
        created_at: due,
        sent_at: null,
      })
      .execute();
}

describe('dispatchDue on several instances at once', () => {
  it('sends each pending message once, and each message left sending by a crash once', async () => {
    const now = new Date('2026-11-25T08:00:00.000Z');
    await queue(30, 'pending', '2026-11-25T07:59:00.000Z');
    // Left `sending` by an instance that died an hour ago: due again, but for one taker only.
    await queue(20, 'sending', '2026-11-25T07:00:00.000Z');
    const notifiers = Array.from({ length: 4 }, () => new CountingNotifier());
    await Promise.all(notifiers.map((n) => dispatchDue(t.db, n, now)));
    const all = notifiers.flatMap((n) => n.sent);
    expect(all).toHaveLength(50);
    expect(new Set(all).size).toBe(50);
    const left = await t.db.selectFrom('outbox').select('id').where('status', '!=', 'sent').execute();
    expect(left).toHaveLength(0);
  });
});
