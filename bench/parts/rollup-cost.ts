// Rollup maintenance (issue 13): what keeping the dashboards' rollups on write costs per record.
// The record book's own statements, in this process on the run's copy of the data set (16 million
// rollup rows): one record per transaction, written back to back with and without the rollup step
// (`rollRecords`, the step a group commit runs for its batch), in interleaved blocks so that both
// see the same machine. CPU per record is the steadier figure on a shared machine.
import { createDatabase } from '../../src/db/database.ts';
import {
  insertNewRecords,
  serviceColumns,
  type NewRecord,
} from '../../src/server/features/delivery/records.repository.ts';
import { newCode } from '../../src/server/codes.ts';
import { rollRecords } from '../../src/server/features/statistics/rollups.commands.ts';
import type { ProvinceMeta } from '../province.ts';
import { median } from '../report.ts';
import { log } from '../settings.ts';

const BLOCK = 50;
const BLOCKS = 8;

interface Variant {
  /** Wall time per record (one transaction each), ms: median of the blocks. */
  msPerRecord: number;
  /** This process's CPU per record, µs: median of the blocks. */
  cpuUsPerRecord: number;
  records: number;
}

/** What the rollup-cost part measured. */
export interface RollupCostResult {
  without: Variant;
  with: Variant;
  /** The rollup step alone, inside the transaction, ms per record (median of the blocks). */
  rollupStepMs: number;
  /** Records per second with rollups ÷ without. */
  throughputRatio: number;
}

/** Measures the rollup step's cost per record on the run's database (a file, or a PostgreSQL URL). */
export async function rollupCostPart(meta: ProvinceMeta, where: { sqliteFile?: string; databaseUrl?: string }) {
  const handle = await createDatabase(where);
  const { db } = handle;
  try {
    const s = meta.services.recordStudio;
    const studio = await db
      .selectFrom('studios')
      .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
      .select(['studios.unit_id', 'org_units.path'])
      .where('studios.id', '=', s.id)
      .executeTakeFirstOrThrow();
    const author = await db
      .selectFrom('accounts')
      .select('id')
      .where('username', '=', meta.accounts.member)
      .executeTakeFirstOrThrow();
    let seq = 0;
    const write = async (withRollups: boolean): Promise<number> => {
      const at = new Date().toISOString();
      const input = {
        servedAt: at,
        durationMinutes: 60,
        groups: ['elderly'],
        categoryId: s.categoryId,
        mode: 'home',
        content: '上门为独居老人测量血压，讲解慢性病用药常识。',
        personTimes: 1,
      };
      seq += 1;
      const values: NewRecord = {
        studio_id: s.id,
        unit_id: studio.unit_id,
        author_id: author.id,
        request_id: null,
        idempotency_key: `rollup-cost-${process.pid}-${seq}`,
        rating_code: newCode(),
        ...serviceColumns(input),
        created_at: at,
        updated_at: at,
      };
      let stepMs = 0;
      await db.transaction().execute(async (trx) => {
        await insertNewRecords(trx, [values]);
        if (withRollups) {
          const t0 = performance.now();
          await rollRecords(trx, [{ unitPath: studio.path, fact: { ...input, servedAt: input.servedAt } }]);
          stepMs = performance.now() - t0;
        }
      });
      return stepMs;
    };
    // Warm both paths (statements compiled, pages cached).
    for (let i = 0; i < 20; i++) await write(i % 2 === 0);
    const blocks = { without: [] as Array<[number, number]>, with: [] as Array<[number, number]> };
    const steps: number[] = [];
    for (let b = 0; b < BLOCKS * 2; b++) {
      const withRollups = b % 2 === 1;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      let stepMs = 0;
      for (let i = 0; i < BLOCK; i++) stepMs += await write(withRollups);
      const wall = (performance.now() - t0) / BLOCK;
      const cpu = process.cpuUsage(cpu0);
      (withRollups ? blocks.with : blocks.without).push([wall, (cpu.user + cpu.system) / BLOCK]);
      if (withRollups) steps.push(stepMs / BLOCK);
    }
    const variant = (xs: Array<[number, number]>): Variant => ({
      msPerRecord: Number(median(xs.map((x) => x[0])).toFixed(3)),
      cpuUsPerRecord: Math.round(median(xs.map((x) => x[1]))),
      records: xs.length * BLOCK,
    });
    const result: RollupCostResult = {
      without: variant(blocks.without),
      with: variant(blocks.with),
      rollupStepMs: Number(median(steps).toFixed(3)),
      throughputRatio: 0,
    };
    result.throughputRatio = Number((result.without.msPerRecord / result.with.msPerRecord).toFixed(3));
    log(
      `rollup maintenance, one record per transaction: without ${result.without.msPerRecord} ms (${result.without.cpuUsPerRecord} µs CPU), with ${result.with.msPerRecord} ms (${result.with.cpuUsPerRecord} µs CPU) per record; the step itself ${result.rollupStepMs} ms; throughput with ÷ without ${result.throughputRatio}`,
    );
    return result;
  } finally {
    await handle.close();
  }
}
