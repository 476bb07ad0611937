import gcoordModule from 'gcoord';
import { defaultExport } from '../../lib/interop.ts';
import type { Outline, TileSource } from './api.ts';

// Huimin stores GCJ-02 (the datum of the shipped Xinluo data and of AMap). A map drawn on
// tiles in another datum must convert every point, or it lands 300–600 m off in Xinluo.

interface Gcoord {
  transform<T>(input: T, from: string, to: string): T;
}
// gcoord's typings declare an ES default export; tsc (NodeNext) sees the package as
// CommonJS and types the import as a namespace, while Vite hands over the object itself.
const gcoord = defaultExport(gcoordModule as unknown as Gcoord | { default: Gcoord });

/** The datum a map's points must be in to sit right on its tiles. */
export type Datum = 'gcj02' | 'wgs84';

/**
 * No tiles and AMap tiles: GCJ-02, as stored. OSM-style tiles and Tianditu (CGCS2000, within
 * centimetres of WGS-84): WGS-84.
 */
export function datumOf(tiles: TileSource): Datum {
  return tiles.kind === 'osm' || tiles.kind === 'tianditu' ? 'wgs84' : 'gcj02';
}

/** A stored point, as Leaflet's [lat, lng] in the display datum. */
export function toDisplay(lng: number, lat: number, datum: Datum): [number, number] {
  if (datum === 'gcj02') return [lat, lng];
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], 'GCJ02', 'WGS84');
  return [y, x];
}

/** The outline in the display datum (a copy: the loaded one stays GCJ-02). */
export function outlineIn(outline: Outline, datum: Datum): Outline {
  const copy = structuredClone(outline);
  return datum === 'gcj02' ? copy : gcoord.transform(copy, 'GCJ02', 'WGS84');
}
