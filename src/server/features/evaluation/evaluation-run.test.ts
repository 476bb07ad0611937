import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/test-app.ts';
import { buildAccount } from '../../../../test/factories/accounts.ts';
import { buildUnit } from '../../../../test/factories/org-units.ts';
import { buildRecord } from '../../../../test/factories/records.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import type { RunResult, ScoreDetail, ScoreSummary } from '../../../contract/evaluation.ts';
import { DomainError } from '../../../domain/errors.ts';
import { rootUnits } from './evaluation.repository.ts';
import { runQuarter, type RunOptions } from './run.service.ts';
import * as runs from './runs.repository.ts';

// A run's scores are written while it runs, under a pending run, and only its publication makes
// them what everyone reads: until then (and if it never comes) the previous result stays current.
// The test clock stands in 2026-Q4; 2026-Q3 is the quarter run.

let t: TestApp;
let admin: Client;
let root: { id: number; path: string };
let studioId: number;

const Q3_AT = '2026-08-10T02:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const [first] = await rootUnits(t.db);
  root = first as { id: number; path: string };
  const community = await buildUnit(t.db, { level: 'community' });
  const owner = await buildAccount(t.db, { role: 'member', unitId: community.id });
  const s = await buildStudio(t.db, { unitId: community.id, applicantId: owner.id });
  await t.db
    .updateTable('studios')
    .set({ status_changed_at: '2026-01-05T00:00:00.000Z' })
    .where('id', '=', s.id)
    .execute();
  await buildRecord(t.db, { studioId: s.id, servedAt: Q3_AT });
  studioId = s.id;
});
afterAll(() => t.close());

const options = (o: Partial<RunOptions> = {}): RunOptions => ({
  root,
  quarter: '2026-Q3',
  dryRun: false,
  trigger: 'manual',
  actor: null,
  ...o,
});
const ctx = () => ({ actor: null, ip: '', requestId: 'test', at: t.clock.now().toISOString() });
const scores = async () =>
  ((await admin.get('/api/evaluation/scores?quarter=2026-Q3&limit=200')).json() as { items: ScoreSummary[] }).items;
const studioScore = async () =>
  (await admin.get(`/api/studios/${studioId}/evaluation?quarter=2026-Q3`)).json() as ScoreDetail;
const scoreRows = () => t.db.selectFrom('evaluation_scores').select(['id', 'run_id']).execute();

/** A run that stops with an error once `step` is reached (as a failure half-way would). */
const failingAt = (step: string) => ({
  step(name: string) {
    if (name === step) throw new Error(`stopped at ${step}`);
  },
});

describe('a run on its way', () => {
  let first: RunResult;

  it('publishes a first run', async () => {
    first = await runQuarter(t.db, ctx(), options());
    expect(first.runId).toEqual(expect.any(Number));
    expect((await scores()).map((s) => s.id).length).toBe(first.scored);
  });

  it('leaves the previous result current when a run fails half-way, and keeps none of its rows', async () => {
    const before = await scores();
    const rows = (await scoreRows()).length;
    const audits = await t.auditCount();
    await expect(runQuarter(t.db, ctx(), options({ timings: failingAt('places batch') }))).rejects.toThrow(
      'stopped at places batch',
    );
    expect(await scores()).toEqual(before);
    expect((await scoreRows()).length).toBe(rows);
    expect(await t.auditCount()).toBe(audits);
    const pending = await t.db.selectFrom('evaluation_runs').select('id').where('status', '=', 'pending').execute();
    expect(pending).toEqual([]);
  });

  it('hides the scores of a run that died before publishing, then a re-run supersedes and deletes them', async () => {
    const before = await scores();
    const mine = before.find((s) => s.studioId === studioId);
    // What a process that died after writing some scores leaves: a pending run and its rows.
    const dead = await runs.insertPendingRun(t.db, {
      quarter: '2026-Q3',
      version: 1,
      trigger: 'manual',
      runBy: null,
      at: ctx().at,
    });
    const place = await t.db
      .selectFrom('evaluation_scores')
      .select(['unit_id', 'street_id'])
      .where('studio_id', '=', studioId)
      .executeTakeFirstOrThrow();
    const [row] = await runs.insertPendingScores(t.db, [
      {
        run_id: dead,
        quarter: '2026-Q3',
        scheme_version: 1,
        studio_id: studioId,
        unit_id: place.unit_id,
        street_id: place.street_id,
        total: 99,
        added: 99,
        deducted: 0,
        per_member: 1,
        vetoed: 0,
        district_rank: 1,
        street_rank: 1,
        breakdown_json: '{"items":[],"vetoes":[],"added":99,"deducted":0,"total":99,"vetoed":false,"formula":""}',
        changes_json: null,
        is_current: 1,
        created_at: ctx().at,
      },
    ]);
    expect(await scores()).toEqual(before);
    const detail = await studioScore();
    expect(detail.id).toBe(mine?.id);
    expect(detail.history.map((h) => h.id)).not.toContain(row);
    expect((await admin.get(`/api/evaluation/scores/${row}`)).statusCode).toBe(404);

    const res = await admin.post('/api/evaluation/runs', { quarter: '2026-Q3' });
    expect(res.statusCode, res.body).toBe(200);
    const rerun = res.json() as RunResult;
    const after = await scores();
    expect(after.find((s) => s.studioId === studioId)?.total).toBe(mine?.total);
    expect(after.find((s) => s.studioId === studioId)?.changes).toEqual([]);
    expect(after.length).toBe(rerun.scored);
    expect((await studioScore()).history).toHaveLength(2);
    expect((await scoreRows()).filter((r) => r.run_id === dead)).toEqual([]);
    expect(await t.db.selectFrom('evaluation_runs').select('id').where('id', '=', dead).execute()).toEqual([]);
    // Every studio has one row marked current once the run has settled.
    const current = await t.db
      .selectFrom('evaluation_scores')
      .select(['studio_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('quarter', '=', '2026-Q3')
      .where('is_current', '=', 1)
      .groupBy('studio_id')
      .execute();
    expect(current.every((c) => Number(c.n) === 1)).toBe(true);
  });

  it('publishes one of two runs at once; the other answers RUN_SUPERSEDED and leaves nothing', async () => {
    const rows = (await scoreRows()).length;
    const outcomes = await Promise.allSettled([runQuarter(t.db, ctx(), options()), runQuarter(t.db, ctx(), options())]);
    const published = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(published).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(DomainError);
    expect((refused[0] as DomainError).code).toBe('RUN_SUPERSEDED');
    const scored = (published[0] as PromiseFulfilledResult<RunResult>).value.scored;
    expect((await scoreRows()).length).toBe(rows + scored);
    expect((await scores()).length).toBe(scored);
    expect(await t.db.selectFrom('evaluation_runs').select('id').where('status', '=', 'pending').execute()).toEqual([]);
  });

  it('a dry run writes nothing, not even a pending run', async () => {
    const runsBefore = await t.db.selectFrom('evaluation_runs').select('id').execute();
    const dry = await runQuarter(t.db, ctx(), options({ dryRun: true }));
    expect(dry.runId).toBeNull();
    expect(await t.db.selectFrom('evaluation_runs').select('id').execute()).toEqual(runsBefore);
  });

  it('publishes a run over units with no studio: nothing scored, no error', async () => {
    // On PostgreSQL the count of a run's scores was asked from an id past the integer range
    // when it had written none (an error 22003, so a 500 or a failed job).
    const street = await buildUnit(t.db, { level: 'street' });
    const empty = await runQuarter(t.db, ctx(), options({ root: street, quarter: '2026-Q2' }));
    expect(empty.scored).toBe(0);
    expect(empty.runId).not.toBeNull();
  });
});
