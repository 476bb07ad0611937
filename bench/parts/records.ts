// Records: POST /api/records by one member, every request with a fresh Idempotency-Key, then a
// check that every acknowledged record is on disk once and nothing else was written.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { call, login } from '../http.ts';
import type { Target } from '../measure.ts';
import type { ProvinceMeta } from '../province.ts';
import { track, type Server } from '../servers.ts';
import { CONNECTIONS, FSYNC, log, n0, NEW_DURATION } from '../settings.ts';

type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

/** A direct reader of the run's database (the records check). */
function databaseReader(engine: 'sqlite' | 'postgres', where: string): { query: Query; close: () => Promise<void> } {
  if (engine === 'sqlite') {
    // A read-only connection beside the server's: WAL lets it read while the server writes.
    const db = new DatabaseSync(where, { readOnly: true });
    return {
      query: async (text) => db.prepare(text).all() as Array<Record<string, unknown>>,
      close: async () => db.close(),
    };
  }
  const client = new pg.Client({ connectionString: where });
  const connected = client.connect();
  return {
    query: async (text) => {
      await connected;
      return (await client.query<Record<string, unknown>>(text)).rows;
    },
    close: async () => {
      await connected.catch(() => undefined);
      await client.end();
    },
  };
}

/** What the records part needs of the run. */
export interface RecordsContext {
  huimin: Server;
  meta: ProvinceMeta;
  engine: 'sqlite' | 'postgres';
  runDir: string;
  started: Date;
}

/** The records check: 2xx answers against rows written. */
export interface RecordsCheck {
  ok2xx: number;
  rows: number;
  distinctKeys: number;
  lost: number;
  doubled: number;
  unacknowledged: number;
  ok: boolean;
  fsync: { calls: number; records: number } | null;
}

/**
 * The records target, after one checked submission and its retry. Each run sends a fixed
 * number of requests (about NEW_DURATION seconds' worth at the last rate seen), so every
 * request sent is answered and the rows written can be matched with the 2xx answers exactly;
 * `verify` does that matching once the measurements are done.
 */
export async function recordsTarget({ huimin, meta, engine, runDir, started }: RecordsContext): Promise<{
  target: Target;
  verify: (dbWhere: string) => Promise<RecordsCheck>;
}> {
  const port = huimin.port;
  const huiminUrl = (path: string) => `http://127.0.0.1:${port}${path}`;
  const s = meta.services;
  const acked = new Set<string>();
  /** With BENCH_FSYNC=1: the server's fsync calls during the records measurements, and the records they wrote. */
  const fsync = { calls: 0, records: 0 };
  let ok2xx = 0;
  if (FSYNC && engine === 'postgres')
    log(
      "BENCH_FSYNC counts the Node process's fsync calls; on PostgreSQL the database's own processes flush, so it is skipped",
    );
  const member = await login(port, meta.accounts.member, meta.accounts.password);
  const runTag = started.getTime().toString(36);
  const body = () =>
    JSON.stringify({
      studioId: s.recordStudio.id,
      servedAt: new Date().toISOString(),
      durationMinutes: 60,
      groups: ['elderly'],
      categoryId: s.recordStudio.categoryId,
      mode: 'home',
      content: '上门为独居老人测量血压，讲解慢性病用药常识。',
      personTimes: 1,
    });
  const headers = { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': 'application/json' };
  // One checked submission, and its retry: the same key must give back the same record.
  const key = `bench-${runTag}-check`;
  const first = await call(port, 'POST', '/api/records', { ...headers, 'idempotency-key': key }, body());
  const again = await call(port, 'POST', '/api/records', { ...headers, 'idempotency-key': key }, body());
  const firstId = first.status === 201 ? (JSON.parse(first.text) as { id: number }).id : null;
  if (first.status !== 201 || again.status !== 200 || (JSON.parse(again.text) as { id: number }).id !== firstId) {
    throw new Error(
      `record submission answered ${first.status} then ${again.status} on retry: ${first.text.slice(0, 300)}`,
    );
  }
  acked.add(key);
  ok2xx += 1;
  let rate = 0;
  let seq = 0;
  let strace: { child: ChildProcess; file: string } | null = null;
  const target: Target = {
    id: 'records',
    part: 'records',
    label: `POST records (durable, group commit; ${n0(CONNECTIONS)} conn., one member)`,
    server: huimin,
    spec: { url: huiminUrl('/api/records'), method: 'POST', headers, body: body() },
    duration: NEW_DURATION,
    prepare: async (round, duration) => {
      const amount =
        rate > 0 ? Math.min(500_000, Math.max(CONNECTIONS * 10, Math.round(rate * duration))) : CONNECTIONS * 20;
      const ackFile = join(runDir, `records-ack-${++seq}.txt`);
      if (FSYNC && engine === 'sqlite' && round > 0) {
        const file = join(runDir, `strace-${seq}.txt`);
        strace = {
          child: track(
            spawn('strace', ['-c', '-f', '-e', 'trace=fsync,fdatasync', '-p', String(huimin.child.pid), '-o', file], {
              stdio: 'ignore',
            }),
          ),
          file,
        };
        await new Promise((r) => setTimeout(r, 500));
      }
      return {
        url: huiminUrl('/api/records'),
        method: 'POST',
        headers,
        body: body(),
        amount,
        uniqueHeader: { name: 'idempotency-key', prefix: `bench-${runTag}-${seq}`, ackFile },
      };
    },
    after: async (m, spec) => {
      rate = m.reqPerSec;
      ok2xx += m.ok2xx;
      const file = spec.uniqueHeader?.ackFile;
      if (file) for (const k of readFileSync(file, 'utf8').split('\n')) if (k) acked.add(k);
      if (strace) {
        const { child, file: out } = strace;
        strace = null;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
        // strace -c: "% time  seconds  usecs/call  calls  [errors]  syscall"
        for (const line of existsSync(out) ? readFileSync(out, 'utf8').split('\n') : []) {
          const cols = line.trim().split(/\s+/);
          if (cols.at(-1) === 'fsync' || cols.at(-1) === 'fdatasync') fsync.calls += Number(cols[3] ?? 0);
        }
        fsync.records += m.ok2xx;
      }
    },
  };

  const verify = async (dbWhere: string): Promise<RecordsCheck> => {
    // Every acknowledged record is on disk once, and nothing was written that was not acknowledged.
    await new Promise((r) => setTimeout(r, 500));
    const reader = databaseReader(engine, dbWhere);
    try {
      const rows = await reader.query(
        // This run's keys only: the data set's own service history has records by the same member.
        `select r.idempotency_key as k from service_records r join accounts a on a.id = r.author_id where a.username = '${meta.accounts.member}' and r.idempotency_key like 'bench-${runTag}-%'`,
      );
      const keys = rows.map((r) => String(r.k));
      const distinct = new Set(keys);
      const lost = [...acked].filter((k) => !distinct.has(k)).length;
      const unacknowledged = [...distinct].filter((k) => !acked.has(k)).length;
      const doubled = keys.length - distinct.size;
      const ok = keys.length === ok2xx && lost === 0 && doubled === 0 && unacknowledged === 0;
      const line = `records check: ${n0(ok2xx)} 2xx answers, ${n0(keys.length)} rows in service_records (${n0(distinct.size)} distinct keys): lost ${lost}, doubled ${doubled}, written but not acknowledged ${unacknowledged} — ${ok ? 'OK' : 'MISMATCH'}`;
      console.log(`\n${line}`);
      if (fsync.records > 0)
        console.log(
          `records fsync (strace, BENCH_FSYNC=1): ${n0(fsync.calls)} fsync calls for ${n0(fsync.records)} records, ${(fsync.calls / fsync.records).toFixed(2)} per record (group commit would make this well under 1)`,
        );
      return {
        ok2xx,
        rows: keys.length,
        distinctKeys: distinct.size,
        lost,
        doubled,
        unacknowledged,
        ok,
        fsync: fsync.records > 0 ? fsync : null,
      };
    } finally {
      await reader.close();
    }
  };
  return { target, verify };
}
