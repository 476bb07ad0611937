import type { Db } from './common.ts';

/** The code in the latest confirmation SMS queued for a phone (the test's SMS sink is the outbox), or undefined. */
export async function lastSmsCode(db: Db, phone: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select('params_json')
    .where('template_id', '=', 'HUIMIN_SMS_CODE')
    .where('recipient', '=', phone)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? (JSON.parse(row.params_json) as { code: string }).code : undefined;
}

/** How many confirmation SMS were queued for a phone. */
export async function smsCodesSent(db: Db, phone: string): Promise<number> {
  const rows = await db
    .selectFrom('outbox')
    .select('id')
    .where('template_id', '=', 'HUIMIN_SMS_CODE')
    .where('recipient', '=', phone)
    .execute();
  return rows.length;
}
