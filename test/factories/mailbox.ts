// The supervision mailbox's test support: letters written through the public API as residents
// write them, and `buildLetter` to put one straight into any state of its lifecycle.
import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import type { LetterType } from '../../src/domain/mailbox/letters.ts';
import type { LetterStatus } from '../../src/domain/mailbox/lifecycle.ts';
import { signIn, type TestApp } from '../test-app.ts';
import { buildAccount } from './accounts.ts';
import { BUILT_AT, type Db } from './common.ts';
import { buildUnit } from './org-units.ts';

let ipSeq = 0;
let letterSeq = 0;
let phoneSeq = 0;

/** A fresh client address, so one test's letters never count against another's rate limit. */
export const freshIp = () => `10.20.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}`;
/** A fresh mobile number. */
export const freshPhone = () => `1380000${String(++phoneSeq).padStart(4, '0')}`;

/** The id of the seeded 婉珍文艺专业服务室 (active, in 西兴社区 of 西城街道). */
export async function wanzhenStudioId(t: TestApp): Promise<number> {
  return (
    await t.db.selectFrom('studios').select('id').where('name', '=', '婉珍文艺专业服务室').executeTakeFirstOrThrow()
  ).id;
}

/** The id of the seeded 来发医疗卫生专业服务室 (active, in 中城街道). */
export async function laifaStudioId(t: TestApp): Promise<number> {
  return (
    await t.db.selectFrom('studios').select('id').where('name', '=', '来发医疗卫生专业服务室').executeTakeFirstOrThrow()
  ).id;
}

/** Writes a letter through the public API, as a resident at a fresh address unless told otherwise. */
export function postLetter(
  t: TestApp,
  body: Record<string, unknown>,
  opts: { ip?: string; lang?: string } = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/api/public/letters',
    payload: body,
    remoteAddress: opts.ip ?? freshIp(),
    headers: opts.lang ? { 'accept-language': opts.lang } : {},
  });
}

/** A complaint about 婉珍文艺专业服务室 from a named writer with a phone; answers its tracking code and id. */
export async function complaintAboutWanzhen(
  t: TestApp,
  over: Record<string, unknown> = {},
): Promise<{ code: string; id: number; phone: string }> {
  const phone = freshPhone();
  const res = await postLetter(t, {
    type: 'complaint',
    studioId: await wanzhenStudioId(t),
    text: `工作室公示周六上午开放，但最近三周周六都没有开门，群众白跑。（第 ${++letterSeq} 次反映）`,
    writerName: '王秀兰',
    writerPhone: phone,
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`letter not written: ${res.statusCode} ${res.body}`);
  const code = (res.json() as { trackingCode: string }).trackingCode;
  return { code, id: await letterIdOf(t, code), phone };
}

/** A letter's id by its tracking code. */
export async function letterIdOf(t: TestApp, code: string): Promise<number> {
  return (await t.db.selectFrom('letters').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Rates a letter by tracking code, as its writer. */
export function rate(t: TestApp, code: string, verdict: string, lang?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/letters/${code}/rating`,
    payload: { verdict },
    headers: lang ? { 'accept-language': lang } : {},
  });
}

let staffSeq = 0;
/** A second street admin of 西城街道 (another member of its staff), signed in. */
export async function anotherXichengAdmin(t: TestApp) {
  const admin = await t.login('admin');
  const username = `xicheng_staff${++staffSeq}`;
  const res = await admin.post('/api/accounts', {
    username,
    displayName: `西城街道党工委干部${staffSeq}`,
    password: 'Strong#Pass1',
    role: 'street_admin',
    unitId: await t.unitId('350802003000'),
  });
  if (res.statusCode !== 201) throw new Error(`account not created: ${res.statusCode} ${res.body}`);
  const id = (res.json() as { id: number }).id;
  return { id, client: await signIn(t.app, username, 'Strong#Pass1') };
}

/** A JPEG with EXIF (author, copyright, GPS position) as a phone would send it, as base64. */
export async function jpegWithExifBase64(width = 1600, height = 1200): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 180, g: 40, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: '王秀兰', Copyright: 'Huawei P60', Make: 'HUAWEI' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '25/1 5/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 1/1 0/1' },
    })
    .toBuffer();
  return `data:image/jpeg;base64,${bytes.toString('base64')}`;
}

/** Who a letter belongs to. Each one missing is built: a community (under a fresh street), a street admin of that street. */
export interface LetterParents {
  /** The community it is about; its street runs it. */
  unitId?: number;
  /** The street staff member who handles it (an owner: `own` rules apply to them); none while received. */
  handlerId?: number;
}

/** What a test may fix of a built letter; everything else gets a valid default. */
export interface LetterOptions extends LetterParents {
  /** Received by default. */
  status?: LetterStatus;
  /** A complaint by default. */
  type?: LetterType;
  /** With one small JPEG. */
  photo?: boolean;
}

/** A built letter: its id, the writer's tracking code, its photo, and where it sits. */
export interface BuiltLetter {
  id: number;
  code: string;
  photoId: number | null;
  unitId: number;
  streetId: number;
  handlerId: number | null;
}

/** Tracking codes of built letters are derived from their id, so a test can name them. */
export const fixtureLetterCode = (id: number) =>
  `LT${String(id).padStart(6, '0')}`.replace(/[01]/g, (d) => (d === '0' ? 'Z' : 'Y'));

/**
 * Puts a letter straight into a state, for tests that start mid-lifecycle: received on the
 * test clock's day with the default deadlines, acknowledged and in its second round when the
 * state implies it, handled from assigned on.
 */
export async function buildLetter(db: Db, o: LetterOptions = {}): Promise<BuiltLetter> {
  const status = o.status ?? 'received';
  const unitId = o.unitId ?? (await buildUnit(db)).id;
  const unit = await db.selectFrom('org_units').select('parent_id').where('id', '=', unitId).executeTakeFirstOrThrow();
  const streetId = unit.parent_id ?? unitId;
  const handlerId =
    status === 'received'
      ? null
      : (o.handlerId ?? (await buildAccount(db, { role: 'street_admin', unitId: streetId })).id);
  const round = ['reopened', 'second_replied', 'under_review'].includes(status) ? 2 : 1;
  const pending = ['received', 'assigned'].includes(status)
    ? 'ack'
    : ['acknowledged', 'reopened'].includes(status)
      ? 'reply'
      : null;
  const { id } = await db
    .insertInto('letters')
    .values({
      tracking_code: `TMP${Math.random().toString(36).slice(2, 12)}`,
      type: o.type ?? 'complaint',
      status,
      studio_id: null,
      unit_id: unitId,
      street_id: streetId,
      text: '工作室周六上午经常不开门',
      writer_name: '王秀兰',
      writer_phone: '13800009999',
      sender_hash: 'fixture',
      handler_id: handlerId,
      round,
      received_on: '2026-11-25',
      ack_days: 2,
      reply_from: '2026-11-25',
      reply_days: 15,
      extension_days: 0,
      extension_reason: null,
      extension_round: null,
      ack_due: '2026-11-27',
      reply_due: '2026-12-16',
      next_due: pending === 'ack' ? '2026-11-27' : pending === 'reply' ? '2026-12-16' : null,
      rating_due: ['replied', 'second_replied'].includes(status) ? '2026-12-05' : null,
      acknowledged_on: pending === 'ack' ? null : '2026-11-25',
      first_verdict: round === 2 ? 'unsatisfied' : null,
      verdict: round === 2 ? 'unsatisfied' : null,
      finding: null,
      finding_reason: null,
      ruled_by: null,
      closure: status === 'closed' ? 'rated' : null,
      forwarded_to: null,
      forwarded_on: null,
      overdue_on: null,
      escalated_on: null,
      created_at: BUILT_AT,
      updated_at: BUILT_AT,
      closed_at: status === 'closed' ? BUILT_AT : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const code = fixtureLetterCode(id);
  await db.updateTable('letters').set({ tracking_code: code }).where('id', '=', id).execute();
  let photoId: number | null = null;
  if (o.photo) {
    const content = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
      .jpeg()
      .toBuffer();
    photoId = (
      await db
        .insertInto('letter_photos')
        .values({
          letter_id: id,
          position: 1,
          mime: 'image/jpeg',
          width: 8,
          height: 8,
          size: content.length,
          sha256: 'x',
          content,
          created_at: BUILT_AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  return { id, code, photoId, unitId, streetId, handlerId };
}

/** Writes a day off in the mailbox's working-day calendar (kept when it is there already). */
export async function buildDayOff(db: Db, o: { day?: string; reason?: string } = {}): Promise<{ day: string }> {
  const day = o.day ?? '2026-12-31';
  await db
    .insertInto('calendar_days_off')
    .values({ day, reason: o.reason ?? '测试休息日', created_by: null, created_at: BUILT_AT })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  return { day };
}
