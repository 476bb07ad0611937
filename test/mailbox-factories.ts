import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import { signIn, type TestApp } from './test-app.ts';

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
