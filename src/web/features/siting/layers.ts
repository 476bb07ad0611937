import * as L from 'leaflet';
import type { UnitLevel } from '../../../domain/org-units/units.ts';
import type { Translate } from '../../lib/i18n/index.ts';
import { levelLabel } from '../org-units/labels.ts';
import type { Area, Coverage, MapLayers, Outline, VenueType } from './api.ts';
import { clusterOf } from './cluster.ts';
import { outlineIn, toDisplay, type Datum } from './datum.ts';
import { recommendationMarkers } from './rec-markers.ts';

// Builders of the map's layers. Every label goes in as a text node: names come from the
// database, and Leaflet would put a string into innerHTML.

export const venueTypeColor: Record<VenueType, string> = {
  community: '#1d4ed8',
  enterprise: '#7c3aed',
  market: '#c2410c',
  residential: '#0f766e',
  office: '#4b5563',
};

/** Whether a point has coordinates: the API sends 0, 0 for a studio that has none. */
export function located(p: { lng: number; lat: number }): boolean {
  return p.lng !== 0 || p.lat !== 0;
}

function label(...lines: string[]): HTMLElement {
  const el = document.createElement('div');
  for (const [i, line] of lines.entries()) {
    if (i > 0) el.append(document.createElement('br'));
    el.append(document.createTextNode(line));
  }
  return el;
}

/** Area markers grow with population, within limits that keep small estates visible. */
function areaRadius(population: number): number {
  return Math.max(3, Math.min(10, Math.sqrt(population) / 12));
}

export function outlineLayer(outline: Outline, datum: Datum): L.GeoJSON {
  // GeoJSON's own type is wider than the outline's; the shapes are the same.
  return L.geoJSON(outlineIn(outline, datum) as unknown as Parameters<typeof L.geoJSON>[0], {
    style: { color: '#9b1c1c', weight: 2.5, fillColor: '#9b1c1c', fillOpacity: 0.04 },
    interactive: false,
  });
}

export function unitsLayer(units: MapLayers['units'], datum: Datum, t: Translate): L.Layer {
  return clusterOf(
    'units',
    units.map((u) =>
      L.circleMarker(toDisplay(u.lng, u.lat, datum), {
        radius: u.level === 'district' || u.level === 'street' || u.level === 'town' ? 6 : 4,
        color: '#111827',
        weight: 1.5,
        fillColor: '#fff',
        fillOpacity: 1,
        className: 'hm-map-unit',
      }).bindTooltip(label(u.name, levelLabel(t, u.level as UnitLevel))),
    ),
    (n) => t('siting.cluster.units', { n }),
  );
}

export function venuesLayer(
  venues: MapLayers['venues'],
  types: ReadonlySet<VenueType>,
  datum: Datum,
  t: Translate,
): L.Layer {
  return clusterOf(
    'venues',
    venues
      .filter((v) => types.has(v.type))
      .map((v) =>
        L.circleMarker(toDisplay(v.lng, v.lat, datum), {
          radius: 5,
          color: venueTypeColor[v.type],
          weight: 2,
          fillColor: venueTypeColor[v.type],
          fillOpacity: 0.35,
          className: 'hm-map-venue',
        }).bindTooltip(label(v.name, `${t(`siting.venueType.${v.type}`)} · ${v.unitName}`)),
      ),
    (n) => t('siting.cluster.venues', { n }),
  );
}

export function areasLayer(areas: Area[], datum: Datum, t: Translate): L.Layer {
  return clusterOf(
    'areas',
    areas.map((a) =>
      L.circleMarker(toDisplay(a.lng, a.lat, datum), {
        radius: areaRadius(a.population),
        color: '#0369a1',
        weight: 1,
        fillColor: '#38bdf8',
        fillOpacity: 0.35,
        className: 'hm-map-area',
      }).bindTooltip(label(a.name, t('siting.population', { n: a.population }))),
    ),
    (n) => t('siting.cluster.areas', { n }),
  );
}

export function studiosLayer(
  studios: MapLayers['studios'],
  categoryId: number | undefined,
  colorOf: (categoryId: number) => string,
  nameOf: (id: number) => string,
  datum: Datum,
  t: Translate,
): L.Layer {
  return clusterOf(
    'studios',
    studios
      .filter((s) => located(s) && (categoryId === undefined || s.categoryIds.includes(categoryId)))
      .map((s) => {
        const color = colorOf(categoryId ?? s.categoryIds[0] ?? 0);
        return L.circleMarker(toDisplay(s.lng, s.lat, datum), {
          radius: 8,
          color: '#fff',
          weight: 2,
          fillColor: color,
          fillOpacity: 1,
          className: 'hm-map-studio',
        }).bindTooltip(label(s.name, s.categoryIds.map(nameOf).join('、')));
      }),
    (n) => t('siting.cluster.studios', { n }),
  );
}

/**
 * A coverage answer on the map: the walking radius around each serving studio (green), the
 * residential areas nobody serves (red), and the recommended venues, numbered by rank, with
 * the radius each would cover (dashed).
 */
export function coverageLayer(
  map: L.Map,
  coverage: Coverage,
  studios: MapLayers['studios'],
  datum: Datum,
  t: Translate,
): L.LayerGroup {
  const group = L.layerGroup();
  for (const s of studios.filter((x) => located(x) && x.categoryIds.includes(coverage.categoryId))) {
    L.circle(toDisplay(s.lng, s.lat, datum), {
      radius: coverage.radius,
      color: '#15803d',
      weight: 1,
      fillColor: '#22c55e',
      fillOpacity: 0.12,
      interactive: false,
      className: 'hm-map-served',
    }).addTo(group);
  }
  for (const a of coverage.uncovered) {
    L.circleMarker(toDisplay(a.lng, a.lat, datum), {
      radius: areaRadius(a.population),
      color: '#b91c1c',
      weight: 1.5,
      fillColor: '#ef4444',
      fillOpacity: 0.6,
      className: 'hm-map-uncovered',
    })
      .bindTooltip(label(a.name, t('siting.population', { n: a.population }), t('siting.coverage.notCovered')))
      .addTo(group);
  }
  for (const r of coverage.recommendations) {
    L.circle(toDisplay(r.venue.lng, r.venue.lat, datum), {
      radius: coverage.radius,
      color: '#b45309',
      weight: 2,
      dashArray: '6 6',
      fill: false,
      interactive: false,
      className: 'hm-map-rec-radius',
    }).addTo(group);
  }
  recommendationMarkers(map, coverage, datum, t, label).addTo(group);
  return group;
}
