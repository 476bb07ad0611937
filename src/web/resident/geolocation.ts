import type { ResidentKey } from './i18n/index.tsx';

/** A position from the phone, in WGS-84 as browsers give it (the server converts it). */
export interface Position {
  lng: number;
  lat: number;
}

/** Asks the phone where it is; rejects with the message key that explains why not. */
export function locate(): Promise<Position> {
  return new Promise((resolve, reject: (key: ResidentKey) => void) => {
    if (!('geolocation' in navigator)) {
      reject('find.geoUnsupported');
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: p.coords.longitude, lat: p.coords.latitude }),
      (err) => reject(err.code === err.PERMISSION_DENIED ? 'find.geoDenied' : 'find.geoUnavailable'),
      // A cached fix from the last few minutes is good enough to find a studio, and much faster.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });
}
