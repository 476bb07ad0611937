// Dates as the server prints them: an instant is shown in the business time zone (Asia/Shanghai
// unless the server says otherwise in /api/health), never in the browser's own zone, so the
// signing day on screen is the one on the agreement wherever the reader's computer is set.

let zone = 'Asia/Shanghai';

/** Sets the business time zone (from /api/health's `timeZone`). */
export function setBusinessTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    zone = timeZone;
  } catch {
    // an unknown zone keeps the default rather than breaking every date on the page
  }
}

/** Asks the server for its business time zone once; dates use the default until it answers. */
export function loadBusinessTimeZone(): void {
  void fetch('/api/health', { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? (res.json() as Promise<{ timeZone?: string }>) : undefined))
    .then((health) => {
      if (health?.timeZone) setBusinessTimeZone(health.timeZone);
    })
    .catch(() => undefined);
}

/** The calendar day of an instant in the business time zone, in the reader's language. */
export function formatDay(iso: string, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Date(iso).toLocaleDateString(locale, { ...options, timeZone: zone });
}

/** An instant's day and time in the business time zone, in the reader's language. */
export function formatDateTime(iso: string, locale: string, options: Intl.DateTimeFormatOptions = {}): string {
  return new Date(iso).toLocaleString(locale, { ...options, timeZone: zone });
}
