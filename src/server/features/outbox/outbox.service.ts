import type { z } from 'zod';
import type { listOutboxQuery } from '../../../contract/outbox.ts';
import type { Actor } from '../../../domain/access/roles.ts';
import type { Deps } from '../../context.ts';
import { resolveScope } from '../../scope.ts';
import { listOutbox } from './outbox.repository.ts';
import { presentOutboxMessage } from './outbox.presenter.ts';

/** "Sent messages": a page of the outbox of the actor's subtree, newest first. */
export async function listOutboxMessages(deps: Deps, actor: Actor, query: z.infer<typeof listOutboxQuery>) {
  const scope = await resolveScope(deps.db, actor, 'read', 'outbox');
  const { rows, total } = await listOutbox(deps.db, { path: scope.path, ...query });
  return { total, items: rows.map(presentOutboxMessage) };
}
