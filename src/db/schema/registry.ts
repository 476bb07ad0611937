// Tables of the service categories, the registry (选好人) and its spreadsheet imports. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface CategoryTable {
  id: Generated<number>;
  code: string;
  name_zh_cn: string;
  name_zh_tw: string;
  name_en: string;
  icon: string;
  color: string;
  position: number;
  enabled: number;
}

export interface VolunteerTable {
  id: Generated<number>;
  kind: string;
  name: string;
  gender: string | null;
  birth_year: number | null;
  phone: string | null;
  unit_id: number;
  account_id: number | null;
  party_branch: string | null;
  /** 1 for a probationary party member (预备党员): listed on the year-end sheet, not graded. */
  probationary: Generated<number>;
  profession: string | null;
  pinyin: string;
  initials: string;
  screening_status: string;
  id_number_hash: string | null;
  id_number_masked: string | null;
  contact_name: string | null;
  qualifications: string | null;
  availability: string | null;
  notes: string | null;
  screened_by: number | null;
  screened_at: string | null;
  screening_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportTable {
  id: Generated<number>;
  kind: string;
  unit_id: number;
  created_by: number;
  filename: string;
  attachment_id: number;
  status: string;
  total_rows: number;
  processed_rows: number;
  error_rows: number;
  duplicate_rows: number;
  committed_rows: number;
  report_json: string | null;
  created_at: string;
  updated_at: string;
}
