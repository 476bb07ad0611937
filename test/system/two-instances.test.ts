import pg from 'pg';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/database.ts';
import type { Database } from '../../src/db/schema.ts';
import { createStudio } from '../factories/studios.ts';
import { buildUnit } from '../factories/org-units.ts';
import { startServer, type ServerProcess } from '../server-process.ts';
import { TEST_PG_URL } from '../test-database.ts';
import { anonymous, signInAt } from './http.ts';

/**
 * Several stateless instances on one PostgreSQL is the documented path for a city or a
 * province. Two server processes share one database: what one writes the other serves
 * (its in-memory nearest-studio index and its classifier follow), and their schedulers
 * share the outbox and the reminders without doing anything twice.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dbName = `huimin_two_${process.pid}`;
const admin = () => new pg.Client({ connectionString: TEST_PG_URL });

let a: ServerProcess;
let b: ServerProcess;
let handle: DatabaseHandle;
let db: Kysely<Database>;

/** Log lines (pino JSON) of a process that match every given field. */
function logLines(server: ServerProcess, match: Record<string, string>): Array<Record<string, unknown>> {
  return server
    .output()
    .split('\n')
    .flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return Object.entries(match).every(([k, v]) => entry[k] === v) ? [entry] : [];
      } catch {
        return [];
      }
    });
}

beforeAll(async () => {
  const c = admin();
  await c.connect();
  await c.query(`drop database if exists ${dbName}`);
  await c.query(`create database ${dbName}`);
  await c.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${dbName}`;
  const env = { DATABASE_URL: url.toString(), HUIMIN_DEMO: '1', LOG_LEVEL: 'info' };
  // One after the other: the first migrates and loads the demo data, the second finds them.
  a = await startServer(env);
  b = await startServer(env);
  handle = await createDatabase({ databaseUrl: url.toString(), pgPoolSize: 2 });
  db = handle.db;
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await handle?.close();
  const c = admin();
  await c.connect();
  await c.query(`drop database if exists ${dbName}`);
  await c.end();
});

describe('two instances on one PostgreSQL database', () => {
  it('finds a plaque awarded through one in the other’s nearest-studio search within 2 s', async () => {
    // A studio under agreement in a corner of the district no other studio serves.
    const spot = { lng: 116.6, lat: 25.4 };
    const { id } = await createStudio(db, { status: 'contracted', place: 'xixing', name: '双实例测试工作室', ...spot });
    const nearestOnB = async () => {
      const res = await anonymous(() => b.url).get(
        `/api/public/nearest?lng=${spot.lng}&lat=${spot.lat}&datum=gcj02&limit=1`,
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { studios: Array<{ id: number }> }).studios[0]?.id;
    };
    // B has built its index already and the studio is not in it: it does not serve yet.
    expect(await nearestOnB()).not.toBe(id);

    const street = await signInAt(() => a.url, 'xicheng');
    const awarded = await street.post(`/api/studios/${id}/plaque`, { awardedOn: '2026-12-01' });
    expect(awarded.status, await awarded.clone().text()).toBe(200);
    const at = performance.now();
    let seenAfter = -1;
    while (performance.now() - at < 5_000) {
      if ((await nearestOnB()) === id) {
        seenAfter = performance.now() - at;
        break;
      }
      await sleep(50);
    }
    console.log(`plaque awarded on A: found by B's nearest-studio search after ${Math.round(seenAfter)} ms`);
    expect(seenAfter).toBeGreaterThanOrEqual(0);
    expect(seenAfter).toBeLessThan(2_000);
  });

  it('lets a classifier correction made on one change the other’s suggestions', async () => {
    const text = '小区里有件事想请人来看看怎么处理';
    const unitId = (
      await db.selectFrom('org_units').select('id').where('code', '=', '350802003004').executeTakeFirstOrThrow()
    ).id;
    const onA = await signInAt(() => a.url, 'xixing');
    const onB = await signInAt(() => b.url, 'xixing');
    type Suggestion = { categoryId: number | null; ranking: Array<{ categoryId: number; p: number }> };
    const suggested = async (on: typeof onA) =>
      (await (await on.post('/api/needs/classify', { text })).json()) as Suggestion;
    const before = await suggested(onB);
    // Staff on A file the text under a category the model ranks low.
    const target = before.ranking.at(-1)?.categoryId ?? 0;
    const pOf = (s: Suggestion) => s.ranking.find((r) => r.categoryId === target)?.p ?? 0;

    const recorded = await onA.post('/api/needs', { unitId, channel: 'visit', recordedOn: '2026-12-01', text });
    expect(recorded.status).toBe(201);
    const needId = ((await recorded.json()) as { need: { id: number } }).need.id;
    const corrected = await onA.put(`/api/needs/${needId}/category`, { categoryId: target });
    expect(corrected.status).toBe(200);

    const afterOnB = await suggested(onB);
    console.log(
      `classifier: p(target) on B ${pOf(before).toFixed(3)} -> ${pOf(afterOnB).toFixed(3)}, top ${before.categoryId} -> ${afterOnB.categoryId}`,
    );
    expect(pOf(afterOnB)).toBeGreaterThan(pOf(before));
    // B learned exactly what A learned: both rank the text the same way.
    expect(afterOnB).toEqual(await suggested(onA));
  });

  it('sends each outbox message exactly once with both schedulers running', async () => {
    const unit = await buildUnit(db);
    const now = new Date().toISOString();
    const queued = 120;
    const ids: number[] = [];
    for (let i = 0; i < queued; i++) {
      const row = await db
        .insertInto('outbox')
        .values({
          channel: 'sms',
          template_id: 'HUIMIN_TWO_INSTANCES',
          params_json: '{}',
          recipient: `1390000${String(i).padStart(4, '0')}`,
          signature: '惠民',
          body: `双实例测试 ${i}`,
          unit_id: unit.id,
          entity: 'test',
          entity_id: String(i),
          status: 'pending',
          attempts: 0,
          next_attempt_at: now,
          last_error: null,
          provider_message_id: null,
          created_at: now,
          sent_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    const deadline = Date.now() + 30_000;
    let sent = 0;
    while (Date.now() < deadline) {
      sent = (await db.selectFrom('outbox').select('id').where('id', 'in', ids).where('status', '=', 'sent').execute())
        .length;
      if (sent === queued) break;
      await sleep(250);
    }
    expect(sent).toBe(queued);
    // Every send is one log line of the log provider; every sent row of the database, ours
    // and the demo's, was sent once: as many lines across both processes as sent rows.
    const lines = (s: ServerProcess) =>
      logLines(s, { msg: 'sms (log provider)', templateId: 'HUIMIN_TWO_INSTANCES' }).length;
    const byA = lines(a);
    const byB = lines(b);
    console.log(`outbox: ${queued} messages, sent ${byA} by A and ${byB} by B`);
    expect(byA + byB).toBe(queued);
  });

  it('runs the reminders job once per hour although both schedulers tick', async () => {
    // Each scheduler ticks a second after start; by now both have.
    const ran = [
      ...logLines(a, { msg: 'job ran', job: 'reminders' }),
      ...logLines(b, { msg: 'job ran', job: 'reminders' }),
    ];
    const periods = (await db.selectFrom('job_runs').select('period').where('job', '=', 'reminders').execute()).map(
      (r) => r.period,
    );
    console.log(`reminders: ${ran.length} run(s) across both instances for periods ${periods.join(', ')}`);
    expect(periods.length).toBeGreaterThanOrEqual(1);
    expect(ran.map((r) => r.period).sort()).toEqual([...periods].sort());
    for (const s of [a, b]) expect(logLines(s, { msg: 'job failed' })).toEqual([]);
    const reminders = await db.selectFrom('reminders').select(['studio_id', 'kind', 'due']).execute();
    expect(new Set(reminders.map((r) => `${r.studio_id}|${r.kind}|${r.due}`)).size).toBe(reminders.length);
  });
});
