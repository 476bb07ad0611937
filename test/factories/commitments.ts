import { BUILT_AT, type Db } from './common.ts';
import { buildStudio, type StudioParents } from './studios.ts';

/** What a test may fix of a built public commitment (公开承诺). */
export interface CommitmentOptions extends StudioParents {
  /** Its studio; an active one is built (with `StudioParents`) when absent. */
  studioId?: number;
  /** Published by default. */
  status?: 'draft' | 'published';
  kind?: 'hours' | 'response' | 'activities' | 'other';
  text?: string;
  target?: number | null;
  position?: number;
}

/** Writes one public commitment of a studio. */
export async function buildCommitment(db: Db, o: CommitmentOptions = {}): Promise<{ id: number; studioId: number }> {
  const { studioId: given, status = 'published', kind, text, target, position, ...parents } = o;
  const studioId = given ?? (await buildStudio(db, { status: 'active', ...parents })).id;
  const { id } = await db
    .insertInto('commitments')
    .values({
      studio_id: studioId,
      kind: kind ?? 'hours',
      text: text ?? '每周六上午开放',
      target: target ?? null,
      position: position ?? 1,
      status,
      published_at: status === 'published' ? BUILT_AT : null,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, studioId };
}
