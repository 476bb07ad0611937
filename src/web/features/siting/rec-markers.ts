import * as L from 'leaflet';
import type { Translate } from '../../lib/i18n/index.ts';
import type { Coverage } from './api.ts';
import { toDisplay, type Datum } from './datum.ts';
import { spreadApart } from './spread.ts';

/** The pane of the numbered recommendations: above every marker and cluster, below tooltips. */
export const recommendationPane = 'hm-recs';
/** A numbered marker's diameter in pixels. */
const SIZE = 28;

function rankIcon(rank: number, offset: { dx: number; dy: number }): L.DivIcon {
  const text = document.createElement('span');
  text.textContent = String(rank);
  return L.divIcon({
    html: text,
    className: 'hm-map-rec',
    iconSize: [SIZE, SIZE],
    iconAnchor: [SIZE / 2 - offset.dx, SIZE / 2 - offset.dy],
  });
}

/**
 * The recommended sites as markers numbered 1, 2, 3 … in rank order, in their own pane above
 * the clusters; whenever the zoom changes, markers that would cover one another are moved
 * apart (the first keeps its place), so every number stays visible.
 */
export function recommendationMarkers(
  map: L.Map,
  coverage: Coverage,
  datum: Datum,
  t: Translate,
  tooltip: (...lines: string[]) => HTMLElement,
): L.LayerGroup {
  const markers = coverage.recommendations.map((r, i) => {
    const title = t('siting.rec.markerTitle', { rank: i + 1, name: r.venue.name, gain: r.gain });
    return L.marker(toDisplay(r.venue.lng, r.venue.lat, datum), {
      icon: rankIcon(i + 1, { dx: 0, dy: 0 }),
      pane: recommendationPane,
      title,
      alt: title,
      zIndexOffset: 1000 - i,
    }).bindTooltip(tooltip(t('siting.rec.rank', { rank: i + 1 }), r.venue.name, t('siting.rec.gain', { n: r.gain })));
  });
  const group = L.layerGroup(markers);
  const relayout = () => {
    const offsets = spreadApart(
      markers.map((m) => map.latLngToLayerPoint(m.getLatLng())),
      SIZE + 2,
    );
    markers.forEach((m, i) => m.setIcon(rankIcon(i + 1, offsets[i] ?? { dx: 0, dy: 0 })));
  };
  group.on('add', () => {
    map.on('zoomend', relayout);
    relayout();
  });
  group.on('remove', () => map.off('zoomend', relayout));
  return group;
}
