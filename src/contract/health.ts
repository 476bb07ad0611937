import { z } from 'zod';

/** The health report: whether the database answers, its schema version and the app's version. */
export const health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    engine: z.enum(['sqlite', 'postgres']),
    reachable: z.boolean(),
    schemaVersion: z.string().nullable(),
  }),
  appVersion: z.string(),
  /** A demo instance (HUIMIN_DEMO=1): the web apps show a banner on every page. */
  demo: z.boolean(),
  /** The business time zone (HUIMIN_TIME_ZONE): the web prints every date as a day there. */
  timeZone: z.string(),
  /** The bundled build (`npm run build`, dist/server) or the sources: the bundle starts in half the time. */
  runsFrom: z.enum(['bundle', 'source']),
});
export type Health = z.infer<typeof health>;
