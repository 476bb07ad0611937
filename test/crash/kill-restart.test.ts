import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodRow, workbookOf } from '../registry-workbook.ts';
import { startServer, type ServerProcess } from '../server-process.ts';
import { TEST_PG_URL } from '../test-database.ts';
import { signInAt, type HttpClient } from '../system/http.ts';

/**
 * Power cuts, as `kill -9` of the server: members' phones keep submitting service records
 * with idempotency keys while the process is killed at random moments and restarted; every
 * request that got no answer is retried with its key. Afterwards every acknowledged record
 * is there once with the id it was acknowledged with, no key is written twice, every record
 * has its audit entry, and the database passes its integrity check. The same for a kill
 * during a registry import's commit: all of it or none of it, never a part.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Row = Record<string, unknown>;
interface Target {
  env: Record<string, string>;
  /** Runs a read on the database (dialect-neutral SQL, `?` placeholders). */
  query(sql: string, params?: Array<string | number>): Promise<Row[]>;
  /** Problems found by the engine's own integrity check; empty when sound. */
  integrity(): Promise<string[]>;
  close(): Promise<void>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'huimin-crash-'));
  const file = join(dir, 'huimin.db');
  const open = () => new DatabaseSync(file, { readOnly: true, timeout: 5_000 });
  return {
    env: { HUIMIN_DATA_DIR: dir },
    query: async (sql, params = []) => {
      const db = open();
      try {
        return db.prepare(sql).all(...params) as Row[];
      } finally {
        db.close();
      }
    },
    integrity: async () => {
      const db = open();
      try {
        const check = (db.prepare('PRAGMA integrity_check').all() as Row[]).map((r) => String(r.integrity_check));
        const keys = (db.prepare('PRAGMA foreign_key_check').all() as Row[]).map((r) => JSON.stringify(r));
        return [...check.filter((c) => c !== 'ok'), ...keys];
      } finally {
        db.close();
      }
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(): Promise<Target> {
  const name = `huimin_crash_${process.pid}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const dir = mkdtempSync(join(tmpdir(), 'huimin-crash-'));
  const query = async (sql: string, params: Array<string | number> = []) => {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows as Row[];
  };
  return {
    env: { DATABASE_URL: url.toString(), HUIMIN_DATA_DIR: dir },
    query,
    // amcheck verifies every B-tree index of the tables written under the kills against its heap.
    integrity: async () => {
      await query('create extension if not exists amcheck');
      const indexes = await query(
        `select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
           join pg_class t on t.oid = i.indrelid join pg_am am on am.oid = c.relam
          where t.relname in ('service_records', 'audit_log', 'volunteers', 'volunteer_terms', 'imports')
            and am.amname = 'btree'`,
      );
      const problems: string[] = [];
      for (const ix of indexes) {
        try {
          await query(`select bt_index_check('${String(ix.name)}'::regclass, true)`);
        } catch (err) {
          problems.push(`${String(ix.name)}: ${(err as Error).message}`);
        }
      }
      if (indexes.length === 0) problems.push('no index was checked');
      return problems;
    },
    close: async () => {
      await client.end();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name}`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const engines = [
  { engine: 'sqlite', kills: 5, make: sqliteTarget },
  { engine: 'postgres', kills: 3, make: postgresTarget },
] as const;

describe.each(engines)('kill -9 on $engine', ({ engine, kills, make }) => {
  let target: Target;
  let server: ServerProcess;
  const url = () => server.url;

  const killAndRestart = async () => {
    server.child.kill('SIGKILL');
    await server.stop();
    server = await startServer({ ...target.env, HUIMIN_DEMO: '1', LOG_LEVEL: 'warn' });
  };
  const count = async (sql: string, params: Array<string | number> = []) =>
    Number((await target.query(sql, params))[0]?.n ?? 0);

  beforeAll(async () => {
    target = await make();
    server = await startServer({ ...target.env, HUIMIN_DEMO: '1', LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await server?.stop();
    await target?.close();
  });

  it(`loses no acknowledged service record and writes none twice across ${kills} kills`, async () => {
    const started = performance.now();
    const member = await signInAt(url, 'zhangwanzhen');
    const studioId = Number((await target.query("select id from studios where name = '婉珍文艺专业服务室'"))[0]?.id);
    const categoryId = Number(
      (await target.query('select category_id from studio_categories where studio_id = ?', [studioId]))[0]?.category_id,
    );
    expect(studioId).toBeGreaterThan(0);
    const body = {
      studioId,
      servedAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: 60,
      groups: ['elderly'],
      categoryId,
      mode: 'activity',
      content: '为社区老人开展书法体验活动',
      personTimes: 12,
    };

    const acked = new Map<string, number>();
    const retry: string[] = [];
    const refused: string[] = [];
    const tally = { sent: 0, retried: 0, created: 0, replayed: 0, unanswered: 0, serverErrors: 0 };
    let nextKey = 0;
    let generating = true;

    const submit = async (client: HttpClient, key: string) => {
      tally.sent += 1;
      try {
        const res = await client.post('/api/records', body, { 'idempotency-key': key });
        if (res.status === 200 || res.status === 201) {
          const id = ((await res.json()) as { id: number }).id;
          const earlier = acked.get(key);
          if (earlier !== undefined && earlier !== id) refused.push(`${key}: acknowledged as ${earlier}, then ${id}`);
          acked.set(key, id);
          tally[res.status === 201 ? 'created' : 'replayed'] += 1;
          return;
        }
        // 503 while the database comes back is an answer that says "not written": retry.
        if (res.status >= 500) tally.serverErrors += 1;
        else refused.push(`${key}: ${res.status} ${await res.text()}`);
        if (res.status >= 500) retry.push(key);
      } catch {
        // No answer: the process died with the request in flight. Retry with the same key.
        tally.unanswered += 1;
        retry.push(key);
        // The process is down or starting: do not spin (the restart needs the CPU).
        await sleep(250);
      }
    };
    const phone = async () => {
      while (generating || retry.length > 0) {
        const again = retry.shift();
        if (again !== undefined) tally.retried += 1;
        const key = again ?? (generating ? `crash-${engine}-${String(nextKey++).padStart(5, '0')}` : undefined);
        if (key === undefined) break;
        await submit(member, key);
      }
    };
    const phones = Array.from({ length: 8 }, () => phone());
    for (let k = 0; k < kills; k++) {
      await sleep(300 + Math.random() * 1_200);
      await killAndRestart();
    }
    await sleep(500);
    generating = false;
    await Promise.all(phones);

    // Every key sent was acknowledged in the end, each with one id.
    expect(refused).toEqual([]);
    expect(acked.size).toBe(nextKey);
    const rows = await target.query(
      "select id, idempotency_key from service_records where idempotency_key like 'crash-%'",
    );
    const stored = new Map(rows.map((r) => [String(r.idempotency_key), Number(r.id)]));
    const lost = [...acked].filter(([key, id]) => stored.get(key) !== id);
    expect(lost, 'acknowledged records lost or changed').toEqual([]);
    expect(rows.length, 'records written twice or never asked for').toBe(acked.size);
    const unaudited = await count(
      `select count(*) as n from service_records r
        where r.idempotency_key like 'crash-%'
          and (select count(*) from audit_log a where a.entity = 'serviceRecord' and a.entity_id = cast(r.id as text)) <> 1`,
    );
    expect(unaudited, 'records without exactly one audit entry').toBe(0);
    expect(await target.integrity()).toEqual([]);
    console.log(
      `${engine}: ${kills} kills, ${acked.size} records acknowledged and checked, ${JSON.stringify(tally)}, ${Math.round(
        performance.now() - started,
      )} ms`,
    );
  });

  it('commits an import whole or not at all when killed during the commit, and it runs again', async () => {
    const admin = await signInAt(url, 'xixing');
    const size = 1_000;
    const upload = async (file: Buffer) => {
      const res = await admin.upload('/api/registry/imports?filename=crash.xlsx', file, XLSX);
      expect(res.status, await res.clone().text()).toBe(202);
      return ((await res.json()) as { id: number }).id;
    };
    const statusOf = async (id: number) =>
      ((await (await admin.get(`/api/registry/imports/${id}`)).json()) as { status: string; committedRows: number })
        .status;
    const until = async (id: number, wanted: string[], ms: number) => {
      const end = Date.now() + ms;
      for (;;) {
        const s = await statusOf(id);
        if (wanted.includes(s) || Date.now() > end) return s;
        await sleep(200);
      }
    };
    const volunteers = () => count('select count(*) as n from volunteers');

    const file = await workbookOf(Array.from({ length: size }, (_, i) => goodRow(900_000 + i)));
    const before = await volunteers();
    const id = await upload(file);
    expect(await until(id, ['validated', 'failed'], 60_000)).toBe('validated');
    void admin.post(`/api/registry/imports/${id}/commit`, { mode: 'all' }).catch(() => undefined);
    await sleep(100 + Math.random() * 500);
    await killAndRestart();
    const after = await volunteers();
    expect([before, before + size], 'a part of the import was written').toContain(after);
    // Either the commit finished before the kill, or the import is freed once its heartbeat stops.
    const status = await until(id, ['committed', 'failed'], 30_000);
    const landed = `${status} (${after - before} rows written)`;
    if (status === 'committed') expect(after).toBe(before + size);
    else {
      expect(status).toBe('failed');
      expect(after).toBe(before);
      const again = await upload(file);
      expect(await until(again, ['validated', 'failed'], 60_000)).toBe('validated');
      const committed = await admin.post(`/api/registry/imports/${again}/commit`, { mode: 'all' });
      expect(committed.status, await committed.clone().text()).toBe(200);
      expect(await volunteers()).toBe(before + size);
    }
    console.log(`${engine}: import of ${size} rows killed during its commit: ${landed}`);
    expect(await target.integrity()).toEqual([]);
  });
});
