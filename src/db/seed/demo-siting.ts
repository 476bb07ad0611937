import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A small deterministic generator, so the demo data is the same on every install. */
function random(seed: number) {
  let s = seed % 2_147_483_647 || 1;
  return () => {
    s = (s * 48_271) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

const estates = ['花园', '新村', '小区', '公寓', '家园', '苑'];
const markets = ['农贸市场', '综合市场', '商贸城'];
const offices = ['商务大厦', '金融中心', '科技楼'];

/**
 * Demo residential areas and venues around Xinluo's real community and village points
 * (GCJ-02). Names carry （演示） and populations are estimates: the public data holds no
 * estate-level figures. Units without a point of their own are placed near their
 * street's point.
 */
export async function loadDemoSiting(db: Kysely<Database>, at: string): Promise<void> {
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'code', 'short_name', 'level', 'lng', 'lat', 'parent_id'])
    .orderBy('path')
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const areas: Array<{
    unit_id: number;
    name: string;
    population: number;
    lng: number;
    lat: number;
    created_at: string;
    updated_at: string;
  }> = [];
  const venues: Array<{
    unit_id: number;
    type: string;
    name: string;
    address: string;
    lng: number;
    lat: number;
    created_at: string;
    updated_at: string;
  }> = [];
  for (const u of units) {
    if (u.level !== 'community' && u.level !== 'village') continue;
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    const rnd = random(Number(u.code.slice(-6)) + 7);
    const own = u.lng !== null && u.lat !== null;
    // Without its own point, a unit is spread within about 2 km of its street's point.
    const baseLng = own ? (u.lng ?? 0) : (parent?.lng ?? 117.03) + (rnd() - 0.5) * 0.04;
    const baseLat = own ? (u.lat ?? 0) : (parent?.lat ?? 25.09) + (rnd() - 0.5) * 0.036;
    const urban = u.level === 'community';
    const count = urban ? 2 + Math.floor(rnd() * 3) : 1 + Math.floor(rnd() * 2);
    for (let i = 0; i < count; i++) {
      const name = urban
        ? `${u.short_name.replace('社区', '')}${estates[Math.floor(rnd() * estates.length)]}（演示）`
        : `${u.short_name}${['上', '下', '中', '新'][i] ?? ''}自然村（演示）`;
      areas.push({
        unit_id: u.id,
        name,
        population: Math.round((urban ? 1200 + rnd() * 3800 : 300 + rnd() * 1200) / 10) * 10,
        lng: baseLng + (rnd() - 0.5) * 0.012,
        lat: baseLat + (rnd() - 0.5) * 0.011,
        created_at: at,
        updated_at: at,
      });
    }
    venues.push({
      unit_id: u.id,
      type: 'community',
      name: `${u.short_name}党群服务中心`,
      address: `${parent?.short_name ?? ''}${u.short_name}`,
      lng: baseLng,
      lat: baseLat,
      created_at: at,
      updated_at: at,
    });
    if (urban && rnd() < 0.35)
      venues.push({
        unit_id: u.id,
        type: 'residential',
        name: `${u.short_name.replace('社区', '')}${estates[Math.floor(rnd() * estates.length)]}物业中心（演示）`,
        address: '',
        lng: baseLng + 0.004,
        lat: baseLat - 0.003,
        created_at: at,
        updated_at: at,
      });
    if (urban && rnd() < 0.2)
      venues.push({
        unit_id: u.id,
        type: 'market',
        name: `${u.short_name.replace('社区', '')}${markets[Math.floor(rnd() * markets.length)]}（演示）`,
        address: '',
        lng: baseLng - 0.003,
        lat: baseLat + 0.004,
        created_at: at,
        updated_at: at,
      });
    if (urban && rnd() < 0.15)
      venues.push({
        unit_id: u.id,
        type: 'office',
        name: `${u.short_name.replace('社区', '')}${offices[Math.floor(rnd() * offices.length)]}（演示）`,
        address: '',
        lng: baseLng + 0.005,
        lat: baseLat + 0.002,
        created_at: at,
        updated_at: at,
      });
  }
  for (const u of units.filter((x) => x.level === 'enterprise')) {
    const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
    venues.push({
      unit_id: u.id,
      type: 'enterprise',
      name: u.short_name,
      address: '',
      lng: (parent?.lng ?? 117.03) + 0.006,
      lat: (parent?.lat ?? 25.09) - 0.005,
      created_at: at,
      updated_at: at,
    });
  }
  for (let i = 0; i < areas.length; i += 200)
    await db
      .insertInto('residential_areas')
      .values(areas.slice(i, i + 200))
      .execute();
  for (let i = 0; i < venues.length; i += 200)
    await db
      .insertInto('venues')
      .values(venues.slice(i, i + 200))
      .execute();
}
