import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { businessDayStart } from '../../time.ts';
import { countInspections } from './statistics.repository.ts';
import { sumCounts, sumVolunteersBefore } from './count-rollups.repository.ts';

// The dashboard counts the inspections of both periods in one pass, and reads the registry and
// the letters from the counts kept on write. On the demo world, for periods around its
// data, each period's figures must be what counting that period alone gives (the former
// queries, kept here as the reference).

let t: TestApp;
let rootPath = '';
let streetPath = '';
const unitIdOf = new Map<string, number>();

const periods = [
  { from: '2026-01-01', to: '2027-01-01' },
  { from: '2025-01-01', to: '2026-01-01' },
  { from: '2026-10-01', to: '2026-12-01' },
  { from: '2026-08-01', to: '2026-10-01' },
];

async function volunteersBefore(db: Kysely<Database>, path: string, before: string) {
  const r = subtreeRange(path);
  const rows = await db
    .selectFrom('volunteers')
    .innerJoin('org_units', 'org_units.id', 'volunteers.unit_id')
    .select(['volunteers.kind', 'volunteers.screening_status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('volunteers.created_at', '<', before)
    .groupBy(['volunteers.kind', 'volunteers.screening_status'])
    .execute();
  return rows.map((x) => ({ kind: x.kind, screening: x.screening_status, n: Number(x.n) }));
}

async function lettersIn(db: Kysely<Database>, path: string, from: string, to: string) {
  const r = subtreeRange(path);
  const rows = await db
    .selectFrom('letters')
    .innerJoin('org_units', 'org_units.id', 'letters.unit_id')
    .select(['letters.type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('letters.received_on', '>=', from)
    .where('letters.received_on', '<', to)
    .groupBy('letters.type')
    .execute();
  return rows.map((x) => ({ key: x.type, n: Number(x.n) }));
}

async function inspectionsIn(db: Kysely<Database>, path: string, from: string, to: string, today: string) {
  const r = subtreeRange(path);
  const row = await db
    .selectFrom('inspections')
    .innerJoin('org_units', 'org_units.id', 'inspections.unit_id')
    .select([
      sql<number>`sum(case when inspections.status in ('submitted', 'corrected') then 1 else 0 end)`.as('done'),
      sql<number>`sum(case when inspections.status = 'planned' and inspections.due_on < ${today} then 1 else 0 end)`.as(
        'overdue',
      ),
      sql<number>`sum(case when inspections.status = 'planned' and inspections.due_on >= ${today} then 1 else 0 end)`.as(
        'planned',
      ),
    ])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('inspections.due_on', '>=', from)
    .where('inspections.due_on', '<', to)
    .executeTakeFirstOrThrow();
  return { done: Number(row.done ?? 0), overdue: Number(row.overdue ?? 0), planned: Number(row.planned ?? 0) };
}

const byKey = <T extends object>(rows: T[]) =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

beforeAll(async () => {
  t = await createTestApp();
  const root = await t.db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  rootPath = root.path;
  unitIdOf.set(root.path, root.id);
  const street = await t.db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('code', '=', '350802003000')
    .executeTakeFirstOrThrow();
  streetPath = street.path;
  unitIdOf.set(street.path, street.id);
});
afterAll(async () => {
  await t.close();
});

describe('dashboard counts of several periods in one pass', () => {
  it('give each period what counting it alone gives, for the district and a street', async () => {
    const today = '2026-11-25';
    let seen = 0;
    for (const path of [rootPath, streetPath]) {
      const ends = periods.map((p) => businessDayStart(p.to));
      const volunteers = await sumVolunteersBefore(
        t.db,
        unitIdOf.get(path) ?? 0,
        periods.map((p) => p.to),
      );
      const letters = await sumCounts(t.db, unitIdOf.get(path) ?? 0, 'letter', periods);
      const inspections = await countInspections(t.db, path, periods, today);
      for (const [k, p] of periods.entries()) {
        const vol = await volunteersBefore(t.db, path, ends[k] ?? '');
        expect(byKey(volunteers[k] ?? [])).toEqual(byKey(vol));
        const let_ = await lettersIn(t.db, path, p.from, p.to);
        expect(byKey(letters[k] ?? [])).toEqual(byKey(let_));
        expect(inspections[k]).toEqual(await inspectionsIn(t.db, path, p.from, p.to, today));
        seen += vol.length + let_.length;
      }
    }
    // The demo world has registry people and letters in these periods: the comparison is not vacuous.
    expect(seen).toBeGreaterThan(4);
  });
});
