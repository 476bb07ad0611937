import type { z } from 'zod';
import type {
  coverageResult,
  mapLayers,
  mapSettings,
  mapSettingsInput,
  residentialArea,
  tileSource,
  venue,
} from '../../../contract/siting.ts';
import { api } from '../../lib/api.ts';

export type MapLayers = z.infer<typeof mapLayers>;
export type MapSettings = z.infer<typeof mapSettings>;
export type MapSettingsInput = z.input<typeof mapSettingsInput>;
export type TileSource = z.infer<typeof tileSource>;
export type Coverage = z.infer<typeof coverageResult>;
export type Venue = z.infer<typeof venue>;
export type Area = z.infer<typeof residentialArea>;
export type VenueType = Venue['type'];
export type Recommendation = Coverage['recommendations'][number];

/** A GeoJSON FeatureCollection of the district outline, in GCJ-02 (as shipped). */
export interface Outline {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: Record<string, unknown>;
    geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
  }[];
}

/** Siting (找准点): map data and coverage, always bounded by the account's subtree on the server. */
export const sitingApi = {
  settings: (signal?: AbortSignal) => api.get<MapSettings>('/api/map/settings', undefined, signal),
  saveSettings: (body: MapSettingsInput) => api.put<MapSettings>('/api/map/settings', body),
  outline: (signal?: AbortSignal) => api.get<Outline>('/api/map/outline', undefined, signal),
  layers: (signal?: AbortSignal) => api.get<MapLayers>('/api/map/layers', undefined, signal),
  coverage: (query: { categoryId: number; radius?: number | undefined; picks?: number }, signal?: AbortSignal) =>
    api.get<Coverage>('/api/siting/coverage', query, signal),
};
