/** The zone Huimin's dates are calendar days in when the configuration does not say (HUIMIN_TIME_ZONE). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dayIn = (timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

// One business zone per process, set from the configuration when the app is built.
let businessDay = dayIn(DEFAULT_TIME_ZONE);
let businessZone = DEFAULT_TIME_ZONE;

/** Sets the business time zone every printed date is a day in (buildApp passes HUIMIN_TIME_ZONE). */
export function setBusinessTimeZone(timeZone: string): void {
  if (timeZone === businessZone) return;
  businessDay = dayIn(timeZone);
  businessZone = timeZone;
}

/** The business time zone in force. */
export function businessTimeZone(): string {
  return businessZone;
}

/**
 * The calendar day (YYYY-MM-DD) at an instant in the business time zone (China by default),
 * never the server's own zone.
 */
export function chinaDate(at: Date): string {
  return businessDay.format(at);
}

/** The business calendar day of an ISO-8601 instant: what the rollups count a service under. */
export function businessDayOf(instant: string): string {
  return businessDay.format(new Date(instant));
}

/** How far the business zone is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(t: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: businessZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return local - Math.floor(t / 1000) * 1000;
}

/**
 * The instant (ISO-8601 UTC) a business calendar day begins: where a period of days starts and
 * ends when instants are compared. Corrected twice, so a day that starts next to a daylight
 * saving change starts at the right hour.
 */
export function businessDayStart(day: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let t = midnight - zoneOffset(midnight);
  t = midnight - zoneOffset(t);
  return new Date(t).toISOString();
}

/** Noon of a business calendar day, as an ISO-8601 instant: where a service or event dated only by day is stored. */
export function businessNoon(day: string): string {
  return new Date(Date.parse(businessDayStart(day)) + 12 * 3_600_000).toISOString();
}

/** A calendar day plus some days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
