import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { LetterTable } from '../schema-mailbox.ts';
import { addCalendarDays } from '../../domain/mailbox/calendar.ts';
import {
  deadlinesAtReceipt,
  defaultMailboxSettings,
  nextDueOf,
  overdueState,
  ratingDueOf,
  type Finding,
  type HandledLetterType,
  type LetterType,
  type Verdict,
} from '../../domain/mailbox/letters.ts';
import type { LetterStatus } from '../../domain/mailbox/lifecycle.ts';
import { workCalendar } from '../work-calendar.ts';
import { addDaysIso } from './dates.ts';

/** One step of a demo letter's history, some days after it arrived. */
type Step =
  | { action: 'assign' | 'acknowledge'; day: number; note?: string }
  | { action: 'reply' | 'replyAgain'; day: number; note: string }
  | { action: 'rate' | 'rateAgain'; day: number; verdict: Verdict; note?: string }
  | { action: 'rule'; day: number; finding: Finding; note: string };

export interface DemoLetter {
  code: string;
  type: LetterType;
  studio?: string;
  unitCode?: string;
  text: string;
  writer?: { name: string; phone: string };
  /** Calendar days before the seed's time that it arrived. */
  daysAgo: number;
  steps: Step[];
  forwarded?: boolean;
}

/** Letters in several states, so the street's queue, the district's view and the 三率 are not empty. */
const letters: DemoLetter[] = [
  {
    code: 'XLWZTS22',
    type: 'complaint',
    studio: '婉珍文艺专业服务室',
    text: '婉珍文艺专业服务室公示每周六上午开放书法课，但近两周周六上午都没有人，希望能按公示的时间开放。',
    writer: { name: '陈丽萍', phone: '13705970021' },
    daysAgo: 3,
    steps: [
      { action: 'assign', day: 0 },
      { action: 'acknowledge', day: 1, note: '已受理，将走访工作室和社区核实' },
    ],
  },
  {
    code: 'XLXXJY23',
    type: 'suggestion',
    unitCode: '350802003004',
    text: '建议在西兴社区增设周末的法律咨询服务，上班族平时没有时间。',
    daysAgo: 1,
    steps: [],
  },
  {
    code: 'XLWZBY24',
    type: 'praise',
    studio: '婉珍文艺专业服务室',
    text: '张婉珍老师每周义务教广场舞和书法，耐心细致，社区老人都很喜欢，特此表扬。',
    writer: { name: '刘建华', phone: '13705970022' },
    daysAgo: 20,
    steps: [
      { action: 'assign', day: 0 },
      { action: 'acknowledge', day: 1 },
      { action: 'reply', day: 4, note: '感谢您的肯定，已转达工作室，并在社区宣传栏予以表扬。' },
      { action: 'rate', day: 5, verdict: 'satisfied' },
    ],
  },
  {
    code: 'XLLFTS25',
    type: 'complaint',
    studio: '来发医疗卫生专业服务室',
    text: '电话预约上门测血压，等了一周没有人来，老人行动不便。',
    writer: { name: '黄美珍', phone: '13705970023' },
    daysAgo: 6,
    steps: [
      { action: 'assign', day: 0 },
      { action: 'acknowledge', day: 0 },
      { action: 'reply', day: 3, note: '经核实，蒋医生近期住院，已安排社区卫生服务站医生上门，并调整预约方式。' },
    ],
  },
  {
    code: 'XLXCTS26',
    type: 'complaint',
    unitCode: '350802003001',
    text: '社区党群服务中心的便民服务卡上留的电话一直打不通。',
    daysAgo: 12,
    steps: [],
  },
  {
    code: 'XLJJKS27',
    type: 'accusation',
    studio: '婉珍文艺专业服务室',
    text: '反映有人以工作室名义向参加培训的群众推销商品，请予查处。',
    daysAgo: 8,
    steps: [],
    forwarded: true,
  },
  {
    code: 'XLWZJY28',
    type: 'suggestion',
    studio: '婉珍文艺专业服务室',
    text: '建议书法课分初级班和提高班，现在新老学员一起上，进度跟不上。',
    writer: { name: '吴志明', phone: '13705970024' },
    daysAgo: 15,
    steps: [
      { action: 'assign', day: 0 },
      { action: 'acknowledge', day: 1 },
      { action: 'reply', day: 5, note: '已与工作室沟通，下月起尝试分班教学。' },
      { action: 'rate', day: 6, verdict: 'unsatisfied', note: '希望给出具体时间' },
    ],
  },
];

const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

const toStatus: Record<Step['action'], LetterStatus> = {
  assign: 'assigned',
  acknowledge: 'acknowledged',
  reply: 'replied',
  replyAgain: 'second_replied',
  rate: 'closed',
  rateAgain: 'closed',
  rule: 'closed',
};

/** Loads the demo letters with their timelines, as the street would have handled them up to `at`. */
export async function loadDemoLetters(db: Kysely<Database>, at: string): Promise<void> {
  await insertDemoLetters(db, at, letters);
}

/** Inserts letters with their timelines up to `at` (a second 不满意 on a complaint goes to review; `rule` is the district's). */
export async function insertDemoLetters(db: Kysely<Database>, at: string, specs: DemoLetter[]): Promise<void> {
  const today = chinaDay(at);
  const calendar = workCalendar();
  const settings = defaultMailboxSettings;
  const unitBy = async (code: string) =>
    db.selectFrom('org_units').select(['id', 'parent_id']).where('code', '=', code).executeTakeFirstOrThrow();
  const studioBy = async (name: string) =>
    db.selectFrom('studios').select(['id', 'unit_id']).where('name', '=', name).executeTakeFirstOrThrow();
  const handlers = new Map(
    (
      await db
        .selectFrom('accounts')
        .select(['id', 'unit_id', 'username', 'display_name'])
        .where('role', '=', 'street_admin')
        .execute()
    ).map((a) => [a.unit_id, a]),
  );

  // The ruling is the district's: someone other than the street's handler.
  const reviewer = await db
    .selectFrom('accounts')
    .select(['id', 'username'])
    .where('role', '=', 'district_admin')
    .executeTakeFirst();
  for (const spec of specs) {
    const studio = spec.studio ? await studioBy(spec.studio) : undefined;
    const unit = spec.unitCode ? await unitBy(spec.unitCode) : undefined;
    const unitId = studio?.unit_id ?? unit?.id ?? 0;
    const streetId =
      (await db.selectFrom('org_units').select('parent_id').where('id', '=', unitId).executeTakeFirstOrThrow())
        .parent_id ?? 0;
    const handler = handlers.get(streetId);
    const createdAt = addDaysIso(at, -spec.daysAgo);
    const receivedOn = chinaDay(createdAt);
    const handled: HandledLetterType = spec.type === 'accusation' ? 'complaint' : spec.type;
    const d = deadlinesAtReceipt(receivedOn, handled, settings, calendar);
    const row: Insertable<LetterTable> = {
      tracking_code: spec.code,
      type: spec.type,
      status: 'received',
      studio_id: studio?.id ?? null,
      unit_id: unitId,
      street_id: streetId,
      text: spec.text,
      writer_name: spec.writer?.name ?? null,
      writer_phone: spec.writer?.phone ?? null,
      sender_hash: `demo-${spec.code}`,
      handler_id: null,
      round: 1,
      received_on: receivedOn,
      ack_days: d.ackDays,
      reply_from: receivedOn,
      reply_days: d.replyDays,
      extension_days: 0,
      extension_reason: null,
      extension_round: null,
      ack_due: d.ackDue,
      reply_due: d.replyDue,
      next_due: null,
      rating_due: null,
      acknowledged_on: null,
      first_verdict: null,
      verdict: null,
      finding: null,
      finding_reason: null,
      ruled_by: null,
      closure: null,
      forwarded_to: null,
      forwarded_on: null,
      overdue_on: null,
      escalated_on: null,
      created_at: createdAt,
      updated_at: createdAt,
      closed_at: null,
    };
    const events: Array<{
      action: string;
      from: LetterStatus | null;
      to: LetterStatus;
      at: string;
      note: string | null;
      staff: boolean;
      by?: { id: number; username: string } | undefined;
    }> = [{ action: 'write', from: null, to: 'received', at: createdAt, note: null, staff: false }];
    let status: LetterStatus = 'received';
    for (const step of spec.steps) {
      const stepAt = addDaysIso(createdAt, step.day);
      const stepDay = chinaDay(stepAt);
      let to = toStatus[step.action];
      if (step.action === 'assign') row.handler_id = handler?.id ?? null;
      if (step.action === 'acknowledge') row.acknowledged_on = stepDay;
      if (step.action === 'reply' || step.action === 'replyAgain') row.rating_due = ratingDueOf(stepDay, settings);
      if (step.action === 'rule') {
        row.finding = step.finding;
        row.finding_reason = step.note;
        row.ruled_by = reviewer?.id ?? null;
        row.closure = 'ruled';
        row.closed_at = stepAt;
      }
      if (step.action === 'rate' || step.action === 'rateAgain') {
        if (step.action === 'rate') row.first_verdict = step.verdict;
        row.verdict = step.verdict;
        if (step.verdict === 'unsatisfied' && step.action === 'rateAgain' && spec.type === 'complaint') {
          to = 'under_review';
          row.rating_due = null;
        } else if (step.verdict === 'unsatisfied' && step.action === 'rate') {
          to = 'reopened';
          row.round = 2;
          row.reply_from = stepDay;
          row.rating_due = null;
          row.reply_due = deadlinesAtReceipt(stepDay, handled, settings, calendar).replyDue;
        } else {
          row.closure = 'rated';
          row.closed_at = stepAt;
        }
      }
      const note =
        'note' in step ? (step.note ?? null) : step.action === 'assign' ? (handler?.display_name ?? null) : null;
      events.push({
        action: step.action,
        from: status,
        to,
        at: stepAt,
        note,
        staff: !step.action.startsWith('rate'),
        ...(step.action === 'rule' ? { by: reviewer } : {}),
      });
      status = to;
      row.updated_at = stepAt;
    }
    if (spec.forwarded) {
      row.forwarded_to = settings.disciplineBody;
      row.forwarded_on = receivedOn;
      row.closure = 'forwarded';
      row.closed_at = createdAt;
      events.push({
        action: 'forward',
        from: 'received',
        to: 'closed',
        at: createdAt,
        note: settings.disciplineBody,
        staff: false,
      });
      status = 'closed';
    }
    row.status = status;
    row.next_due = nextDueOf(status, row.ack_due, row.reply_due);
    if (row.next_due !== null) {
      const state = overdueState(row.next_due, today, settings.escalateAfterDays, calendar);
      const flag = (action: 'overdue' | 'escalate', day: string) =>
        events.push({
          action,
          from: status,
          to: status,
          at: `${day}T01:00:00.000Z`,
          note: row.next_due ?? null,
          staff: false,
        });
      if (state.overdue) {
        row.overdue_on = addCalendarDays(row.next_due, 1);
        flag('overdue', row.overdue_on);
      }
      if (state.escalate) {
        row.escalated_on = addCalendarDays(state.escalationDay, 1);
        flag('escalate', row.escalated_on);
      }
    }
    const { id } = await db.insertInto('letters').values(row).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('letter_events')
      .values(
        events.map((e) => ({
          letter_id: id,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          actor_id: e.staff ? ((e.by ?? handler)?.id ?? null) : null,
          actor_name: e.staff
            ? ((e.by ?? handler)?.username ?? null)
            : ['forward', 'overdue', 'escalate'].includes(e.action)
              ? 'system'
              : null,
          note: e.note,
          at: e.at,
        })),
      )
      .execute();
  }
}
