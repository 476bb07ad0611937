// Tables of the studios: application, reviews, contract, plaque, rectifications, transitions, commitments. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

export interface StudioTable {
  id: Generated<number>;
  name: string;
  unit_id: number;
  status: string;
  staffing_mode: string;
  origin: string;
  recommended_by_unit_id: number | null;
  applicant_account_id: number;
  leader_volunteer_id: number | null;
  description: string;
  venue_address: string;
  opening_hours: string;
  contact_phone: string | null;
  lng: number | null;
  lat: number | null;
  term_start: string | null;
  term_end: string | null;
  plaque_number: string | null;
  /** 社区, 企业, 大型市场, 住宅小区 or 商务楼宇 (siting's venue types); null when not recorded. */
  venue_type: string | null;
  status_reason: string | null;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  unit_id: number;
  created_by: number | null;
  created_at: string;
}

export interface StudioReviewTable {
  id: Generated<number>;
  studio_id: number;
  stage: string;
  political_pass: number;
  political_comment: string;
  specialty_pass: number;
  specialty_comment: string;
  items_pass: number;
  items_comment: string;
  decision: string;
  reason: string | null;
  reviewer_id: number;
  at: string;
}

export interface StudioContractTable {
  id: Generated<number>;
  studio_id: number;
  number: string;
  term_start: string;
  term_end: string;
  signatories_json: string;
  unpaid_clause: string;
  renewal: number;
  signed_by: number;
  signed_at: string;
}

export interface PlaqueTable {
  id: Generated<number>;
  number: string;
  studio_id: number;
  awarded_on: string;
  awarded_by: number;
  retired_on: string | null;
  retired_reason: string | null;
}

export interface StudioRectificationTable {
  id: Generated<number>;
  studio_id: number;
  kind: string;
  findings: string;
  deadline: string;
  opened_by: number;
  opened_at: string;
  closed_at: string | null;
  outcome: string | null;
}

export interface StudioTransitionTable {
  id: Generated<number>;
  studio_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  at: string;
}

export interface CommitmentTable {
  id: Generated<number>;
  studio_id: number;
  kind: string;
  text: string;
  target: number | null;
  position: number;
  status: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}
