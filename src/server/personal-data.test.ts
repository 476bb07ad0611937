import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/test-app.ts';

/**
 * Personal data in every GET response (issue 9, finding 7): each role, and an anonymous caller,
 * walks every GET operation of the OpenAPI document with the fixture's ids in its path, once
 * without a query and once searching for the fixture by name, and no answer may carry the
 * fixture's plaintext phone or ID number (only the audited contact route reveals them), nor its
 * name to a role that has no business with the registry.
 */
const PHONE = '13987650123';
const ID_NUMBER = '350802199003071232';
const NAME = '隐私测验员';

type Caller = 'admin' | 'xicheng' | 'xixing' | 'zhangwanzhen' | 'jiandu' | 'anonymous';
/** Who may read the fixture's name: the party organisations above its community. */
const mayReadName: ReadonlySet<Caller> = new Set(['admin', 'xicheng', 'xixing']);
/** Binary documents are rendered from the same presenters; their text is checked in their own tests. */
const binary = /\.(pdf|xlsx|docx)$|\/qr\.svg$/;

let t: TestApp;
const clients = new Map<Caller, Client | null>();
let ids: number[] = [];
let getPaths: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const community = await t.login('xixing');
  const created = await community.post('/api/volunteers', {
    kind: 'talent',
    name: NAME,
    phone: PHONE,
    idNumber: ID_NUMBER,
    unitId: await t.unitId('350802003004'),
    profession: '会计',
  });
  expect(created.statusCode).toBe(201);
  const volunteerId = (created.json() as { id: number }).id;
  const studio = await t.db
    .selectFrom('studios')
    .select(['id', 'unit_id'])
    .where('name', '=', '婉珍文艺专业服务室')
    .executeTakeFirstOrThrow();
  ids = [volunteerId, studio.id, studio.unit_id, await t.unitId('350802003004')];
  for (const who of ['admin', 'xicheng', 'xixing', 'zhangwanzhen', 'jiandu'] as const)
    clients.set(who, await t.login(who));
  clients.set('anonymous', null);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  getPaths = Object.entries(doc.paths)
    .filter(([path, ops]) => 'get' in ops && !binary.test(path) && !path.startsWith('/api/docs'))
    .map(([path]) => path);
});
afterAll(() => t.close());

/** Every URL the walk asks: each fixture id in every path parameter, without and with a search for the name. */
function urlsOf(path: string): string[] {
  const filled = /\{\w+\}/.test(path) ? ids.map((id) => path.replace(/\{\w+\}/g, String(id))) : [path];
  return filled.flatMap((url) => [url, `${url}?q=${encodeURIComponent(NAME)}`]);
}

describe('personal data in GET responses, for every role', () => {
  it('walks enough of the API to mean something', () => {
    expect(getPaths.length).toBeGreaterThan(60);
  });

  it('the fixture is found by the organisations (the walk would see a leak)', async () => {
    const res = await clients.get('xixing')?.get(`/api/volunteers?q=${encodeURIComponent(NAME)}`);
    expect(res?.statusCode).toBe(200);
    expect(res?.body).toContain(NAME);
    expect(res?.body).not.toContain(PHONE);
  });

  for (const caller of ['admin', 'xicheng', 'xixing', 'zhangwanzhen', 'jiandu', 'anonymous'] as const) {
    it(`shows ${caller} no plaintext phone or ID number${mayReadName.has(caller) ? '' : ', and not the name'}`, async () => {
      const client = clients.get(caller);
      const leaks: string[] = [];
      for (const path of getPaths) {
        for (const url of urlsOf(path)) {
          const res = client ? await client.get(url) : await t.app.inject({ method: 'GET', url });
          if (res.statusCode >= 500) leaks.push(`${url}: ${res.statusCode}`);
          const body = res.body;
          // The contact route reveals them on purpose, to the organisations, and audits each read.
          const revealing = path.endsWith('/contact') && res.statusCode === 200;
          if (!revealing && body.includes(PHONE)) leaks.push(`${url}: phone`);
          if (!revealing && body.toUpperCase().includes(ID_NUMBER)) leaks.push(`${url}: ID number`);
          if (!mayReadName.has(caller) && body.includes(NAME)) leaks.push(`${url}: name`);
        }
      }
      expect(leaks).toEqual([]);
    });
  }

  it('refuses the registry to a member and a supervisor (403), list and record alike', async () => {
    for (const who of ['zhangwanzhen', 'jiandu'] as const) {
      const client = clients.get(who);
      expect((await client?.get('/api/volunteers'))?.statusCode, who).toBe(403);
      expect((await client?.get(`/api/volunteers/${ids[0]}`))?.statusCode, who).toBe(403);
    }
  });
});
