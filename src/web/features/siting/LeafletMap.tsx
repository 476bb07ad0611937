import { useEffect, useRef } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { recommendationPane } from './rec-markers.ts';

// Xinluo's centre, for the first frame before the outline is fitted.
const XINLUO: L.LatLngTuple = [25.1, 117.03];

interface Props {
  /** What the map shows, for screen readers (the lists beside it carry the same data). */
  label: string;
  describedBy?: string;
  /** Receives the map once created, and null when it is removed. */
  onReady(map: L.Map | null): void;
}

/**
 * Plain Leaflet in a React component: the map is created once per mount and handed to the
 * parent, whose layers add and remove themselves (see use-map-layer.ts). No react-leaflet:
 * the page needs a few layers, not a declarative scene graph.
 */
export function LeafletMap({ label, describedBy, onReady }: Props) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // maxZoom: clusters need one even when no tile layer (which would bring its own) is drawn.
    const map = L.map(element, {
      center: XINLUO,
      zoom: 11,
      maxZoom: 19,
      zoomSnap: 0.5,
      keyboard: true,
      attributionControl: true,
    });
    // Leaflet's own credit line links out; keep only the tile sources' attributions.
    map.attributionControl.setPrefix(false);
    // The numbered recommendations sit above every marker and cluster (600), below tooltips (650).
    map.createPane(recommendationPane).style.zIndex = '640';
    // The container changes size with the layout (large-font mode, the panel wrapping below on phones).
    const resized = new ResizeObserver(() => map.invalidateSize());
    resized.observe(element);
    onReady(map);
    return () => {
      resized.disconnect();
      onReady(null);
      map.remove();
    };
    // Created once: onReady is a state setter.
  }, []);

  return (
    <div
      ref={container}
      className="hm-map"
      role="region"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="siting-map"
    />
  );
}
