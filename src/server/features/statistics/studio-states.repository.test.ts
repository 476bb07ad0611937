import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/schema.ts';
import { subtreeRange } from '../../../domain/org-units/units.ts';
import { studioStatuses } from '../../../domain/studios/lifecycle.ts';
import { createTestDatabase } from '../../../../test/test-database.ts';
import { buildUnit } from '../../../../test/factories/org-units.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { listStudioStates, listStudioStatesAt, type StudioState } from './statistics.repository.ts';

// The studio states the dashboards, the bulletin and the public figures count are read with two
// flat queries for all instants at once. They must equal the former definition, one correlated
// subquery per studio and instant, kept here as the reference, on a generated mix of histories:
// none (imported or seeded studios), before, after and across the instants, ties on the same
// instant, studios created after an instant, and studios outside the subtree.

async function referenceStates(db: Kysely<Database>, path: string, before: string): Promise<StudioState[]> {
  const r = subtreeRange(path);
  const rows = await db
    .selectFrom('studios')
    .innerJoin('org_units', 'org_units.id', 'studios.unit_id')
    .select((eb) => [
      'studios.id',
      'studios.venue_type',
      'studios.status',
      'org_units.level',
      eb
        .selectFrom('studio_transitions')
        .select('to_status')
        .whereRef('studio_transitions.studio_id', '=', 'studios.id')
        .where('studio_transitions.at', '<', before)
        .orderBy('studio_transitions.at', 'desc')
        .orderBy('studio_transitions.id', 'desc')
        .limit(1)
        .as('status_then'),
      eb
        .selectFrom('studio_transitions')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('studio_transitions.studio_id', '=', 'studios.id')
        .as('transitions'),
    ])
    .where('org_units.path', '>=', r.from)
    .where('org_units.path', '<', r.to)
    .where('studios.created_at', '<', before)
    .execute();
  return rows.map((s) => ({
    id: s.id,
    venueType: s.venue_type,
    level: s.level,
    status: s.status_then ?? (Number(s.transitions) === 0 ? s.status : null),
  }));
}

/** A small seeded generator, so that a failure can be replayed. */
function generator(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x % n;
  };
}

const byId = (a: StudioState, b: StudioState) => a.id - b.id;
const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString();

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let street = { id: 0, path: '' };
let districtPath = '';
const instants = [day(120), day(365), day(400), day(800)];

beforeAll(async () => {
  handle = await createTestDatabase();
  const db = handle.db;
  const district = await buildUnit(db, { level: 'district' });
  districtPath = district.path;
  const s1 = await buildUnit(db, { level: 'street', parentId: district.id });
  const s2 = await buildUnit(db, { level: 'street', parentId: district.id });
  street = { id: s1.id, path: s1.path };
  const units = [
    await buildUnit(db, { level: 'community', parentId: s1.id }),
    await buildUnit(db, { level: 'village', parentId: s1.id }),
    await buildUnit(db, { level: 'community', parentId: s2.id }),
    await buildUnit(db, { level: 'enterprise', parentId: s2.id }),
  ];
  const outside = await buildUnit(db, { level: 'district' });
  const outsideCommunity = await buildUnit(db, {
    level: 'community',
    parentId: (await buildUnit(db, { level: 'street', parentId: outside.id })).id,
  });
  const rand = generator(20261203);
  const statuses = studioStatuses as readonly string[];
  const venues = [null, 'community', 'market', 'residential', 'office', 'enterprise'];
  for (let i = 0; i < 36; i++) {
    const unit = i % 9 === 8 ? outsideCommunity : units[i % units.length];
    const studio = await buildStudio(db, { unitId: unit?.id, status: 'active' });
    await db
      .updateTable('studios')
      .set({
        status: statuses[rand(statuses.length)] ?? 'active',
        venue_type: venues[rand(venues.length)] ?? null,
        created_at: day(rand(500)),
      })
      .where('id', '=', studio.id)
      .execute();
    // A third have no history; the others 1–6 transitions, some at the same instant.
    const n = i % 3 === 0 ? 0 : 1 + rand(6);
    let at = rand(900);
    for (let k = 0; k < n; k++) {
      if (rand(4) !== 0) at += rand(200);
      await db
        .insertInto('studio_transitions')
        .values({
          studio_id: studio.id,
          action: 'generated',
          from_status: null,
          to_status: statuses[rand(statuses.length)] ?? 'draft',
          actor_id: null,
          actor_name: null,
          note: null,
          at: day(at),
        })
        .execute();
    }
  }
});
afterAll(async () => {
  await handle.drop();
});

describe('studio states at instants', () => {
  it('equal the per-studio definition for every instant, subtree and mix of histories', async () => {
    for (const path of [districtPath, street.path]) {
      const states = await listStudioStatesAt(handle.db, path, instants);
      expect(states).toHaveLength(instants.length);
      for (const [k, instant] of instants.entries()) {
        const expected = (await referenceStates(handle.db, path, instant)).sort(byId);
        expect([...(states[k] ?? [])].sort(byId)).toEqual(expected);
      }
    }
  });

  it('covers what the mix is meant to cover', async () => {
    const all = (await listStudioStatesAt(handle.db, districtPath, instants)).flat();
    // Some studios read their present status (no history), some a status from history, some none yet.
    expect(all.some((s) => s.status === null)).toBe(true);
    expect(all.filter((s) => s.status !== null).length).toBeGreaterThan(10);
    const first = await listStudioStatesAt(handle.db, districtPath, [instants[0] ?? '']);
    const last = await listStudioStatesAt(handle.db, districtPath, [instants[3] ?? '']);
    expect(first[0]?.length ?? 0).toBeLessThan(last[0]?.length ?? 0);
  });

  it('answers one instant as the list of many does', async () => {
    const at = instants[1] ?? '';
    expect((await listStudioStates(handle.db, street.path, at)).sort(byId)).toEqual(
      (await referenceStates(handle.db, street.path, at)).sort(byId),
    );
    expect(await listStudioStatesAt(handle.db, street.path, [])).toEqual([]);
  });
});
