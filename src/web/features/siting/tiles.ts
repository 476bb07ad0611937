import * as L from 'leaflet';
import { escapeHtml } from '../../lib/html.ts';
import type { TileSource } from './api.ts';

/**
 * The tile layer for the configured source, or null for none (the map then draws only the
 * outline and points, and works without a network).
 */
export function tileLayerOf(tiles: TileSource): L.Layer | null {
  switch (tiles.kind) {
    case 'none':
      return null;
    case 'osm':
      // Leaflet writes attributions as HTML; an admin's text is shown as text, never as markup.
      return L.tileLayer(tiles.url, { attribution: escapeHtml(tiles.attribution), maxZoom: 19 });
    case 'amap':
      // AMap's public web tiles (GCJ-02); style 8 is the street map with labels.
      return L.tileLayer(
        'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
        {
          subdomains: '1234',
          attribution: '© 高德地图 AutoNavi',
          maxZoom: 18,
        },
      );
    case 'tianditu': {
      // Tianditu in Web Mercator ("_w"): the vector base map and its Chinese labels, both needing the key.
      const url = (layer: string) =>
        `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(tiles.key)}`;
      const options = { subdomains: '01234567', maxZoom: 18, attribution: '© 天地图 Tianditu' };
      return L.layerGroup([L.tileLayer(url('vec'), options), L.tileLayer(url('cva'), options)]);
    }
  }
}
