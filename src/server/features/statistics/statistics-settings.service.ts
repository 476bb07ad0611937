import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import { DEFAULT_MINIMUM } from '../../../domain/statistics/suppression.ts';
import type { statisticsSettingsInput } from '../../../contract/statistics.ts';
import type { AuditContext, Deps } from '../../context.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { authorize } from '../../scope.ts';
import { writeSetting } from '../../settings.repository.ts';
import { readCachedSetting } from '../../versioned-cache.ts';
import { recordAudit } from '../audit/audit.repository.ts';

const KEY = 'statistics.minimumCount';

/** The smallest count the public sees as a number (default 5). */
export async function minimumCount(db: Kysely<Database>): Promise<number> {
  const v = Number(await readCachedSetting(db, KEY));
  return Number.isInteger(v) && v >= 2 ? v : DEFAULT_MINIMUM;
}

/** The statistics settings. */
export async function getStatisticsSettings(deps: Deps, actor: Actor) {
  authorize(actor, 'read', 'statisticsSettings', { unitPath: actor.unitPath });
  return { minimumCount: await minimumCount(deps.db) };
}

/** Changes the public small-count minimum; audited. */
export async function updateStatisticsSettings(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof statisticsSettingsInput>,
) {
  authorize(actor, 'update', 'statisticsSettings', { unitPath: actor.unitPath });
  await deps.db.transaction().execute(async (trx) => {
    const before = await minimumCount(trx);
    await writeSetting(trx, KEY, String(input.minimumCount), ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'statisticsSettings',
      entityId: null,
      action: 'update',
      unitId: null,
      before: { minimumCount: before },
      after: input,
    });
  });
  return { minimumCount: input.minimumCount };
}
