import { join } from 'node:path';

/** The bench directory, the repository and where results go. */
export const benchDir = import.meta.dirname;
export const repoDir = join(benchDir, '..');
export const resultsDir = join(benchDir, 'results');

const int = (name: string, dflt: number) => {
  const v = Number(process.env[name] ?? dflt);
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
/** Rounds of measurements per endpoint. */
export const ROUNDS = int('BENCH_ROUNDS', 3);
/** Seconds per measurement of the org-unit and login endpoints. */
export const DURATION = int('BENCH_DURATION', 5);
/** The registry, coverage, nearest and records endpoints get shorter measurements, to keep a full run under 8 minutes. */
export const NEW_DURATION = int('BENCH_NEW_DURATION', 3);
/** Seconds of warm-up per target. */
export const WARMUP = int('BENCH_WARMUP', 2);
/** Connections the load generator keeps open. */
export const CONNECTIONS = int('BENCH_CONNECTIONS', 50);
/** Rows of the registry import. */
export const IMPORT_ROWS = int('BENCH_IMPORT_ROWS', 100_000);
/** The longest a slow endpoint's measurement is made (seconds), so that it still answers enough requests to count. */
export const MAX_SLOW_S = 12;
/** Count the server's fsync calls per record with strace during the records measurements (slows them down). */
export const FSYNC = process.env.BENCH_FSYNC === '1';
/** The whole run is killed after this long, children included. */
export const DEADLINE_MS = int('BENCH_DEADLINE_S', 600) * 1000;

/** The parts of a run, in the order they are reported. */
export const PARTS = [
  'org-units',
  'login',
  'registry',
  'coverage',
  'nearest',
  'statistics',
  'evaluation',
  'supervision',
  'records',
  'import',
  'rollup-cost',
  'web',
  'pageload',
] as const;
export type Part = (typeof PARTS)[number];

/** `--only=a,b` (or `--only a,b`): the parts to run; all when absent. */
export function selectedParts(argv: string[]): Set<Part> {
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

/** A progress line. */
export const log = (s: string) => console.log(`[bench] ${s}`);
/** A whole number with thousands separators. */
export const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
