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

/** A calendar day plus some days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
