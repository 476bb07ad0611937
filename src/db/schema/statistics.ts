// Tables of statistics and the bulletin (简报). Part of the Database type in src/db/schema.ts;
// times are ISO-8601 text, days YYYY-MM-DD.
import type { Generated } from 'kysely';

/**
 * One rollup cell: records and person-times of a unit (and everything below it) in a day
 * (`grain` 'day', period YYYY-MM-DD) or a month ('month', YYYY-MM), by category, mode and group
 * served; `group_key` '' counts every record once.
 */
export interface ServiceRollupTable {
  unit_id: number;
  grain: string;
  period: string;
  category_id: number;
  mode: string;
  group_key: string;
  records: number;
  person_times: number;
}

/**
 * A count kept on write: how many ratings (subject 'rating', key the score), letters ('letter',
 * key the type) or registry records ('volunteer', key `kind:screening status`, on the day
 * written) a unit and everything below it had on a business day.
 */
export interface CountRollupTable {
  unit_id: number;
  subject: string;
  day: string;
  key: string;
  n: number;
}

/** A bulletin of a unit, numbered per year (第 N 期); its text lives in its versions. */
export interface BulletinTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  number: number;
  period_from: string;
  period_to: string;
  status: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
  issued_at: string | null;
}

/** One version of a bulletin's text: the generated draft is version 1, each edit adds one. */
export interface BulletinVersionTable {
  id: Generated<number>;
  bulletin_id: number;
  version: number;
  content_json: string;
  author_id: number;
  at: string;
}
