import * as L from 'leaflet';
// leaflet.markercluster is a plugin of the global L, which the import above has set.
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';

/**
 * Leaflet as the plugin extended it: the global object the leaflet module sets. The bundler's
 * namespace for `import * as L` is a copy taken before the plugin ran, without its additions.
 */
function extendedLeaflet(): typeof L {
  return (window as unknown as { L: typeof L }).L;
}

/** The kinds of point the map clusters, each with its own colour of cluster. */
export type ClusterKind = 'units' | 'areas' | 'studios' | 'venues';

/**
 * A layer that gathers the markers overlapping at the current zoom into one numbered circle
 * (clicking it zooms in to split it; points at one spot fan out at the last zoom). The
 * circle's name for screen readers says how many of what it holds.
 */
export function clusterOf(
  kind: ClusterKind,
  markers: L.Layer[],
  describe: (count: number) => string,
): L.MarkerClusterGroup {
  const group = extendedLeaflet().markerClusterGroup({
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    // A street's points stand apart at this zoom; below it they overlap.
    disableClusteringAtZoom: 17,
    maxClusterRadius: 40,
    chunkedLoading: true,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      const html = document.createElement('span');
      const shown = document.createElement('span');
      shown.setAttribute('aria-hidden', 'true');
      shown.textContent = String(count);
      const spoken = document.createElement('span');
      spoken.className = 'hm-visually-hidden';
      spoken.textContent = describe(count);
      html.append(shown, spoken);
      const size = count < 10 ? 28 : count < 100 ? 34 : 40;
      return L.divIcon({
        html,
        className: `hm-cluster hm-cluster-${kind}`,
        iconSize: [size, size],
      });
    },
  });
  group.addLayers(markers);
  return group;
}
