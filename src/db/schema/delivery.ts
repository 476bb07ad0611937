// Tables of service delivery: residents' requests and the studios' record book. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface ServiceRequestTable {
  id: Generated<number>;
  tracking_code: string;
  category_id: number;
  unit_id: number;
  text: string;
  preferred_time: string;
  resident_name: string;
  resident_phone: string;
  lng: number | null;
  lat: number | null;
  status: string;
  studio_id: number | null;
  declined_json: string;
  accepted_by: number | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceRecordTable {
  id: Generated<number>;
  studio_id: number;
  unit_id: number;
  author_id: number;
  request_id: number | null;
  idempotency_key: string;
  rating_code: string;
  served_at: string;
  duration_minutes: number;
  recipient_name: string | null;
  groups_json: string;
  category_id: number;
  mode: string;
  content: string;
  person_times: number;
  /** The import that brought it in from a paper record book; null for a record written in Huimin. */
  import_id: number | null;
  created_at: string;
  updated_at: string;
}
