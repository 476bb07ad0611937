import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * A throwaway PostgreSQL cluster of the machine's own version on a spare port, for tests
 * that stop and start the database. The shared cluster on 5432 is never touched.
 */
export interface Cluster {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  start(): void;
  stop(mode: 'fast' | 'immediate'): void;
  drop(): void;
}

const version = () => readdirSync('/etc/postgresql').sort().at(-1) ?? '15';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe', timeout: 60_000 });

/** A port nothing listens on, from the 5440–5499 range kept for throwaway clusters. */
async function sparePort(): Promise<number> {
  for (let port = 5440 + Math.floor(Math.random() * 50); port < 5500; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no spare port for a test cluster');
}

/** Creates and starts a cluster with trust authentication; drop it when done. */
export async function createCluster(prefix: string): Promise<Cluster> {
  const v = version();
  const name = `${prefix}_${process.pid}`;
  try {
    run('pg_dropcluster', ['--stop', v, name]);
  } catch {
    // no leftover from an earlier run
  }
  const port = await sparePort();
  run('pg_createcluster', [v, name, '--port', String(port), '--', '--auth=trust']);
  const cluster: Cluster = {
    name,
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctlcluster', ['--skip-systemctl-redirect', v, name, 'start']),
    stop: (mode) => run('pg_ctlcluster', ['--skip-systemctl-redirect', v, name, 'stop', '-m', mode]),
    drop: () => run('pg_dropcluster', ['--stop', v, name]),
  };
  cluster.start();
  return cluster;
}
