import type { z } from 'zod';
import type { Actor } from '../../../domain/access/roles.ts';
import type { PublicAddress, publicAddressInput } from '../../../contract/public.ts';
import type { AuditContext, Deps } from '../../context.ts';
import { authorize } from '../../scope.ts';
import { publicAddress, PUBLIC_URL_SETTING } from '../../public-url.ts';
import { writeSetting } from '../../settings.repository.ts';
import { recordAudit } from '../audit/audit.repository.ts';

/** The public address in force (saved, or from the environment) for the district's settings page. */
export async function getPublicAddress(deps: Deps, actor: Actor): Promise<PublicAddress> {
  authorize(actor, 'read', 'publicAddress', { unitPath: actor.unitPath });
  return publicAddress(deps);
}

/** Saves (or, with null, clears) the public address printed material and SMS links use; audited. */
export async function updatePublicAddress(
  deps: Deps,
  ctx: AuditContext,
  actor: Actor,
  input: z.infer<typeof publicAddressInput>,
): Promise<PublicAddress> {
  authorize(actor, 'update', 'publicAddress', { unitPath: actor.unitPath });
  await deps.db.transaction().execute(async (trx) => {
    const before = await publicAddress({ db: trx, config: deps.config });
    // An empty value reads as "not saved", so the environment's address applies again.
    await writeSetting(trx, PUBLIC_URL_SETTING, input.url ?? '', ctx.at);
    await recordAudit(trx, ctx, {
      entity: 'publicAddress',
      entityId: null,
      action: 'update',
      unitId: null,
      before: { url: before.source === 'setting' ? before.url : null },
      after: { url: input.url },
    });
  });
  return publicAddress(deps);
}
