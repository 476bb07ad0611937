/**
 * `npm run bench`: Huimin's read and login endpoints on a whole-province data set, against a bare
 * Fastify control measured in the same run, interleaved (control, endpoint, control, endpoint, …).
 * See bench/README.md.
 *
 *   npm run bench                                                   # SQLite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # PostgreSQL (database huimin_bench)
 *
 * Knobs (environment): BENCH_ROUNDS (3), BENCH_DURATION seconds per measurement (5),
 * BENCH_WARMUP seconds per target (2), BENCH_CONNECTIONS (50).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './load.ts';
import { DATA_DIR, dropPostgresBench, postgresProvince, sqliteProvince, type ProvinceMeta } from './province.ts';

const benchDir = import.meta.dirname;
const repoDir = join(benchDir, '..');
const resultsDir = join(benchDir, 'results');

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const ROUNDS = int('BENCH_ROUNDS', 3);
const DURATION = int('BENCH_DURATION', 5);
const WARMUP = int('BENCH_WARMUP', 2);
const CONNECTIONS = int('BENCH_CONNECTIONS', 50);
/** The whole run is killed after this long, children included. */
const DEADLINE_MS = int('BENCH_DEADLINE_S', 300) * 1000;

const log = (s: string) => console.log(`[bench] ${s}`);

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and killed on the way out, whatever happens.

interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last lines it printed, to show when it fails. */
  tail: string[];
}

const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopChild));
}

/** What to undo besides the children (the run directory, the PostgreSQL database); run once. */
let cleanup: (() => Promise<void>) | null = null;
async function cleanUp(): Promise<void> {
  await stopAll();
  const c = cleanup;
  cleanup = null;
  await c?.();
}

process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Starts a server process and waits for the line that names its port. */
function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Server> {
  const child = track(spawn(process.execPath, args, { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 30 s:\n${tail.join('\n')}`)), 30_000);
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        const m = ready.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve({ name, child, port: Number(m[1]), tail });
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${tail.join('\n')}`));
    });
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc; null where there is none. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the command name; clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Load

interface Target {
  id: string;
  label: string;
  server: Server;
  spec: Omit<LoadSpec, 'connections' | 'duration'>;
}

interface Measurement extends LoadResult {
  target: string;
  round: number;
  /** Server CPU per response, µs (user + system of the server process, all threads). */
  serverCpuUsPerReq: number | null;
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = track(spawn(process.execPath, [join(benchDir, 'load.ts'), JSON.stringify(spec)], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] }));
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), (spec.duration + 30) * 1000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`load worker failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

async function measure(t: Target, round: number, duration: number): Promise<Measurement> {
  if (t.server.child.exitCode !== null || t.server.child.signalCode !== null) {
    throw new Error(`${t.server.name} has died:\n${t.server.tail.join('\n')}`);
  }
  const before = cpuMs(t.server.child.pid);
  const r = await runLoad({ ...t.spec, connections: CONNECTIONS, duration });
  const after = cpuMs(t.server.child.pid);
  const serverCpuUsPerReq = before !== null && after !== null && r.requests > 0 ? ((after - before) * 1000) / r.requests : null;
  return { ...r, target: t.id, round, serverCpuUsPerReq };
}

// ---------------------------------------------------------------------------------------------
// Figures

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Summary {
  target: string;
  label: string;
  runs: number;
  reqPerSec: { median: number; min: number; max: number };
  latencyMs: { p50: number; p99: number };
  /** Median req/s over the control's median req/s in this run. */
  ratioToControl: number;
  /** Median over rounds of (this measurement ÷ the control measurement right before it): less sensitive to drift. */
  pairedRatio: number | null;
  serverCpuUsPerReq: number | null;
  non2xx: number;
  errors: number;
}

function summarise(targets: Target[], ms: Measurement[]): Summary[] {
  const control = ms.filter((m) => m.target === 'control');
  const controlMedian = median(control.map((m) => m.reqPerSec));
  return targets.map((t) => {
    const mine = ms.filter((m) => m.target === t.id);
    const rps = mine.map((m) => m.reqPerSec);
    const paired =
      t.id === 'control'
        ? null
        : median(
            mine.flatMap((m) => {
              const i = ms.indexOf(m);
              const prev = ms[i - 1];
              return prev && prev.target === 'control' ? [m.reqPerSec / prev.reqPerSec] : [];
            }),
          );
    const cpu = mine.map((m) => m.serverCpuUsPerReq).filter((x): x is number => x !== null);
    return {
      target: t.id,
      label: t.label,
      runs: mine.length,
      reqPerSec: { median: median(rps), min: Math.min(...rps), max: Math.max(...rps) },
      latencyMs: { p50: median(mine.map((m) => m.latencyMs.p50)), p99: median(mine.map((m) => m.latencyMs.p99)) },
      ratioToControl: median(rps) / controlMedian,
      pairedRatio: paired,
      serverCpuUsPerReq: cpu.length ? median(cpu) : null,
      non2xx: mine.reduce((n, m) => n + m.non2xx, 0),
      errors: mine.reduce((n, m) => n + m.errors, 0),
    };
  });
}

function table(rows: Summary[]): string {
  const head = ['endpoint', 'req/s median', 'min–max', 'p50 ms', 'p99 ms', '× control', 'paired ×', 'srv CPU µs/req', 'non-2xx/err'];
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const body = rows.map((r) => [
    r.label,
    fmt(r.reqPerSec.median),
    `${fmt(r.reqPerSec.min)}–${fmt(r.reqPerSec.max)}`,
    String(r.latencyMs.p50),
    String(r.latencyMs.p99),
    r.ratioToControl.toFixed(3),
    r.pairedRatio === null ? '' : r.pairedRatio.toFixed(3),
    r.serverCpuUsPerReq === null ? '' : Math.round(r.serverCpuUsPerReq).toLocaleString('en-US'),
    `${r.non2xx}/${r.errors}`,
  ]);
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The run

async function login(port: number, username: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('huimin_session='));
  if (!cookie) throw new Error(`login as ${username} set no session cookie`);
  return cookie.split(';')[0] as string;
}

/** One request of the endpoint, checked, so that the load is known to measure real answers. */
async function check(port: number, path: string, cookie: string, expectTotal: number): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { cookie } });
  const body = (await res.json()) as { items?: unknown[]; total?: number };
  const items = body.items?.length ?? -1;
  if (res.status !== 200 || body.total !== expectTotal || items !== Math.min(50, expectTotal)) {
    throw new Error(`${path} answered ${res.status} with total ${body.total}, ${items} items; expected total ${expectTotal}`);
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const pgUrl = process.env.DATABASE_URL;
  const engine = pgUrl ? 'postgres' : 'sqlite';
  log(`engine ${engine}; ${ROUNDS} rounds × ${DURATION} s, warm-up ${WARMUP} s, ${CONNECTIONS} connections; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`);

  const serverEnv: NodeJS.ProcessEnv = { ...process.env, HUIMIN_DEMO: '0', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0' };
  delete serverEnv.DATABASE_URL;
  mkdirSync(DATA_DIR, { recursive: true });
  const runDir = mkdtempSync(join(DATA_DIR, 'run-'));
  serverEnv.HUIMIN_DATA_DIR = runDir;
  cleanup = async () => {
    if (pgUrl) await dropPostgresBench(pgUrl).catch((err: unknown) => log(`could not drop the bench database: ${String(err)}`));
    rmSync(runDir, { recursive: true, force: true });
  };
  try {
    let meta: ProvinceMeta;
    if (pgUrl) {
      const pgData = await postgresProvince(pgUrl, log);
      meta = pgData.meta;
      serverEnv.DATABASE_URL = pgData.url;
    } else {
      const sqliteData = await sqliteProvince(log);
      meta = sqliteData.meta;
      // A copy, so that logins (sessions, audit entries) never touch the cached data set.
      copyFileSync(sqliteData.file, join(runDir, 'huimin.db'));
    }
    log(`data set ${meta.key}: ${meta.units.total.toLocaleString('en-US')} units (${meta.units.districts} districts, ${meta.units.streetsAndTowns} streets/towns, ${meta.units.leaves} communities/villages/enterprises)`);

    const [control, huimin] = await Promise.all([
      startServer('control', [join(benchDir, 'control.ts')], { ...process.env, PORT: '0' }, /listening on http:\/\/127\.0\.0\.1:(\d+)/),
      startServer('huimin', [join(repoDir, 'src', 'server', 'main.ts')], serverEnv, /serving at http:\/\/127\.0\.0\.1:(\d+)/),
    ]);
    log(`control on :${control.port}, huimin on :${huimin.port}`);

    const adminCookie = await login(huimin.port, meta.accounts.topAdmin, meta.accounts.password);
    const streetCookie = await login(huimin.port, meta.accounts.streetAdmin, meta.accounts.password);
    const streetPath = `/api/org-units?under=${meta.street.id}&limit=50`;
    const districtPath = `/api/org-units?under=${meta.district.id}&limit=50`;
    await check(huimin.port, streetPath, streetCookie, meta.street.subtreeSize);
    await check(huimin.port, districtPath, adminCookie, meta.district.subtreeSize);
    await check(huimin.port, '/api/org-units?limit=50', adminCookie, meta.units.total);

    const huiminUrl = (path: string) => `http://127.0.0.1:${huimin.port}${path}`;
    const controlTarget: Target = { id: 'control', label: 'control: Fastify hello', server: control, spec: { url: `http://127.0.0.1:${control.port}/hello` } };
    const endpoints: Target[] = [
      {
        id: 'street-subtree',
        label: `GET org-units under street (${meta.street.subtreeSize} units)`,
        server: huimin,
        spec: { url: huiminUrl(streetPath), headers: { cookie: streetCookie } },
      },
      {
        id: 'district-page',
        label: `GET org-units under district, page 1 (of ${meta.district.subtreeSize})`,
        server: huimin,
        spec: { url: huiminUrl(districtPath), headers: { cookie: adminCookie } },
      },
      {
        // The top admin's default listing: the first page of the whole province, counted in full.
        id: 'province-page',
        label: `GET org-units, top admin's own (province, page 1 of ${meta.units.total})`,
        server: huimin,
        spec: { url: huiminUrl('/api/org-units?limit=50'), headers: { cookie: adminCookie } },
      },
      {
        id: 'login',
        label: 'POST auth/login (argon2id)',
        server: huimin,
        spec: {
          url: huiminUrl('/api/auth/login'),
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: meta.accounts.topAdmin, password: meta.accounts.password }),
        },
      },
    ];
    const targets = [controlTarget, ...endpoints];

    for (const t of targets) {
      log(`warm-up ${t.id}`);
      await measure(t, 0, WARMUP);
    }
    const measurements: Measurement[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const t of endpoints) {
        for (const target of [controlTarget, t]) {
          const m = await measure(target, round, DURATION);
          measurements.push(m);
          log(`round ${round} ${target.id.padEnd(15)} ${Math.round(m.reqPerSec).toString().padStart(6)} req/s  p50 ${m.latencyMs.p50} ms  p99 ${m.latencyMs.p99} ms${m.non2xx || m.errors ? `  non-2xx ${m.non2xx} errors ${m.errors}` : ''}`);
        }
      }
    }

    const summary = summarise(targets, measurements);
    console.log(`\nHuimin bench — ${engine}, ${started.toISOString()}, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION} s per measurement\n`);
    console.log(table(summary));
    console.log('\n× control: median req/s ÷ control median in this run; paired ×: median of (measurement ÷ the control run just before it).');

    const result = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      engine,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadavgAtStart: loadavg() },
      settings: { rounds: ROUNDS, durationS: DURATION, warmupS: WARMUP, connections: CONNECTIONS, tool: 'autocannon (separate process)' },
      dataset: meta,
      summary,
      measurements,
    };
    mkdirSync(resultsDir, { recursive: true });
    const file = join(resultsDir, `${started.toISOString().replace(/:/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`results written to ${file} and bench/results/latest.json`);
    const bad = summary.filter((s) => s.non2xx > 0 || s.errors > 0);
    if (bad.length > 0) {
      console.error(`[bench] some responses failed (${bad.map((s) => s.target).join(', ')}): the figures above are not trustworthy`);
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

const deadline = setTimeout(() => {
  console.error(`[bench] deadline of ${DEADLINE_MS / 1000} s reached: stopping`);
  void cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();

main()
  .catch((err: unknown) => {
    console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => clearTimeout(deadline));
