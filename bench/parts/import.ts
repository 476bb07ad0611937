// The registry import: a 100,000-row workbook uploaded, checked (dry run) and committed.
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goodRow, workbookOf } from '../../test/registry-workbook.ts';
import { call, type Session } from '../http.ts';
import { DATA_DIR, type ProvinceMeta } from '../province.ts';
import { median } from '../report.ts';
import { cpuMs, memoryKb, type Server } from '../servers.ts';
import { IMPORT_ROWS, log, n0 } from '../settings.ts';

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
  /** CPU time the server process used in the phase (user + system, all threads), s: steadier than the seconds on a busy machine. */
  cpuS: number;
  /** The server's peak resident set in this phase (the larger of the 100 ms VmRSS samples and VmHWM, reset at the phase's start), MB. */
  peakRssMb: number;
  /** GET /api/health, asked every 200 ms by another client during the phase: how long the server kept it waiting. */
  healthMs: { count: number; median: number; max: number };
}

/** What the import part measured. */
export interface ImportResult {
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

/** Uploads the workbook, waits for the dry run, commits; samples memory and /api/health meanwhile. */
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
  const cpuAt = { dryRun: 0, commit: 0 };
  const figures = (p: 'dryRun' | 'commit', seconds: number): PhaseFigures => ({
    seconds,
    cpuS: cpuAt[p] / 1000,
    peakRssMb: peakKb[p] / 1024,
    healthMs: { count: health[p].length, median: median(health[p]), max: Math.max(0, ...health[p]) },
  });
  try {
    resetHwm();
    let cpuStart = cpuMs(pid) ?? 0;
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
    cpuAt.dryRun = (cpuMs(pid) ?? 0) - cpuStart;
    sample();
    if (status.status !== 'validated')
      throw new Error(`import dry run ended ${status.status}: ${JSON.stringify(status).slice(0, 500)}`);
    log(
      `import dry run: ${status.status} in ${dryRunS.toFixed(1)} s (${n0(status.totalRows)} rows, ${status.errorRows} with errors, ${status.duplicateRows} duplicates)`,
    );

    phase = 'commit';
    resetHwm();
    cpuStart = cpuMs(pid) ?? 0;
    const commit = await call(
      server.port,
      'POST',
      `/api/registry/imports/${id}/commit`,
      { ...headers, 'content-type': 'application/json' },
      JSON.stringify({ mode: 'valid' }),
    );
    cpuAt.commit = (cpuMs(pid) ?? 0) - cpuStart;
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

/** The import part: runs the import as the street admin and prints its figures; `good` when every row was committed. */
export async function importPart(
  huimin: Server,
  street: Session,
  meta: ProvinceMeta,
  engine: string,
): Promise<{ imp: ImportResult; good: boolean }> {
  log(
    `registry import of ${n0(IMPORT_ROWS)} rows as ${meta.accounts.streetAdmin} (${meta.street.name}, ${meta.services.importUnitCodes.length} units)`,
  );
  const imp = await runImport(huimin, street, meta);
  const good = imp.status.status === 'committed' && imp.status.committedRows === IMPORT_ROWS;
  const phaseLine = (name: string, f: PhaseFigures) =>
    `  ${name.padEnd(8)} ${f.seconds.toFixed(1).padStart(6)} s (server CPU ${f.cpuS.toFixed(1)} s)   peak RSS ${n0(f.peakRssMb).padStart(6)} MB   /api/health every 200 ms: median ${n0(f.healthMs.median)} ms, max ${n0(f.healthMs.max)} ms (${f.healthMs.count} answered)`;
  console.log(
    [
      `\nregistry import, ${n0(IMPORT_ROWS)} rows (${(imp.fileBytes / 1_048_576).toFixed(1)} MB .xlsx) as the street admin: ${n0(imp.status.committedRows)} committed, ${imp.status.errorRows} with errors, ${imp.status.duplicateRows} duplicates${good ? '' : ' — UNEXPECTED'}`,
      phaseLine('dry run', imp.dryRun) + `   (upload ${imp.uploadS.toFixed(1)} s to "validated")`,
      phaseLine('commit', imp.commit) + '   (mode valid; one request)',
      `  server RSS before: ${n0(imp.rssBeforeMb)} MB; peaks from ${imp.hwmReset ? 'VmHWM (reset at each phase) and ' : ''}100 ms samples of VmRSS${engine === 'postgres' ? ', the Node process only' : ''}`,
    ].join('\n'),
  );
  return { imp, good };
}
