// Tables of needs intake (访民情). Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface NeedTable {
  id: Generated<number>;
  unit_id: number;
  channel: string;
  recorded_on: string;
  resident_name: string | null;
  resident_phone: string | null;
  text: string;
  urgency: string;
  suggested_category_id: number | null;
  confidence: number | null;
  category_id: number | null;
  category_source: string;
  corrected_by: number | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}
