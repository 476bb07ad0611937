import { useT } from '../i18n/index.tsx';

interface Point {
  id: number;
  name: string;
  lng: number;
  lat: number;
  distanceM: number;
}

const R = 90; // drawing radius inside the -100…100 view box, leaving room for labels

/** Metres east and north of the origin; a flat projection is exact enough within a few kilometres. */
function offset(origin: { lng: number; lat: number }, p: { lng: number; lat: number }): [number, number] {
  const east = (p.lng - origin.lng) * 111_320 * Math.cos((origin.lat * Math.PI) / 180);
  const north = (p.lat - origin.lat) * 110_574;
  return [east, north];
}

/**
 * A sketch map: the resident in the centre, each studio as its list number at its true
 * bearing and distance, with two distance rings. No tiles and no map library, so it costs
 * nothing on a slow connection; the list below it says the same in words.
 */
export function NearbyMap({
  origin,
  studios,
  formatDistance,
}: {
  origin: { lng: number; lat: number };
  studios: readonly Point[];
  formatDistance(m: number): string;
}) {
  const { t } = useT();
  const far = Math.max(200, ...studios.map((s) => Math.hypot(...offset(origin, s))));
  const scale = R / far;
  return (
    <figure className="r-map">
      <svg viewBox="-100 -100 200 200" role="img" aria-label={t('find.mapLabel', { d: formatDistance(far) })}>
        <circle r={R} className="r-map-ring" />
        <circle r={R / 2} className="r-map-ring" />
        <text x={2} y={-R + 9} className="r-map-scale">
          {formatDistance(far)}
        </text>
        <text x={2} y={-R / 2 + 9} className="r-map-scale">
          {formatDistance(far / 2)}
        </text>
        <text x={0} y={-R - 2} className="r-map-north" textAnchor="middle">
          N
        </text>
        <circle r={5} className="r-map-you" />
        <text y={16} textAnchor="middle" className="r-map-you-label">
          {t('find.you')}
        </text>
        {studios.map((s, i) => {
          const [east, north] = offset(origin, s);
          return (
            <g key={s.id} transform={`translate(${(east * scale).toFixed(1)} ${(-north * scale).toFixed(1)})`}>
              <circle r={7} className="r-map-point" />
              <text y={3.5} textAnchor="middle" className="r-map-point-label">
                {i + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="r-hint">{t('find.map')}</figcaption>
    </figure>
  );
}
