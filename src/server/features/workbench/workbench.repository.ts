import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// The workbench's own query: the viewer's latest actions. Every count it shows is answered by
// the repository of the area that owns the rows (studios, delivery, needs, registry, …).

/** The latest audit entries an account made, newest first. */
export async function listRecentActionsOf(db: Kysely<Database>, accountId: number, limit: number) {
  return (
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'entity', 'entity_id'])
      .where('actor_id', '=', accountId)
      // Signing in is not something done; the list shows work.
      .where('action', 'not in', ['login', 'logout'])
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  );
}

/** One of the viewer's recent actions. */
export type RecentActionRow = Awaited<ReturnType<typeof listRecentActionsOf>>[number];
