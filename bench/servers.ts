// Child processes: every one is tracked and killed on the way out, whatever happens.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { log, repoDir } from './settings.ts';

/** A server process the bench started, and the port it listens on. */
export interface Server {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last lines it printed, to show when it fails. */
  tail: string[];
  /** performance.now() when it was spawned. */
  spawnedAt: number;
}

const children = new Set<ChildProcess>();

/** Remembers a child, so that it is stopped when the run ends. */
export function track(child: ChildProcess): ChildProcess {
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

/** Sets what cleanUp undoes besides stopping the children. */
export function onCleanUp(undo: () => Promise<void>): void {
  cleanup = undo;
}

/** Stops every child, then undoes what onCleanUp named. */
export async function cleanUp(): Promise<void> {
  await stopAll();
  const c = cleanup;
  cleanup = null;
  await c?.();
}

/** Kills the children on exit and cleans up on SIGINT and SIGTERM. */
export function installExitHandlers(): void {
  process.on('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      log(`${sig}: stopping`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}

/** Starts a server process and waits for the line that names its port. */
export function startServer(name: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<Server> {
  const spawnedAt = performance.now();
  const child = track(spawn(process.execPath, args, { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] }));
  const tail: string[] = [];
  return new Promise((resolve, reject) => {
    // A busy shared machine can take a while to start a process: two minutes before giving up.
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within 120 s:\n${tail.join('\n')}`)),
      120_000,
    );
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
          resolve({ name, child, port: Number(m[1]), tail, spawnedAt });
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
export function cpuMs(pid: number | undefined): number | null {
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
export function memoryKb(pid: number | undefined): { rss: number; hwm: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

/** The scheduler state of a process's main thread (R running or runnable, S sleeping, D in I/O …), from /proc. */
export function threadState(pid: number | undefined): string | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Milliseconds from a server's spawn to its first 200 on `path` (polled every 5 ms once it has
 * named its port): its start-up time as a client sees it.
 */
export async function firstAnswerMs(server: Server, path: string): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
      await res.arrayBuffer();
      if (res.status === 200) return Math.round(performance.now() - server.spawnedAt);
    } catch {
      // not answering yet
    }
    if (performance.now() - server.spawnedAt > 120_000)
      throw new Error(`${server.name} gave no 200 on ${path} in 120 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Watches a process's resident memory: resets its high-water mark (VmHWM, through clear_refs,
 * where the kernel lets us) and samples VmRSS every 100 ms; `stop` answers the largest seen, MB.
 */
export function watchRss(pid: number | undefined): { stop: () => number | null } {
  if (pid === undefined) return { stop: () => null };
  let hwmReset = false;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    hwmReset = true;
  } catch {
    // not allowed here: the samples alone
  }
  let maxKb = memoryKb(pid)?.rss ?? 0;
  const timer = setInterval(() => {
    const m = memoryKb(pid);
    if (m && m.rss > maxKb) maxKb = m.rss;
  }, 100);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      const m = memoryKb(pid);
      if (m) maxKb = Math.max(maxKb, m.rss, hwmReset ? m.hwm : 0);
      return maxKb > 0 ? Math.round(maxKb / 1024) : null;
    },
  };
}
