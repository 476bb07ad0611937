/**
 * Supervision on the bench province (bench/province.ts), generated into the real tables after the
 * studios: 200,000 mailbox letters over the twelve months before the data set's day (2026-11-25),
 * written to the street of the studio or community they are about, in every state from received to
 * closed with verdicts and rulings; two citizen supervisors per street that has studios (each with
 * a supervisor account); and 100,000 quarterly inspections of the serving studios over the five
 * quarters 2025-Q4 … 2026-Q4 (past quarters submitted, a few cancelled; this quarter half done).
 *
 * Rows are built in memory from one seeded generator and inserted in batches, so generation stays
 * a few seconds on SQLite. Deadlines are counted in calendar days here (the shape matters to the
 * queries, not the exact holidays).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { UnitSpec } from '../src/db/seed/units.ts';
import { defaultChecklist } from '../src/domain/inspections/checklist.ts';
import { seededRandom } from '../src/domain/needs/evaluation.ts';

export const SUPERVISION_SIZES = { letters: 200_000, inspections: 100_000, supervisorsPerStreet: 2 };

/** The quarter whose 三率 and letter queue the bench reads, and the data set's "today". */
export const SUPERVISION_PERIOD = { from: '2026-10-01', to: '2026-12-31', today: '2026-11-25' };

export interface SupervisionMeta {
  letters: number;
  inspections: number;
  supervisors: number;
  /** Letters received in the bench quarter (accusations excluded): in the province, the district, the street. */
  quarterLetters: { root: number; district: number; street: number };
  /** Streets with letters in the bench quarter, in the province and in the district: rows of the 三率 table. */
  quarterStreets: { root: number; district: number };
  /** Open letters (not accusations) of the bench street: the total of its queue. */
  streetOpenLetters: number;
}

const QUARTERS = [
  { q: '2025-Q4', from: '2025-10-01', due: '2025-12-31' },
  { q: '2026-Q1', from: '2026-01-01', due: '2026-03-31' },
  { q: '2026-Q2', from: '2026-04-01', due: '2026-06-30' },
  { q: '2026-Q3', from: '2026-07-01', due: '2026-09-30' },
  { q: '2026-Q4', from: '2026-10-01', due: '2026-12-31' },
];

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plus = (day: string, n: number) => dayOf(Date.parse(`${day}T00:00:00Z`) + n * DAY);

async function insertBatches<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: ReadonlyArray<Record<string, unknown>>,
  size: number,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
}

const TEXTS = {
  complaint: [
    '工作室承诺周三开放，去了两次都没有人。',
    '服务态度不好，咨询问题没有耐心解答。',
    '预约的上门服务一直没有安排。',
  ],
  suggestion: ['建议周末也安排值班，方便上班族。', '希望增加老年人健康讲座的次数。', '建议在小区公告栏公布联系电话。'],
  praise: [
    '林医生每周上门量血压，非常感谢！',
    '法律咨询很专业，帮我解决了工资纠纷。',
    '志愿者耐心辅导孩子功课，谢谢。',
  ],
  accusation: ['反映某党员干部利用职务之便谋取私利。'],
} as const;

/**
 * Inserts the letters, supervisors (with accounts) and inspections. `ids` maps unit codes to ids;
 * `streetCode` and `districtCode` are the bench street and district, whose figures the meta holds.
 */
export async function insertSupervision(
  db: Kysely<Database>,
  specs: UnitSpec[],
  ids: Map<string, number>,
  opts: { streetCode: string; districtCode: string; at: string; passwordHash: string },
): Promise<SupervisionMeta> {
  const r = seededRandom(20261203);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const byCode = new Map(specs.map((s) => [s.code, s]));
  const codeOfId = new Map([...ids].map(([code, id]) => [id, code]));
  const streetOf = (unitId: number) => {
    const code = codeOfId.get(unitId);
    const parent = code ? byCode.get(code)?.parentCode : undefined;
    const streetId = parent ? ids.get(parent) : undefined;
    if (streetId === undefined || !parent) throw new Error(`unit ${unitId} has no street`);
    return { streetId, streetCode: parent, districtCode: byCode.get(parent)?.parentCode ?? '' };
  };
  const studios = (await db.selectFrom('studios').select(['id', 'unit_id', 'status']).orderBy('id').execute()).filter(
    (s) => s.status === 'active',
  );
  const leaves = specs
    .filter((s) => s.level === 'community' || s.level === 'village' || s.level === 'enterprise')
    .map((s) => ids.get(s.code))
    .filter((id): id is number => id !== undefined);

  // --- Letters
  const endMs = Date.parse(`${SUPERVISION_PERIOD.today}T00:00:00Z`);
  const startMs = endMs - 360 * DAY;
  const quarterLetters = { root: 0, district: 0, street: 0 };
  const quarterStreets = { root: new Set<number>(), district: new Set<number>() };
  let streetOpenLetters = 0;
  const letters: Record<string, unknown>[] = [];
  for (let i = 0; i < SUPERVISION_SIZES.letters; i++) {
    const x = r();
    const type = x < 0.5 ? 'complaint' : x < 0.8 ? 'suggestion' : x < 0.97 ? 'praise' : 'accusation';
    const studio = r() < 0.8 ? pick(studios) : null;
    const unitId = studio ? studio.unit_id : pick(leaves);
    const where = streetOf(unitId);
    const receivedMs = startMs + Math.floor(r() * 360) * DAY;
    const received = dayOf(receivedMs);
    const age = (endMs - receivedMs) / DAY;
    const ackDue = plus(received, 3);
    const replyDue = plus(received, type === 'complaint' ? 21 : 14);
    const ackLag = r() < 0.85 ? Math.floor(r() * 3) : 3 + Math.floor(r() * 4);
    let status: string;
    let acknowledged: string | null = null;
    let verdict: string | null = null;
    let finding: string | null = null;
    let closure: string | null = null;
    let nextDue: string | null = null;
    let ratingDue: string | null = null;
    if (type === 'accusation') {
      status = 'closed';
      closure = 'forwarded';
    } else if (age > 40) {
      status = 'closed';
      acknowledged = plus(received, ackLag);
      const v = r();
      verdict = v < 0.62 ? 'satisfied' : v < 0.82 ? 'basic' : v < 0.9 ? 'unsatisfied' : null;
      closure = verdict === null ? 'unrated' : verdict === 'unsatisfied' && type === 'complaint' ? 'ruled' : 'rated';
      if (closure === 'ruled') finding = r() < 0.4 ? 'substantiated' : 'unsubstantiated';
    } else {
      const s = r();
      status =
        age < 2 ? 'received' : s < 0.15 ? 'assigned' : s < 0.55 ? 'acknowledged' : s < 0.8 ? 'replied' : 'reopened';
      if (status !== 'received' && status !== 'assigned') acknowledged = plus(received, Math.min(ackLag, age));
      nextDue = status === 'received' || status === 'assigned' ? ackDue : status === 'replied' ? null : replyDue;
      if (status === 'replied') ratingDue = plus(received, 25);
    }
    const code = `BN${i.toString(36).toUpperCase().padStart(6, '0')}`;
    letters.push({
      tracking_code: code,
      type,
      status,
      studio_id: studio?.id ?? null,
      unit_id: unitId,
      street_id: where.streetId,
      text: pick(TEXTS[type]),
      writer_name: null,
      writer_phone: null,
      sender_hash: `bench-${i}`,
      handler_id: null,
      round: status === 'reopened' ? 2 : 1,
      received_on: received,
      ack_days: 2,
      reply_from: received,
      reply_days: type === 'complaint' ? 15 : 10,
      extension_days: 0,
      extension_reason: null,
      extension_round: null,
      ack_due: ackDue,
      reply_due: replyDue,
      next_due: nextDue,
      rating_due: ratingDue,
      acknowledged_on: acknowledged,
      first_verdict: verdict,
      verdict,
      finding,
      finding_reason: finding ? '复核意见' : null,
      ruled_by: null,
      closure,
      forwarded_to: type === 'accusation' ? '区纪委监委' : null,
      forwarded_on: type === 'accusation' ? received : null,
      overdue_on: nextDue !== null && nextDue < SUPERVISION_PERIOD.today ? plus(nextDue, 1) : null,
      escalated_on: null,
      created_at: `${received}T02:00:00.000Z`,
      updated_at: opts.at,
      closed_at: status === 'closed' ? `${plus(received, 20)}T02:00:00.000Z` : null,
    });
    if (type !== 'accusation') {
      const inQuarter = received >= SUPERVISION_PERIOD.from && received <= SUPERVISION_PERIOD.to;
      if (inQuarter) {
        quarterLetters.root += 1;
        quarterStreets.root.add(where.streetId);
        if (where.districtCode === opts.districtCode) {
          quarterLetters.district += 1;
          quarterStreets.district.add(where.streetId);
        }
        if (where.streetCode === opts.streetCode) quarterLetters.street += 1;
      }
      if (status !== 'closed' && where.streetCode === opts.streetCode) streetOpenLetters += 1;
    }
  }
  await insertBatches(db, 'letters', letters, 500);

  // --- Supervisors: two per street with serving studios, each with an account of its own.
  const streetsWithStudios = [...new Set(studios.map((s) => streetOf(s.unit_id).streetId))].sort((a, b) => a - b);
  const accounts: Record<string, unknown>[] = [];
  for (const streetId of streetsWithStudios)
    for (let k = 0; k < SUPERVISION_SIZES.supervisorsPerStreet; k++)
      accounts.push({
        username: `bench_jd_${streetId}_${k}`,
        display_name: `监督员${streetId}-${k}`,
        password_hash: opts.passwordHash,
        role: 'supervisor',
        unit_id: streetId,
        locale: 'zh-CN',
        large_font: 0,
        failed_count: 0,
        locked_until: null,
        disabled: 0,
        created_at: opts.at,
        updated_at: opts.at,
      });
  await insertBatches(db, 'accounts', accounts, 500);
  const accountRows = await db
    .selectFrom('accounts')
    .select(['id', 'unit_id'])
    .where('role', '=', 'supervisor')
    .where('username', 'like', 'bench_jd_%')
    .orderBy('id')
    .execute();
  await insertBatches(
    db,
    'supervisors',
    accountRows.map((a, i) => ({
      street_id: a.unit_id,
      account_id: a.id,
      name: `监督员${i + 1}`,
      phone: `1590000${String(i).padStart(4, '0')}`,
      community_id: null,
      card_number: `BJD${String(i + 1).padStart(6, '0')}`,
      appointed_on: '2025-09-01',
      term_start: '2025-09-01',
      term_end: '2027-08-31',
      status: 'active',
      status_reason: null,
      created_at: opts.at,
      updated_at: opts.at,
    })),
    500,
  );
  const supervisorRows = await db.selectFrom('supervisors').select(['id', 'street_id', 'account_id']).execute();
  const rosterOf = new Map<number, Array<{ id: number; account_id: number }>>();
  for (const s of supervisorRows) rosterOf.set(s.street_id, [...(rosterOf.get(s.street_id) ?? []), s]);

  // --- Plans and inspections: every serving studio once a quarter, up to the set number.
  const planRows = QUARTERS.flatMap((q) =>
    streetsWithStudios.map((streetId) => ({
      street_id: streetId,
      quarter: q.q,
      generated_at: `${q.from}T00:05:00.000Z`,
      generated_by: null,
    })),
  );
  await insertBatches(db, 'inspection_plans', planRows, 500);
  const items = defaultChecklist.items;
  const inspections: Record<string, unknown>[] = [];
  for (const q of QUARTERS) {
    const isCurrent = q.q === '2026-Q4';
    for (const studio of studios) {
      if (inspections.length >= SUPERVISION_SIZES.inspections) break;
      const where = streetOf(studio.unit_id);
      const roster = rosterOf.get(where.streetId) ?? [];
      const supervisor = roster[studio.id % roster.length];
      if (!supervisor) continue;
      const done = isCurrent ? r() < 0.5 : r() < 0.97;
      const cancelled = !done && !isCurrent && r() < 0.5;
      const visited = `${plus(q.from, Math.floor(r() * 80))}T02:30:00.000Z`;
      const ratings = items.map((it) => ({
        code: it.code,
        rating: pick(['A', 'A', 'A', 'B', 'C'] as const),
        note: '',
      }));
      const total = done ? Math.round(600 + r() * 400) / 10 : null;
      inspections.push({
        quarter: q.q,
        round: 1,
        studio_id: studio.id,
        unit_id: studio.unit_id,
        street_id: where.streetId,
        supervisor_id: supervisor.id,
        status: done ? 'submitted' : cancelled ? 'cancelled' : 'planned',
        due_on: q.due,
        checklist_version: done ? 1 : null,
        ratings_json: done ? JSON.stringify(ratings) : null,
        total,
        visited_at: done ? visited : null,
        lng: null,
        lat: null,
        idempotency_key: done ? `bench-${q.q}-${studio.id}` : null,
        submitted_by: done ? supervisor.account_id : null,
        submitted_at: done ? visited : null,
        corrected_at: null,
        cancel_reason: cancelled ? '工作室暂停服务' : null,
        created_at: `${q.from}T00:05:00.000Z`,
        updated_at: done ? visited : `${q.from}T00:05:00.000Z`,
      });
    }
  }
  await insertBatches(db, 'inspections', inspections, 500);

  return {
    letters: letters.length,
    inspections: inspections.length,
    supervisors: supervisorRows.length,
    quarterLetters,
    quarterStreets: { root: quarterStreets.root.size, district: quarterStreets.district.size },
    streetOpenLetters,
  };
}
