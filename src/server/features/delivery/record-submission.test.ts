import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupCommitterOf } from '../../../db/group-commit.ts';
import { createStudio } from '../../../../test/factories/studios.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { auditRowOf } from '../audit/audit.repository.ts';
import { recordStep, type PendingRecord } from './record-submission.service.ts';
import type { NewRecord } from './records.repository.ts';

// The records of one group transaction are written by one multi-row insert (see recordStep);
// these jobs are put in one batch by starting them in the same turn of the event loop.
let t: TestApp;
let studio: { id: number; unitId: number; unitPath: string };
let authorId: number;
let categoryId: number;
beforeAll(async () => {
  t = await createTestApp();
  const id = (await createStudio(t.db, { status: 'active', category: 'health' })).id;
  const row = await t.db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select(['studios.unit_id', 'org_units.path'])
    .where('studios.id', '=', id)
    .executeTakeFirstOrThrow();
  studio = { id, unitId: row.unit_id, unitPath: row.path };
  authorId = (
    await t.db.selectFrom('accounts').select('id').where('username', '=', 'zhangwanzhen').executeTakeFirstOrThrow()
  ).id;
  categoryId = (await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => t.close());

function pending(key: string, over: Partial<NewRecord> = {}): PendingRecord {
  const at = '2026-11-25T08:00:00.000Z';
  const values: NewRecord = {
    studio_id: studio.id,
    unit_id: studio.unitId,
    author_id: authorId,
    request_id: null,
    idempotency_key: key,
    rating_code: `R${key.slice(-7).toUpperCase()}`,
    served_at: '2026-11-25T06:30:00.000Z',
    duration_minutes: 60,
    recipient_name: null,
    groups_json: '["youth"]',
    category_id: categoryId,
    mode: 'activity',
    content: '健康讲座',
    person_times: 7,
    created_at: at,
    updated_at: at,
    ...over,
  };
  const fact = {
    servedAt: values.served_at,
    categoryId,
    mode: 'activity' as const,
    groups: ['youth'],
    personTimes: 7,
  };
  return {
    values,
    unitPath: studio.unitPath,
    fact,
    audit: (id) =>
      auditRowOf(
        { at, actor: null, ip: null, requestId: null },
        { entity: 'serviceRecord', entityId: id, action: 'create', unitId: studio.unitId },
      ),
    written: {},
  };
}

/** Runs the records as one group transaction (the jobs all queue before the batch is taken). */
async function writeTogether(records: PendingRecord[]) {
  const committer = groupCommitterOf(t.db);
  return Promise.all(
    records.map((r) =>
      committer.run(async (_trx, batch) => {
        batch.add(recordStep, r);
        return r.written;
      }),
    ),
  );
}

const personTimes = async () =>
  Number(
    (
      await t.db
        .selectFrom('service_rollups')
        .select('person_times')
        .where('unit_id', '=', studio.unitId)
        .where('grain', '=', 'month')
        .where('period', '=', '2026-11')
        .where('category_id', '=', categoryId)
        .where('mode', '=', 'activity')
        .where('group_key', '=', 'youth')
        .executeTakeFirst()
    )?.person_times ?? 0,
  );
const audited = async (ids: number[]) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity', '=', 'serviceRecord')
      .where('entity_id', 'in', ids.map(String))
      .execute()
  ).length;

describe('records written together (recordStep)', () => {
  it('writes each key once, and counts and audits only what it wrote', async () => {
    const before = await personTimes();
    const [a, copy, b] = await writeTogether([
      pending('batch-key-0001'),
      pending('batch-key-0001'),
      pending('batch-key-0002'),
    ]);
    expect(a?.id).toBeGreaterThan(0);
    expect(b?.id).toBeGreaterThan(0);
    // The second copy of a key in the same batch is skipped, as a retry is.
    expect(copy).toEqual({});
    const [retry] = await writeTogether([pending('batch-key-0002')]);
    expect(retry).toEqual({});
    expect(await personTimes()).toBe(before + 14);
    expect(await audited([a?.id ?? 0, b?.id ?? 0])).toBe(2);
  });

  it('fails only the record at fault when one breaks a constraint', async () => {
    const before = await personTimes();
    const [good, bad, other] = await writeTogether([
      pending('batch-key-0101'),
      pending('batch-key-0102', { studio_id: 987_654_321 }), // no such studio: a foreign key fails
      pending('batch-key-0103'),
    ]);
    expect(bad?.error).toBeInstanceOf(Error);
    expect(bad?.id).toBeUndefined();
    expect(good?.id).toBeGreaterThan(0);
    expect(other?.id).toBeGreaterThan(0);
    expect(await personTimes()).toBe(before + 14);
    const keys = await t.db
      .selectFrom('service_records')
      .select('idempotency_key')
      .where('idempotency_key', 'like', 'batch-key-01%')
      .orderBy('idempotency_key')
      .execute();
    expect(keys.map((k) => k.idempotency_key)).toEqual(['batch-key-0101', 'batch-key-0103']);
  });
});
