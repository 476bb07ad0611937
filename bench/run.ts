/**
 * `npm run bench`: Huimin's endpoints on a whole-province data set, against a bare Fastify control
 * measured in the same run, interleaved (control, endpoint, control, endpoint, …), then a 100,000-row
 * registry import and the resident entry's first-load size. See bench/README.md.
 *
 *   npm run bench                                                   # SQLite
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # PostgreSQL (database huimin_bench)
 *   npm run bench -- --only=nearest,records                         # some parts only
 *
 * Parts: org-units, login, registry, coverage, nearest, records, import, web (all by default).
 *
 * Knobs (environment): BENCH_ROUNDS (3), BENCH_DURATION seconds per measurement of the org-unit and
 * login endpoints (5), BENCH_NEW_DURATION seconds per measurement of the registry, coverage, nearest
 * and records endpoints (3), BENCH_WARMUP seconds per target (2), BENCH_CONNECTIONS (50),
 * BENCH_IMPORT_ROWS (100000), BENCH_DEADLINE_S (600), BENCH_WEB_DIR (dist/web), BENCH_FSYNC (0; 1 counts
 * the server's fsync calls per record with strace during the records measurements, which slows them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { LoadResult, LoadSpec } from './load.ts';
import {
  DATA_DIR,
  dropPostgresBench,
  postgresProvince,
  sqliteProvince,
  summaryOf,
  type ProvinceMeta,
} from './province.ts';
import { BENCH_CATEGORY_ID } from './province-services.ts';
import { goodRow, workbookOf } from '../test/registry-workbook.ts';

const benchDir = import.meta.dirname;
const repoDir = join(benchDir, '..');
const resultsDir = join(benchDir, 'results');

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const ROUNDS = int('BENCH_ROUNDS', 3);
const DURATION = int('BENCH_DURATION', 5);
/** The registry, coverage, nearest and records endpoints get shorter measurements, to keep a full run under 8 minutes. */
const NEW_DURATION = int('BENCH_NEW_DURATION', 3);
const WARMUP = int('BENCH_WARMUP', 2);
const CONNECTIONS = int('BENCH_CONNECTIONS', 50);
const IMPORT_ROWS = int('BENCH_IMPORT_ROWS', 100_000);
/** The longest a slow endpoint's measurement is made (seconds), so that it still answers enough requests to count. */
const MAX_SLOW_S = 12;
/** Count the server's fsync calls per record with strace during the records measurements (slows them down). */
const FSYNC = process.env.BENCH_FSYNC === '1';
/** The whole run is killed after this long, children included. */
const DEADLINE_MS = int('BENCH_DEADLINE_S', 600) * 1000;

const PARTS = ['org-units', 'login', 'registry', 'coverage', 'nearest', 'records', 'import', 'web'] as const;
type Part = (typeof PARTS)[number];

/** `--only=a,b` (or `--only a,b`): the parts to run; all when absent. */
function selectedParts(argv: string[]): Set<Part> {
  let value: string | undefined;
  argv.forEach((a, i) => {
    if (a.startsWith('--only=')) value = a.slice('--only='.length);
    else if (a === '--only') value = argv[i + 1];
  });
  if (value === undefined) return new Set(PARTS);
  const asked = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length || asked.length === 0)
    throw new Error(`--only takes a comma-separated list of ${PARTS.join(', ')}; got ${value}`);
  return new Set(asked as Part[]);
}

const log = (s: string) => console.log(`[bench] ${s}`);
const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

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

/** Resident set size now and its high-water mark (kB), from /proc/<pid>/status; null where there is none. */
function memoryKb(pid: number | undefined): { rss: number; hwm: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Load

interface Target {
  id: string;
  part: Part | 'control';
  label: string;
  server: Server;
  spec: Omit<LoadSpec, 'connections' | 'duration'>;
  /** Seconds per measurement (DURATION or NEW_DURATION). */
  duration: number;
  /** Adjusts the spec before each measurement (the records target: fresh keys, a count of requests). */
  prepare?: (round: number, duration: number) => Promise<Omit<LoadSpec, 'connections' | 'duration'>>;
  /** Sees each measurement once it is done. */
  after?: (m: Measurement, spec: Omit<LoadSpec, 'connections' | 'duration'>) => Promise<void>;
}

interface Measurement extends LoadResult {
  target: string;
  round: number;
  /** Server CPU per response, µs (user + system of the server process, all threads). */
  serverCpuUsPerReq: number | null;
  /** Seconds the server stayed busy after the load stopped (a backlog of accepted requests). */
  settleS: number;
  /** The measurement's planned length, seconds. */
  plannedS: number;
}

function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = track(
    spawn(process.execPath, [join(benchDir, 'load.ts'), JSON.stringify(spec)], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const limitS = spec.amount ? spec.duration * 4 + 60 : spec.duration + 30;
  const timer = setTimeout(() => child.kill('SIGKILL'), limitS * 1000);
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`load worker failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as LoadResult);
    });
  });
}

/** The scheduler state of a process's main thread (R running or runnable, S sleeping, D in I/O …), from /proc. */
function threadState(pid: number | undefined): string | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Waits until a server has worked off what the last measurement left queued (autocannon stops
 * sending, but requests already accepted are still being answered, up to one per connection; a slow
 * endpoint's backlog takes seconds): until its main thread sleeps (state S, waiting for events) in
 * at least 18 of 20 samples 10 ms apart, or 60 s. The thread's state, unlike its CPU use, does not
 * depend on how much CPU other processes leave it. Returns the seconds waited.
 */
async function settle(server: Server): Promise<number> {
  const started = performance.now();
  const pid = server.child.pid;
  for (;;) {
    let sleeping = 0;
    for (let i = 0; i < 20; i++) {
      const state = threadState(pid);
      if (state === null) return (performance.now() - started) / 1000;
      if (state === 'S') sleeping++;
      await new Promise((r) => setTimeout(r, 10));
    }
    if (sleeping >= 18 || performance.now() - started > 60_000) break;
  }
  return (performance.now() - started) / 1000;
}

async function measure(t: Target, round: number, duration: number): Promise<Measurement> {
  if (t.server.child.exitCode !== null || t.server.child.signalCode !== null) {
    throw new Error(`${t.server.name} has died:\n${t.server.tail.join('\n')}`);
  }
  const spec = t.prepare ? await t.prepare(round, duration) : t.spec;
  const before = cpuMs(t.server.child.pid);
  const r = await runLoad({ ...spec, connections: CONNECTIONS, duration });
  const after = cpuMs(t.server.child.pid);
  const serverCpuUsPerReq =
    before !== null && after !== null && r.requests > 0 ? ((after - before) * 1000) / r.requests : null;
  // Work the server does after the load stops (answering requests already accepted) is not counted above.
  const settleS = t.part === 'control' ? 0 : await settle(t.server);
  const m = { ...r, target: t.id, round, plannedS: duration, serverCpuUsPerReq, settleS };
  await t.after?.(m, spec);
  return m;
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
  /** Seconds per measurement: one figure, or a range for the control (as long as the endpoint after it). */
  durationS: string;
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
      durationS: (() => {
        const ds = mine.map((m) => m.plannedS);
        const lo = Math.min(...ds);
        const hi = Math.max(...ds);
        return lo === hi ? String(lo) : `${lo}–${hi}`;
      })(),
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
  const head = [
    'endpoint',
    'runs×s',
    'req/s median',
    'min–max',
    'p50 ms',
    'p99 ms',
    '× control',
    'paired ×',
    'srv CPU µs/req',
    'non-2xx/err',
  ];
  const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const body = rows.map((r) => [
    r.label,
    `${r.runs}×${r.durationS}`,
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
  const line = (row: string[]) =>
    `| ${row.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - [...c].length)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

interface Session {
  cookie: string;
  csrf: string;
  accountId: number;
}

async function login(port: number, username: string, password: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('huimin_session='));
  if (!cookie) throw new Error(`login as ${username} set no session cookie`);
  const me = (await res.json()) as { id: number; csrfToken: string };
  return { cookie: cookie.split(';')[0] as string, csrf: me.csrfToken, accountId: me.id };
}

/** One request over node:http (no client time limit: an import's commit can take minutes). */
function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolvePromise({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function getJson<T>(
  port: number,
  path: string,
  cookie?: string,
): Promise<{ status: number; body: T; bytes: number }> {
  const res = await call(port, 'GET', path, cookie ? { cookie } : {});
  return { status: res.status, body: JSON.parse(res.text) as T, bytes: Buffer.byteLength(res.text) };
}

/** One request of an org-unit listing, checked, so that the load is known to measure real answers. */
async function check(port: number, path: string, cookie: string, expectTotal: number): Promise<void> {
  const { status, body } = await getJson<{ items?: unknown[]; total?: number }>(port, path, cookie);
  const items = body.items?.length ?? -1;
  if (status !== 200 || body.total !== expectTotal || items !== Math.min(50, expectTotal)) {
    throw new Error(
      `${path} answered ${status} with total ${body.total}, ${items} items; expected total ${expectTotal}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Direct reads of the run's database (the records check)

type Query = (text: string) => Promise<Array<Record<string, unknown>>>;

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

// ---------------------------------------------------------------------------------------------
// The registry import

/** The import workbook (IMPORT_ROWS good rows in the bench street's units), cached beside the data set. */
async function importWorkbook(
  meta: ProvinceMeta,
): Promise<{ file: string; bytes: number; generatedMs: number | null }> {
  const units = meta.services.importUnitCodes;
  const file = join(DATA_DIR, `import-${IMPORT_ROWS}-${meta.key}.xlsx`);
  if (existsSync(file)) return { file, bytes: statSync(file).size, generatedMs: null };
  const started = performance.now();
  const rows = Array.from({ length: IMPORT_ROWS }, (_, n) => goodRow(n, units[n % units.length]));
  const buffer = await workbookOf(rows);
  for (const f of readdirSync(DATA_DIR))
    if (f.startsWith('import-') && f.endsWith('.xlsx')) rmSync(join(DATA_DIR, f), { force: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, buffer);
  renameSync(tmp, file);
  return { file, bytes: buffer.length, generatedMs: Math.round(performance.now() - started) };
}

interface ImportStatus {
  id: number;
  status: string;
  totalRows: number;
  processedRows: number;
  errorRows: number;
  duplicateRows: number;
  committedRows: number;
  problems: Array<{ row: number; problem: string }>;
}

interface PhaseFigures {
  seconds: number;
  /** The server's peak resident set in this phase (the larger of the 100 ms VmRSS samples and VmHWM, reset at the phase's start), MB. */
  peakRssMb: number;
  /** GET /api/health, asked every 200 ms by another client during the phase: how long the server kept it waiting. */
  healthMs: { count: number; median: number; max: number };
}

interface ImportResult {
  rows: number;
  fileBytes: number;
  uploadS: number;
  rssBeforeMb: number;
  hwmReset: boolean;
  /** From the upload to the status "validated" (the upload itself included). */
  dryRun: PhaseFigures;
  commit: PhaseFigures;
  status: Pick<ImportStatus, 'status' | 'totalRows' | 'errorRows' | 'duplicateRows' | 'committedRows'>;
}

async function runImport(server: Server, session: Session, meta: ProvinceMeta): Promise<ImportResult> {
  const wb = await importWorkbook(meta);
  log(
    `import workbook: ${n0(IMPORT_ROWS)} rows, ${(wb.bytes / 1_048_576).toFixed(1)} MB${wb.generatedMs === null ? ' (cached)' : `, generated in ${wb.generatedMs} ms`}`,
  );
  const file = readFileSync(wb.file);
  const pid = server.child.pid;
  // Writing 5 to clear_refs resets the high-water mark (VmHWM), so each phase's peak is its own.
  let hwmReset = true;
  const resetHwm = () => {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      hwmReset = false; // Not allowed here: the 100 ms samples still stand.
    }
  };
  const rssBefore = memoryKb(pid)?.rss ?? NaN;
  let phase: 'dryRun' | 'commit' = 'dryRun';
  const peakKb = { dryRun: 0, commit: 0 };
  const health: Record<'dryRun' | 'commit', number[]> = { dryRun: [], commit: [] };
  const sample = () => {
    const m = memoryKb(pid);
    if (m) peakKb[phase] = Math.max(peakKb[phase], m.rss, hwmReset ? m.hwm : 0);
  };
  const sampler = setInterval(sample, 100);
  let pinging = true;
  const pinger = (async () => {
    while (pinging) {
      const at = phase;
      const res = await call(server.port, 'GET', '/api/health', {}).catch(() => null);
      if (res) health[at].push(res.ms);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const figures = (p: 'dryRun' | 'commit', seconds: number): PhaseFigures => ({
    seconds,
    peakRssMb: peakKb[p] / 1024,
    healthMs: { count: health[p].length, median: median(health[p]), max: Math.max(0, ...health[p]) },
  });
  try {
    resetHwm();
    const started = performance.now();
    const upload = await call(
      server.port,
      'POST',
      `/api/registry/imports?filename=${encodeURIComponent('基准导入.xlsx')}`,
      { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      file,
    );
    if (upload.status !== 202) throw new Error(`import upload answered ${upload.status}: ${upload.text.slice(0, 500)}`);
    const { id } = JSON.parse(upload.text) as { id: number };
    let status: ImportStatus;
    let lastLog = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 200));
      const res = await call(server.port, 'GET', `/api/registry/imports/${id}`, headers);
      if (res.status !== 200) throw new Error(`import status answered ${res.status}: ${res.text.slice(0, 500)}`);
      status = JSON.parse(res.text) as ImportStatus;
      if (status.status !== 'validating') break;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        log(
          `import dry run: ${n0(status.processedRows)} rows checked after ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
    const dryRunS = (performance.now() - started) / 1000;
    sample();
    if (status.status !== 'validated')
      throw new Error(`import dry run ended ${status.status}: ${JSON.stringify(status).slice(0, 500)}`);
    log(
      `import dry run: ${status.status} in ${dryRunS.toFixed(1)} s (${n0(status.totalRows)} rows, ${status.errorRows} with errors, ${status.duplicateRows} duplicates)`,
    );

    phase = 'commit';
    resetHwm();
    const commit = await call(
      server.port,
      'POST',
      `/api/registry/imports/${id}/commit`,
      { ...headers, 'content-type': 'application/json' },
      JSON.stringify({ mode: 'valid' }),
    );
    sample();
    if (commit.status !== 200) throw new Error(`import commit answered ${commit.status}: ${commit.text.slice(0, 500)}`);
    const committed = JSON.parse(commit.text) as ImportStatus;
    return {
      rows: IMPORT_ROWS,
      fileBytes: wb.bytes,
      uploadS: upload.ms / 1000,
      rssBeforeMb: rssBefore / 1024,
      hwmReset,
      dryRun: figures('dryRun', dryRunS),
      commit: figures('commit', commit.ms / 1000),
      status: {
        status: committed.status,
        totalRows: committed.totalRows,
        errorRows: committed.errorRows,
        duplicateRows: committed.duplicateRows,
        committedRows: committed.committedRows,
      },
    };
  } finally {
    clearInterval(sampler);
    pinging = false;
    await pinger;
  }
}

// ---------------------------------------------------------------------------------------------
// The resident entry's first load

interface EntrySize {
  entry: string;
  how: string;
  files: Array<{ file: string; bytes: number; gzip: number }>;
  jsBytes: number;
  jsGzip: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** The JavaScript a browser fetches before the first render of an HTML entry: its module scripts, preloads and their static imports. */
function firstLoadJs(webDir: string, html: string, how: string): EntrySize {
  const text = readFileSync(html, 'utf8');
  const refs = new Set<string>();
  const toFile = (ref: string, from: string) => (ref.startsWith('/') ? join(webDir, ref) : resolve(dirname(from), ref));
  for (const m of text.matchAll(/<script[^>]*\bsrc="([^"]+\.m?js)"[^>]*>/g)) refs.add(toFile(m[1] as string, html));
  for (const m of text.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>/g))
    refs.add(toFile(m[1] as string, html));
  // Static imports between chunks (`import{a}from"./x.js"`, `import"./x.js"`); dynamic import("…") is left out.
  const queue = [...refs];
  while (queue.length) {
    const f = queue.pop() as string;
    if (!existsSync(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(
      /(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g,
    )) {
      const dep = toFile(m[1] as string, f);
      if (!refs.has(dep)) {
        refs.add(dep);
        queue.push(dep);
      }
    }
  }
  const files = [...refs]
    .filter((f) => existsSync(f))
    .map((f) => {
      const content = readFileSync(f);
      return { file: relative(webDir, f), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
    });
  return {
    entry: relative(webDir, html),
    how,
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    jsGzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/** A Vite build manifest (build.manifest): chunk key → output file, static imports, entry flag. */
type ViteManifest = Record<string, { file: string; src?: string; isEntry?: boolean; imports?: string[] }>;

/** First-load JavaScript of a Vite manifest entry: its file and its static imports, transitively. */
function firstLoadFromManifest(webDir: string, manifest: ViteManifest, key: string, how: string): EntrySize {
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k) || !manifest[k]) return;
    seen.add(k);
    for (const i of manifest[k]?.imports ?? []) visit(i);
  };
  visit(key);
  const files = [...seen].flatMap((k) => {
    const f = join(webDir, manifest[k]?.file ?? '');
    if (!existsSync(f) || !f.endsWith('.js')) return [];
    const content = readFileSync(f);
    return [{ file: relative(webDir, f), bytes: content.length, gzip: gzipSync(content, { level: 9 }).length }];
  });
  return {
    entry: key,
    how,
    files,
    jsBytes: files.reduce((a, f) => a + f.bytes, 0),
    jsGzip: files.reduce((a, f) => a + f.gzip, 0),
  };
}

const RESIDENT = /resident|public|jumin|citizen/i;

/**
 * The resident-facing entry of the built web app (ARCHITECTURE: src/web/resident.html, served for
 * the public pages): an HTML file besides index.html, an entry of Vite's build manifest, or a web
 * app manifest whose start_url names such a page. The PWA manifest of the members' record book
 * (start_url /records) is not one: its pages are the staff console's.
 */
function residentEntry(webDir: string): { size: EntrySize } | { note: string } {
  if (!existsSync(webDir)) return { note: 'resident entry not built yet (no dist/web)' };
  const all = walk(webDir);
  const htmls = all.filter((f) => f.endsWith('.html') && relative(webDir, f) !== 'index.html');
  const html = htmls.find((f) => RESIDENT.test(relative(webDir, f))) ?? htmls[0];
  if (html) return { size: firstLoadJs(webDir, html, 'HTML entry besides index.html') };
  const vite = join(webDir, '.vite', 'manifest.json');
  if (existsSync(vite)) {
    const manifest = JSON.parse(readFileSync(vite, 'utf8')) as ViteManifest;
    const key = Object.keys(manifest).find((k) => manifest[k]?.isEntry && RESIDENT.test(k));
    if (key) return { size: firstLoadFromManifest(webDir, manifest, key, 'entry of .vite/manifest.json') };
  }
  const notes: string[] = [];
  for (const f of all.filter(
    (x) => /\.webmanifest$|(^|\/)manifest\.json$/.test(x) && !x.includes(`${join('.vite', 'manifest.json')}`),
  )) {
    try {
      const start = (JSON.parse(readFileSync(f, 'utf8')) as { start_url?: string }).start_url ?? '/';
      const path = start.split(/[?#]/)[0] ?? '/';
      const candidate = path.endsWith('.html') ? join(webDir, path) : join(webDir, path, 'index.html');
      if (RESIDENT.test(path) && existsSync(candidate) && relative(webDir, candidate) !== 'index.html')
        return { size: firstLoadJs(webDir, candidate, `start_url of ${relative(webDir, f)}`) };
      notes.push(`${relative(webDir, f)} starts at ${start}, a staff page served by index.html`);
    } catch {
      // Not a manifest we can read.
    }
  }
  return {
    note: `resident entry not built yet (dist/web has only index.html${notes.length ? `; ${notes.join('; ')}` : ''})`,
  };
}

function webReport(): { resident: EntrySize | null; staff: EntrySize | null; note: string } {
  const webDir = process.env.BENCH_WEB_DIR ? resolve(process.env.BENCH_WEB_DIR) : join(repoDir, 'dist', 'web');
  const index = join(webDir, 'index.html');
  const staff = existsSync(index) ? firstLoadJs(webDir, index, 'index.html') : null;
  const found = residentEntry(webDir);
  return 'size' in found ? { resident: found.size, staff, note: '' } : { resident: null, staff, note: found.note };
}

// ---------------------------------------------------------------------------------------------
// The run

async function main(): Promise<void> {
  const started = new Date();
  const parts = selectedParts(process.argv.slice(2));
  const pgUrl = process.env.DATABASE_URL;
  const engine = pgUrl ? 'postgres' : 'sqlite';
  const loadParts = [...parts].filter((p) => p !== 'import' && p !== 'web');
  log(
    `engine ${engine}; parts ${[...parts].join(', ')}; ${ROUNDS} rounds × ${DURATION} s (org units, login) / ${NEW_DURATION} s (registry, coverage, nearest, records), warm-up ${WARMUP} s, ${CONNECTIONS} connections; ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}`,
  );

  const result: Record<string, unknown> = {
    startedAt: started.toISOString(),
    engine,
    parts: [...parts],
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      node: process.version,
      loadavgAtStart: loadavg(),
    },
    settings: {
      rounds: ROUNDS,
      durationS: DURATION,
      newEndpointDurationS: NEW_DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      importRows: IMPORT_ROWS,
      tool: 'autocannon (separate process)',
    },
  };
  let failed = false;

  if (parts.has('web')) {
    const web = webReport();
    result.web = web;
    if (web.staff)
      log(
        `staff entry index.html: first-load JS ${(web.staff.jsGzip / 1024).toFixed(1)} KB gzip (${(web.staff.jsBytes / 1024).toFixed(1)} KB raw, ${web.staff.files.length} files), for comparison`,
      );
    if (web.resident)
      log(
        `resident entry ${web.resident.entry} (${web.resident.how}): ${web.resident.files.map((f) => `${basename(f.file)} ${(f.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
      );
  }

  const needServer = loadParts.length > 0 || parts.has('import');
  if (needServer) {
    const serverEnv: NodeJS.ProcessEnv = {
      ...process.env,
      HUIMIN_DEMO: '0',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
    };
    delete serverEnv.DATABASE_URL;
    mkdirSync(DATA_DIR, { recursive: true });
    const runDir = mkdtempSync(join(DATA_DIR, 'run-'));
    serverEnv.HUIMIN_DATA_DIR = runDir;
    cleanup = async () => {
      if (pgUrl)
        await dropPostgresBench(pgUrl).catch((err: unknown) =>
          log(`could not drop the bench database: ${String(err)}`),
        );
      rmSync(runDir, { recursive: true, force: true });
    };
    try {
      let meta: ProvinceMeta;
      let dbWhere: string;
      if (pgUrl) {
        const pgData = await postgresProvince(pgUrl, log);
        meta = pgData.meta;
        serverEnv.DATABASE_URL = pgData.url;
        dbWhere = pgData.url;
      } else {
        const sqliteData = await sqliteProvince(log);
        meta = sqliteData.meta;
        // A copy, so that logins (sessions, audit entries), records and imports never touch the cached data set.
        dbWhere = join(runDir, 'huimin.db');
        copyFileSync(sqliteData.file, dbWhere);
      }
      result.dataset = meta;
      log(`data set ${meta.key}: ${summaryOf(meta)}`);

      const [control, huimin] = await Promise.all([
        startServer(
          'control',
          [join(benchDir, 'control.ts')],
          { ...process.env, PORT: '0' },
          /listening on http:\/\/127\.0\.0\.1:(\d+)/,
        ),
        startServer(
          'huimin',
          [join(repoDir, 'src', 'server', 'main.ts')],
          serverEnv,
          /serving at http:\/\/127\.0\.0\.1:(\d+)/,
        ),
      ]);
      log(`control on :${control.port}, huimin on :${huimin.port}`);
      const port = huimin.port;
      const huiminUrl = (path: string) => `http://127.0.0.1:${port}${path}`;

      const admin = await login(port, meta.accounts.topAdmin, meta.accounts.password);
      const street = await login(port, meta.accounts.streetAdmin, meta.accounts.password);
      const s = meta.services;

      const controlTarget: Target = {
        id: 'control',
        part: 'control',
        label: 'control: Fastify hello',
        server: control,
        spec: { url: `http://127.0.0.1:${control.port}/hello` },
        duration: DURATION,
      };
      const endpoints: Target[] = [];

      if (parts.has('org-units')) {
        const streetPath = `/api/org-units?under=${meta.street.id}&limit=50`;
        const districtPath = `/api/org-units?under=${meta.district.id}&limit=50`;
        await check(port, streetPath, street.cookie, meta.street.subtreeSize);
        await check(port, districtPath, admin.cookie, meta.district.subtreeSize);
        await check(port, '/api/org-units?limit=50', admin.cookie, meta.units.total);
        endpoints.push(
          {
            id: 'street-subtree',
            part: 'org-units',
            label: `GET org-units under street (${meta.street.subtreeSize} units)`,
            server: huimin,
            spec: { url: huiminUrl(streetPath), headers: { cookie: street.cookie } },
            duration: DURATION,
          },
          {
            id: 'district-page',
            part: 'org-units',
            label: `GET org-units under district, page 1 (of ${meta.district.subtreeSize})`,
            server: huimin,
            spec: { url: huiminUrl(districtPath), headers: { cookie: admin.cookie } },
            duration: DURATION,
          },
          // The top admin's default listing: the first page of the whole province, counted in full.
          {
            id: 'province-page',
            part: 'org-units',
            label: `GET org-units, top admin's own (province, page 1 of ${meta.units.total})`,
            server: huimin,
            spec: { url: huiminUrl('/api/org-units?limit=50'), headers: { cookie: admin.cookie } },
            duration: DURATION,
          },
        );
      }
      if (parts.has('login')) {
        endpoints.push({
          id: 'login',
          part: 'login',
          label: 'POST auth/login (argon2id)',
          server: huimin,
          spec: {
            url: huiminUrl('/api/auth/login'),
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: meta.accounts.topAdmin, password: meta.accounts.password }),
          },
          duration: DURATION,
        });
      }

      if (parts.has('registry')) {
        // Every connection asks the six searches in turn: initials (zwz and the street's commonest) and surnames.
        const paths = s.registryTotals.map((t) => `/api/volunteers?q=${encodeURIComponent(t.q)}&limit=20`);
        for (const [who, session, key] of [
          ['street', street, 'street'],
          ['top', admin, 'top'],
        ] as const) {
          for (const t of s.registryTotals) {
            const { status, body } = await getJson<{ items?: unknown[]; total?: number }>(
              port,
              `/api/volunteers?q=${encodeURIComponent(t.q)}&limit=20`,
              session.cookie,
            );
            const expected = t[key];
            if (status !== 200 || body.total !== expected || (body.items?.length ?? -1) !== Math.min(20, expected)) {
              throw new Error(
                `registry search q=${t.q} as the ${who} admin answered ${status} with total ${body.total}; expected ${expected}`,
              );
            }
          }
        }
        const qs = s.registryTotals.map((t) => t.q).join(' ');
        const range = (key: 'street' | 'top') =>
          `${n0(Math.min(...s.registryTotals.map((t) => t[key])))}–${n0(Math.max(...s.registryTotals.map((t) => t[key])))}`;
        endpoints.push(
          {
            id: 'registry-street',
            part: 'registry',
            label: `GET volunteers?q= (${qs}) street admin, ${range('street')} hits`,
            server: huimin,
            spec: { url: huiminUrl(paths[0] as string), paths, headers: { cookie: street.cookie } },
            duration: NEW_DURATION,
          },
          {
            id: 'registry-top',
            part: 'registry',
            label: `GET volunteers?q= (same) top admin, ${range('top')} hits of ${n0(s.volunteers)}`,
            server: huimin,
            spec: { url: huiminUrl(paths[0] as string), paths, headers: { cookie: admin.cookie } },
            duration: NEW_DURATION,
          },
        );
      }

      if (parts.has('coverage')) {
        const path = `/api/siting/coverage?categoryId=${BENCH_CATEGORY_ID}&under=${meta.district.id}&picks=5`;
        const { status, body, bytes } = await getJson<{
          servingStudios?: number;
          totalPopulation?: number;
          uncovered?: unknown[];
          recommendations?: unknown[];
        }>(port, path, admin.cookie);
        if (
          status !== 200 ||
          body.servingStudios !== s.coverageDistrict.servingStudiosOfCategory ||
          !body.totalPopulation ||
          (body.recommendations?.length ?? 0) === 0
        ) {
          throw new Error(
            `coverage answered ${status}: ${JSON.stringify(body).slice(0, 300)}; expected ${s.coverageDistrict.servingStudiosOfCategory} serving studios`,
          );
        }
        log(
          `coverage of ${meta.district.name}: ${s.coverageDistrict.areas} areas, ${s.coverageDistrict.venues} venues, ${body.servingStudios} serving studios; ${body.uncovered?.length} areas uncovered; answer ${n0(bytes / 1024)} KB`,
        );
        endpoints.push({
          id: 'coverage',
          part: 'coverage',
          label: `GET siting/coverage, district (${n0(s.coverageDistrict.areas)} areas, ${n0(bytes / 1024)} KB answer)`,
          server: huimin,
          spec: { url: huiminUrl(path), headers: { cookie: admin.cookie } },
          duration: NEW_DURATION,
        });
      }

      if (parts.has('nearest')) {
        const paths = s.nearestPoints.map(
          ([lng, lat]) => `/api/public/nearest?categoryId=${BENCH_CATEGORY_ID}&lng=${lng}&lat=${lat}&limit=10`,
        );
        const { status, body } = await getJson<{ studios?: Array<{ categoryIds: number[] }> }>(
          port,
          paths[0] as string,
        );
        if (
          status !== 200 ||
          body.studios?.length !== 10 ||
          !body.studios.every((st) => st.categoryIds.includes(BENCH_CATEGORY_ID))
        ) {
          throw new Error(`nearest answered ${status}: ${JSON.stringify(body).slice(0, 300)}`);
        }
        endpoints.push({
          id: 'nearest',
          part: 'nearest',
          label: `GET public/nearest, no login (${paths.length} positions, ${n0(s.studios.ofBenchCategory)} of ${n0(s.studios.active)} serving)`,
          server: huimin,
          spec: { url: huiminUrl(paths[0] as string), paths },
          duration: NEW_DURATION,
        });
      }

      // Records: every request a fresh Idempotency-Key; each run sends a fixed number of requests
      // (about NEW_DURATION seconds' worth at the last rate seen), so every request sent is answered
      // and the rows written can be matched with the 2xx answers exactly.
      const acked = new Set<string>();
      /** With BENCH_FSYNC=1: the server's fsync calls during the records measurements, and the records they wrote. */
      const fsync = { calls: 0, records: 0 };
      let ok2xx = 0;
      let member: Session | null = null;
      if (parts.has('records')) {
        if (FSYNC && engine === 'postgres')
          log(
            "BENCH_FSYNC counts the Node process's fsync calls; on PostgreSQL the database's own processes flush, so it is skipped",
          );
        member = await login(port, meta.accounts.member, meta.accounts.password);
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
        endpoints.push({
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
                  spawn(
                    'strace',
                    ['-c', '-f', '-e', 'trace=fsync,fdatasync', '-p', String(huimin.child.pid), '-o', file],
                    { stdio: 'ignore' },
                  ),
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
        });
      }

      const measurements: Measurement[] = [];
      if (endpoints.length) {
        const targets = [controlTarget, ...endpoints];
        // The control run before an endpoint lasts the endpoint's usual time (5 or 3 s), even when a slow endpoint's own runs are made longer.
        const controlDuration = new Map(endpoints.map((t) => [t.id, t.duration]));
        for (const t of targets) {
          log(`warm-up ${t.id}`);
          const m = await measure(t, 0, WARMUP);
          if (m.non2xx || m.errors)
            log(`warm-up ${t.id}: non-2xx ${m.non2xx} errors ${m.errors} ${JSON.stringify(m.statusCodes)}`);
          // An endpoint too slow to answer ~30 requests in its usual time (50 are queued at once) is measured for longer, up to MAX_SLOW_S.
          if (t.part !== 'control' && !t.prepare && t.duration === NEW_DURATION) {
            const rate = m.requests / WARMUP;
            const needed = rate > 0 ? Math.ceil(30 / rate) : MAX_SLOW_S;
            if (needed > t.duration) {
              t.duration = Math.min(MAX_SLOW_S, needed);
              log(
                `${t.id} answered ${m.requests} requests in the ${WARMUP} s warm-up: measuring it for ${t.duration} s`,
              );
            }
          }
        }
        for (let round = 1; round <= ROUNDS; round++) {
          for (const t of endpoints) {
            for (const target of [controlTarget, t]) {
              const d = target === controlTarget ? (controlDuration.get(t.id) ?? t.duration) : target.duration;
              const m = await measure(target, round, d);
              measurements.push(m);
              log(
                `round ${round} ${target.id.padEnd(15)} ${Math.round(m.reqPerSec).toString().padStart(6)} req/s  p50 ${m.latencyMs.p50} ms  p99 ${m.latencyMs.p99} ms${m.settleS > 0.5 ? `  (server busy ${m.settleS.toFixed(1)} s after the load stopped)` : ''}${m.non2xx || m.errors ? `  non-2xx ${m.non2xx} errors ${m.errors} ${JSON.stringify(m.statusCodes)}` : ''}`,
              );
            }
          }
        }

        const summary = summarise(targets, measurements);
        console.log(
          `\nHuimin bench — ${engine}, ${started.toISOString()}, ${CONNECTIONS} connections, ${ROUNDS} rounds; ${DURATION} s per measurement for the org-unit and login endpoints, ${NEW_DURATION} s for registry, coverage, nearest and records ` +
            `(shorter, to keep a full run under 8 minutes; endpoints too slow to answer ~30 requests in that time up to ${MAX_SLOW_S} s: see runs×s; records send a fixed number of requests, about ${NEW_DURATION} s' worth)\n`,
        );
        console.log(table(summary));
        console.log(
          '\n× control: median req/s ÷ control median in this run; paired ×: median of (measurement ÷ the control run just before it).',
        );
        result.summary = summary;
        const bad = summary.filter((x) => x.non2xx > 0 || x.errors > 0);
        if (bad.length > 0) {
          console.error(
            `[bench] some responses failed (${bad.map((x) => x.target).join(', ')}): the figures above are not trustworthy`,
          );
          failed = true;
        }
      }
      result.measurements = measurements;

      if (member) {
        // Every acknowledged record is on disk once, and nothing was written that was not acknowledged.
        await new Promise((r) => setTimeout(r, 500));
        const reader = databaseReader(engine, dbWhere);
        try {
          const rows = await reader.query(
            `select r.idempotency_key as k from service_records r join accounts a on a.id = r.author_id where a.username = '${meta.accounts.member}'`,
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
          result.recordsCheck = {
            ok2xx,
            rows: keys.length,
            distinctKeys: distinct.size,
            lost,
            doubled,
            unacknowledged,
            ok,
            fsync: fsync.records > 0 ? fsync : null,
          };
          if (!ok) failed = true;
        } finally {
          await reader.close();
        }
      }

      if (parts.has('import')) {
        log(
          `registry import of ${n0(IMPORT_ROWS)} rows as ${meta.accounts.streetAdmin} (${meta.street.name}, ${meta.services.importUnitCodes.length} units)`,
        );
        const imp = await runImport(huimin, street, meta);
        result.import = imp;
        const good = imp.status.status === 'committed' && imp.status.committedRows === IMPORT_ROWS;
        const phaseLine = (name: string, f: PhaseFigures) =>
          `  ${name.padEnd(8)} ${f.seconds.toFixed(1).padStart(6)} s   peak RSS ${n0(f.peakRssMb).padStart(6)} MB   /api/health every 200 ms: median ${n0(f.healthMs.median)} ms, max ${n0(f.healthMs.max)} ms (${f.healthMs.count} answered)`;
        console.log(
          [
            `\nregistry import, ${n0(IMPORT_ROWS)} rows (${(imp.fileBytes / 1_048_576).toFixed(1)} MB .xlsx) as the street admin: ${n0(imp.status.committedRows)} committed, ${imp.status.errorRows} with errors, ${imp.status.duplicateRows} duplicates${good ? '' : ' — UNEXPECTED'}`,
            phaseLine('dry run', imp.dryRun) + `   (upload ${imp.uploadS.toFixed(1)} s to "validated")`,
            phaseLine('commit', imp.commit) + '   (mode valid; one request)',
            `  server RSS before: ${n0(imp.rssBeforeMb)} MB; peaks from ${imp.hwmReset ? 'VmHWM (reset at each phase) and ' : ''}100 ms samples of VmRSS${engine === 'postgres' ? ', the Node process only' : ''}`,
          ].join('\n'),
        );
        if (!good) failed = true;
      }
    } finally {
      await cleanUp();
    }
  }

  if (parts.has('web')) {
    const web = result.web as ReturnType<typeof webReport>;
    console.log(
      web.resident
        ? `\nresident entry ${web.resident.entry} (${web.resident.how}): first-load JS ${(web.resident.jsGzip / 1024).toFixed(1)} KB gzip (level 9), ${(web.resident.jsBytes / 1024).toFixed(1)} KB raw, ${web.resident.files.length} files`
        : `\n${web.note}`,
    );
  }

  result.finishedAt = new Date().toISOString();
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${started.toISOString().replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(
    `results written to ${file} and bench/results/latest.json (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all)`,
  );
  if (failed) process.exitCode = 1;
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
