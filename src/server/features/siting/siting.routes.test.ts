import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.ts';
import { buildStudio } from '../../../../test/factories/studios.ts';
import { studioIndexOf } from '../delivery/studio-index.repository.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Coverage = {
  totalPopulation: number;
  coveredPopulation: number;
  servingStudios: number;
  radius: number;
  uncovered: Array<{ id: number; population: number }>;
  recommendations: Array<{ venue: { id: number; name: string }; gain: number; areaIds: number[] }>;
};

describe('GET /api/siting/coverage', () => {
  it('shows a district admin, for 医疗保健, the covered population, the uncovered areas and ranked sites with their gains', async () => {
    const admin = await t.login('admin');
    const health = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()
    ).id;
    const res = await admin.get(`/api/siting/coverage?categoryId=${health}&picks=5`);
    expect(res.statusCode).toBe(200);
    const c = res.json() as Coverage;
    expect(c.radius).toBe(1000);
    expect(c.servingStudios).toBeGreaterThan(0);
    expect(c.totalPopulation).toBeGreaterThan(c.coveredPopulation);
    expect(c.coveredPopulation).toBeGreaterThan(0);
    expect(c.totalPopulation - c.coveredPopulation).toBe(c.uncovered.reduce((s, a) => s + a.population, 0));
    expect(c.recommendations).toHaveLength(5);
    const gains = c.recommendations.map((r) => r.gain);
    expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    // Each recommended site's areas were uncovered, and no area is counted twice.
    const uncoveredIds = new Set(c.uncovered.map((a) => a.id));
    const picked = c.recommendations.flatMap((r) => r.areaIds);
    expect(picked.every((id) => uncoveredIds.has(id))).toBe(true);
    expect(new Set(picked).size).toBe(picked.length);
  });

  it('covers more with a larger radius', async () => {
    const admin = await t.login('admin');
    const health = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()
    ).id;
    const near = (await admin.get(`/api/siting/coverage?categoryId=${health}&radius=500`)).json() as Coverage;
    const far = (await admin.get(`/api/siting/coverage?categoryId=${health}&radius=3000`)).json() as Coverage;
    expect(far.coveredPopulation).toBeGreaterThan(near.coveredPopulation);
  });

  it('counts a new residential area next to a serving studio as covered at once', async () => {
    const admin = await t.login('admin');
    const health = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()
    ).id;
    const studio = await t.db
      .selectFrom('studios')
      .select(['lng', 'lat', 'unit_id'])
      .where('name', '=', '来发医疗卫生专业服务室')
      .executeTakeFirstOrThrow();
    const before = (await admin.get(`/api/siting/coverage?categoryId=${health}`)).json() as Coverage;
    const created = await admin.post('/api/residential-areas', {
      unitId: studio.unit_id,
      name: '测试小区',
      population: 777,
      lng: studio.lng,
      lat: studio.lat,
    });
    expect(created.statusCode).toBe(201);
    const after = (await admin.get(`/api/siting/coverage?categoryId=${health}`)).json() as Coverage;
    expect(after.coveredPopulation - before.coveredPopulation).toBe(777);
  });

  it('limits a street admin to its street and refuses another street (404)', async () => {
    const street = await t.login('xicheng');
    const health = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'health').executeTakeFirstOrThrow()
    ).id;
    const own = (await street.get(`/api/siting/coverage?categoryId=${health}`)).json() as Coverage;
    const all = (await (await t.login('admin')).get(`/api/siting/coverage?categoryId=${health}`)).json() as Coverage;
    expect(own.totalPopulation).toBeLessThan(all.totalPopulation);
    expect(
      (await street.get(`/api/siting/coverage?categoryId=${health}&under=${await t.unitId('350802004000')}`))
        .statusCode,
    ).toBe(404);
    expect((await street.get('/api/siting/coverage?categoryId=abc')).statusCode).toBe(400);
  });
});

describe('GET /api/siting/coverage of a street', () => {
  it('counts a studio just across the street boundary: each area as covered as in the district view', async () => {
    const street = await t.login('xicheng');
    const admin = await t.login('admin');
    const xicheng = await t.unitId('350802003000');
    const categories = await t.db.selectFrom('categories').select(['id', 'code']).execute();
    let acrossTheBoundary = 0;
    for (const { id } of categories) {
      const own = (await street.get(`/api/siting/coverage?categoryId=${id}`)).json() as Coverage;
      const district = (await admin.get(`/api/siting/coverage?categoryId=${id}`)).json() as Coverage;
      const uncoveredInDistrict = new Set(district.uncovered.map((a) => a.id));
      // Every area the street sees uncovered is uncovered for the district too (same studios, same radius).
      expect(
        own.uncovered.filter((a) => !uncoveredInDistrict.has(a.id)),
        `category ${id}`,
      ).toEqual([]);
      const streetAreas = await t.db
        .selectFrom('residential_areas')
        .innerJoin('org_units', 'org_units.id', 'residential_areas.unit_id')
        .select(['residential_areas.id', 'residential_areas.population'])
        .where('org_units.parent_id', '=', xicheng)
        .execute();
      const coveredHere = streetAreas.filter((a) => !uncoveredInDistrict.has(a.id));
      expect(own.coveredPopulation, `category ${id}`).toBe(coveredHere.reduce((n, a) => n + a.population, 0));
      if (own.coveredPopulation > 0) acrossTheBoundary++;
    }
    expect(acrossTheBoundary).toBeGreaterThan(0);
  });

  it('covers an area of 西城 from a studio of 中城 809 m away across the boundary, as the district does', async () => {
    const admin = await t.login('admin');
    const street = await t.login('xicheng');
    const legal = (
      await t.db.selectFrom('categories').select('id').where('code', '=', 'legal').executeTakeFirstOrThrow()
    ).id;
    // A quiet corner with no other studio near: the area in 西城, the studio 809 m east, in 中城.
    const [lng, lat] = [117.3, 25.3];
    const created = await admin.post('/api/residential-areas', {
      unitId: await t.unitId('350802003004'),
      name: '西兴花园',
      population: 4321,
      lng,
      lat,
    });
    expect(created.statusCode).toBe(201);
    const areaId = (created.json() as { id: number }).id;
    const east = 809 / (111_320 * Math.cos((lat * Math.PI) / 180));
    const before = (await street.get(`/api/siting/coverage?categoryId=${legal}`)).json() as Coverage;
    expect(before.uncovered.map((a) => a.id)).toContain(areaId);
    await buildStudio(t.db, {
      unitId: await t.unitId('350802004001'),
      category: 'legal',
      name: '对街法律服务室',
      lng: lng + east,
      lat,
    });
    // Written straight to the table: tell the studio index, as the plaque's award does.
    studioIndexOf(t.db).invalidate();
    const district = (await admin.get(`/api/siting/coverage?categoryId=${legal}`)).json() as Coverage;
    expect(district.uncovered.map((a) => a.id)).not.toContain(areaId);
    const own = (await street.get(`/api/siting/coverage?categoryId=${legal}`)).json() as Coverage;
    expect(own.uncovered.map((a) => a.id)).not.toContain(areaId);
    expect(own.coveredPopulation - before.coveredPopulation).toBe(4321);
    // At 500 m the same studio is out of reach, for the street and the district alike.
    const near = (await street.get(`/api/siting/coverage?categoryId=${legal}&radius=500`)).json() as Coverage;
    expect(near.uncovered.map((a) => a.id)).toContain(areaId);
  });
});

describe('venues, areas and the map', () => {
  it('refuses a venue out of scope (404), of an unknown type or off the map (400)', async () => {
    const street = await t.login('xicheng');
    const unitId = await t.unitId('350802003004');
    expect(
      (
        await street.post('/api/venues', {
          unitId: await t.unitId('350802004001'),
          type: 'market',
          name: 'x',
          lng: 117.03,
          lat: 25.1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await street.post('/api/venues', { unitId, type: 'temple', name: 'x', lng: 117.03, lat: 25.1 })).statusCode,
    ).toBe(400);
    expect(
      (await street.post('/api/venues', { unitId, type: 'market', name: 'x', lng: 200, lat: 25.1 })).statusCode,
    ).toBe(400);
    const ok = await street.post('/api/venues', {
      unitId,
      type: 'market',
      name: '西兴农贸市场',
      lng: 117.023,
      lat: 25.097,
    });
    expect(ok.statusCode).toBe(201);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', '=', 'venue')
      .execute();
    expect(audit).toContainEqual({ entity: 'venue', action: 'create' });
  });

  it('gives the map its layers and the district outline; tiles default to none (works offline)', async () => {
    const admin = await t.login('admin');
    const layers = (await admin.get('/api/map/layers')).json() as {
      units: unknown[];
      venues: unknown[];
      areas: unknown[];
      studios: unknown[];
    };
    expect(layers.units.length).toBeGreaterThan(20);
    expect(layers.studios.length).toBeGreaterThan(0);
    const outline = (await admin.get('/api/map/outline')).json() as { type: string; features: unknown[] };
    expect(outline.type).toBe('FeatureCollection');
    expect((await admin.get('/api/map/settings')).json()).toEqual({ tiles: { kind: 'none' }, coverageRadiusM: 1000 });
  });

  it('lets the district admin set the tile source and radius, and nobody else', async () => {
    const settings = {
      tiles: { kind: 'osm', url: 'https://tiles.example.cn/{z}/{x}/{y}.png', attribution: '© OpenStreetMap' },
      coverageRadiusM: 800,
    };
    expect((await (await t.login('xicheng')).put('/api/map/settings', settings)).statusCode).toBe(403);
    const admin = await t.login('admin');
    expect((await admin.put('/api/map/settings', settings)).statusCode).toBe(200);
    expect(((await admin.get('/api/map/settings')).json() as { coverageRadiusM: number }).coverageRadiusM).toBe(800);
    expect(
      (
        await admin.put('/api/map/settings', {
          tiles: { kind: 'osm', url: 'javascript:alert(1)' },
          coverageRadiusM: 800,
        })
      ).statusCode,
    ).toBe(400);
  });
});

describe('what a viewer may do with a venue or a residential area', () => {
  it('tells an admin it may edit those in its subtree, and a member that it may only look', async () => {
    const street = (await (await t.login('xicheng')).get('/api/map/layers')).json() as {
      venues: Array<{ allowedActions: string[] }>;
      areas: Array<{ allowedActions: string[] }>;
    };
    expect(street.areas.length).toBeGreaterThan(0);
    for (const site of [...street.venues, ...street.areas]) expect(site.allowedActions).toEqual(['update']);
    const member = (await (await t.login('zhangwanzhen')).get('/api/residential-areas')).json() as Array<{
      allowedActions: string[];
    }>;
    expect(member.length).toBeGreaterThan(0);
    for (const area of member) expect(area.allowedActions).toEqual([]);
  });
});
