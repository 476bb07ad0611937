import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { preparedPerShape } from '../../../db/prepared-query.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { letterQuery } from './mailbox.repository.ts';

// The street's and the district's queue of letters, read on every visit of the mailbox and the
// workbench: one prepared statement per combination of filters, its page carrying the count.

export interface LetterFilter {
  path: string;
  today: string;
  status?: string | undefined;
  type?: string | undefined;
  studioId?: number | undefined;
  open?: boolean;
  overdue?: boolean;
  escalated?: boolean;
  handlerId?: number | undefined;
  /** Accusations are the district's alone: the street's queue leaves them out. */
  withAccusations: boolean;
  limit: number;
  offset: number;
}

/** Which of a queue filter's conditions are present: one prepared statement per combination. */
type QueueShape = Record<
  'accusations' | 'status' | 'type' | 'studio' | 'open' | 'overdue' | 'escalated' | 'handler',
  boolean
>;

/** The values a queue's conditions compare with (unused ones are not bound). */
interface QueueArgs {
  from: string;
  to: string;
  status: string | undefined;
  type: string | undefined;
  studioId: number | undefined;
  today: string;
  handlerId: number | undefined;
}

function queueShape(f: Omit<LetterFilter, 'limit' | 'offset'>): QueueShape {
  return {
    accusations: f.withAccusations,
    status: !!f.status,
    type: !!f.type,
    studio: !!f.studioId,
    open: !!f.open,
    overdue: !!f.overdue,
    escalated: !!f.escalated,
    handler: !!f.handlerId,
  };
}

function queueArgs(f: Omit<LetterFilter, 'limit' | 'offset'>): QueueArgs {
  const { from, to } = subtreeRange(f.path);
  return { from, to, status: f.status, type: f.type, studioId: f.studioId, today: f.today, handlerId: f.handlerId };
}

/** The letters of a subtree that a queue filter of this shape selects. */
function queueOf(db: Kysely<Database>, shape: QueueShape, a: QueueArgs) {
  let base = letterQuery(db).where('unit.path', '>=', a.from).where('unit.path', '<', a.to);
  if (!shape.accusations) base = base.where('letters.type', '<>', 'accusation');
  if (shape.status) base = base.where('letters.status', '=', a.status!);
  if (shape.type) base = base.where('letters.type', '=', a.type!);
  if (shape.studio) base = base.where('letters.studio_id', '=', a.studioId!);
  // A literal, not a parameter: the planners prove from it that `letters_open_unit` (open
  // letters only) holds every row wanted.
  if (shape.open) base = base.where(sql<boolean>`letters.status <> 'closed'`);
  if (shape.overdue) base = base.where('letters.next_due', '<', a.today);
  if (shape.escalated) base = base.where('letters.escalated_on', 'is not', null);
  if (shape.handler) base = base.where('letters.handler_id', '=', a.handlerId!);
  return base;
}

/**
 * A page of the queue, the most urgent deadline first, then the newest; each row carries the
 * queue's size, counted by a window over the rows the page had to read and sort anyway.
 */
function queuePage(db: Kysely<Database>, shape: QueueShape, a: QueueArgs & { limit: number; offset: number }) {
  return queueOf(db, shape, a)
    .select(sql<number>`count(*) over ()`.as('queue_total'))
    .orderBy(sql`coalesce(letters.next_due, '9999-12-31')`)
    .orderBy('letters.id', 'desc')
    .limit(a.limit)
    .offset(a.offset);
}

function queueCount(db: Kysely<Database>, shape: QueueShape, a: QueueArgs) {
  return queueOf(db, shape, a)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'));
}

/** A queue page's statement as `listLetterQueue` prepares it, built with the filter's values (for review). */
export function letterQueuePage(db: Kysely<Database>, f: LetterFilter) {
  return queuePage(db, queueShape(f), { ...queueArgs(f), limit: f.limit, offset: f.offset });
}

const queuePageQuery = preparedPerShape(queuePage);
const queueCountQuery = preparedPerShape(queueCount);

/** Letters in a subtree: the most urgent deadline first, then the newest; and how many there are. */
export async function listLetterQueue(db: Kysely<Database>, f: LetterFilter) {
  const shape = queueShape(f);
  const a = queueArgs(f);
  const rows = await queuePageQuery(shape).rows(db, { ...a, limit: f.limit, offset: f.offset });
  // A page past the end has no row to carry the count.
  const total = rows[0] ? rows[0].queue_total : ((await queueCountQuery(shape).rows(db, a))[0]?.n ?? 0);
  return { rows, total: Number(total) };
}
