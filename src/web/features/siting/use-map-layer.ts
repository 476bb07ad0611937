import { useEffect } from 'react';
import type * as L from 'leaflet';

/**
 * Adds the layer `build` makes to the map while the component is mounted, and rebuilds it
 * when `key` changes (a string built from the inputs). null draws nothing.
 */
export function useMapLayer(map: L.Map | null, build: () => L.Layer | null, key: string): void {
  useEffect(() => {
    if (!map) return;
    const layer = build();
    if (!layer) return;
    layer.addTo(map);
    return () => {
      layer.remove();
    };
    // `build` is a fresh closure every render; `key` says when its result would differ.
  }, [map, key]);
}
