import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/roles.ts';
import { DEFAULT_CORRECTION_HOURS, DEFAULT_RECEIPT_DAYS } from '../../../domain/delivery/delivery.ts';
import type { Database } from '../../../db/schema.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize } from '../../scope.ts';
import { writeSetting } from '../../settings.repository.ts';
import { readCachedSetting } from '../../versioned-cache.ts';
import { recordAudit } from '../audit/audit.repository.ts';

const CORRECTION_HOURS = 'records.correctionHours';
const RECEIPT_DAYS = 'records.receiptDays';

/** The record book's runtime settings, as staff see and change them. */
export interface RecordSettings {
  correctionHours: number;
  /** How many days a walk-in's 服务回执 may be used to rate. */
  receiptDays: number;
}

/** How long records stay correctable, from the settings staff change (hours). */
export async function correctionHours(db: Kysely<Database>): Promise<number> {
  const value = await readCachedSetting(db, CORRECTION_HOURS);
  return value === undefined ? DEFAULT_CORRECTION_HOURS : Number(value);
}

/** How long a walk-in's receipt may be used to rate, from the settings staff change (days). */
export async function receiptDays(db: Kysely<Database>): Promise<number> {
  const value = await readCachedSetting(db, RECEIPT_DAYS);
  return value === undefined ? DEFAULT_RECEIPT_DAYS : Number(value);
}

/** The record book's settings. */
export async function getRecordSettings(deps: Deps): Promise<RecordSettings> {
  return { correctionHours: await correctionHours(deps.db), receiptDays: await receiptDays(deps.db) };
}

/** Changes how long members may correct their records and receipts stay valid; the change is audited. */
export async function updateRecordSettings(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: { correctionHours: number; receiptDays?: number | undefined },
): Promise<RecordSettings> {
  authorize(actor, 'update', 'recordSettings', { unitPath: actor.unitPath });
  const before = await getRecordSettings(deps);
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, CORRECTION_HOURS, String(input.correctionHours), ctx.at);
    if (input.receiptDays !== undefined) await writeSetting(trx, RECEIPT_DAYS, String(input.receiptDays), ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'settings',
      entityId: 'records',
      action: 'update',
      unitId: actor.unitId,
      before,
      after: input,
    });
  });
  return getRecordSettings(deps);
}
