import KDBush from 'kdbush';

/** Venues a studio can be sited in (深入社区、企业、大型市场、住宅小区、商务楼宇等场所采点). */
export const venueTypes = ['community', 'enterprise', 'market', 'residential', 'office'] as const;
export type VenueType = (typeof venueTypes)[number];

/** A point on a local plane, in metres. */
export interface Xy {
  x: number;
  y: number;
}

/**
 * Projects lng/lat to metres on a plane tangent at latitude `lat0` (equirectangular).
 * Within a province (a few degrees) the distance error stays near 1–2 %, fine for a
 * walking radius, and it lets a flat k-d tree answer radius queries.
 */
export function project(lng: number, lat: number, lat0: number): Xy {
  return { x: lng * 111_320 * Math.cos((lat0 * Math.PI) / 180), y: lat * 110_574 };
}

export interface Area extends Xy {
  id: number;
  population: number;
}

export interface Site extends Xy {
  id: number;
}

/** A recommended site: how many more residents it would bring within reach, and which areas. */
export interface Recommendation {
  venueId: number;
  gain: number;
  areaIds: number[];
}

export interface CoverageResult {
  totalPopulation: number;
  coveredPopulation: number;
  uncovered: Area[];
  recommendations: Recommendation[];
}

/** A k-d tree over areas, built once and reused for every radius query. */
export class AreaIndex {
  readonly areas: readonly Area[];
  private readonly tree: KDBush;

  constructor(areas: readonly Area[]) {
    this.areas = areas;
    this.tree = new KDBush(Math.max(areas.length, 1));
    for (const a of areas) this.tree.add(a.x, a.y);
    if (areas.length === 0) this.tree.add(0, 0);
    this.tree.finish();
  }

  /** Indexes of the areas within `radius` metres of a point. */
  within(p: Xy, radius: number): number[] {
    if (this.areas.length === 0) return [];
    return this.tree.within(p.x, p.y, radius);
  }
}

/**
 * Coverage of one category: which areas have a serving studio within the walking radius,
 * and a greedy maximum-coverage pick of candidate venues for the rest (就近、便利). Greedy
 * is within 1 - 1/e of the best possible pick and explains itself: each site's gain is
 * the population it adds beyond the sites before it.
 */
export function coverage(
  index: AreaIndex,
  studios: readonly Xy[],
  candidates: readonly Site[],
  radius: number,
  picks: number,
): CoverageResult {
  const covered = new Uint8Array(index.areas.length);
  for (const s of studios) for (const i of index.within(s, radius)) covered[i] = 1;

  const reach = candidates.map((c) => ({
    venueId: c.id,
    areas: index.within(c, radius).filter((i) => covered[i] === 0),
  }));
  const recommendations: Recommendation[] = [];
  for (let k = 0; k < picks; k++) {
    let best: { venueId: number; areas: number[]; gain: number } | undefined;
    for (const r of reach) {
      let gain = 0;
      for (const i of r.areas) if (covered[i] === 0) gain += index.areas[i]?.population ?? 0;
      if (gain > 0 && (!best || gain > best.gain || (gain === best.gain && r.venueId < best.venueId)))
        best = { ...r, gain };
    }
    if (!best) break;
    const newly = best.areas.filter((i) => covered[i] === 0);
    for (const i of newly) covered[i] = 1;
    recommendations.push({
      venueId: best.venueId,
      gain: best.gain,
      areaIds: newly.map((i) => index.areas[i]?.id ?? 0),
    });
  }

  // Coverage is reported before the recommendations are applied.
  const before = new Uint8Array(index.areas.length);
  for (const s of studios) for (const i of index.within(s, radius)) before[i] = 1;
  let totalPopulation = 0;
  let coveredPopulation = 0;
  const uncovered: Area[] = [];
  index.areas.forEach((a, i) => {
    totalPopulation += a.population;
    if (before[i]) coveredPopulation += a.population;
    else uncovered.push(a);
  });
  return { totalPopulation, coveredPopulation, uncovered, recommendations };
}
