import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { InspectionTables } from './schema-inspections.ts';

/**
 * Table types. Times are ISO-8601 UTC text and booleans 0/1 integers on both engines,
 * so one code path reads the same values from SQLite and PostgreSQL.
 */
export interface Database extends InspectionTables {
  org_units: OrgUnitTable;
  accounts: AccountTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  categories: CategoryTable;
  volunteers: VolunteerTable;
  studios: StudioTable;
  studio_categories: { studio_id: number; category_id: number };
  studio_service_items: {
    id: Generated<number>;
    studio_id: number;
    title: string;
    description: string;
    position: number;
  };
  studio_members: { studio_id: number; volunteer_id: number; role: string };
  attachments: AttachmentTable;
  studio_qualifications: {
    id: Generated<number>;
    studio_id: number;
    holder: string;
    title: string;
    issuer: string;
    attachment_id: number | null;
  };
  studio_reviews: StudioReviewTable;
  studio_contracts: StudioContractTable;
  plaques: PlaqueTable;
  studio_rectifications: StudioRectificationTable;
  studio_transitions: StudioTransitionTable;
  commitments: CommitmentTable;
  commitment_checks: {
    id: Generated<number>;
    commitment_id: number;
    period: string;
    kept: number;
    note: string;
    checked_by: number;
    at: string;
  };
  sms_subscriptions: SmsSubscriptionTable;
  outbox: OutboxTable;
  reminders: ReminderTable;
  volunteer_categories: { volunteer_id: number; category_id: number };
  /** Search terms of each registry record (src/domain/registry/search-terms.ts). */
  volunteer_terms: { term: string; unit_id: number; volunteer_id: number };
  settings: { key: string; value: string; updated_at: string };
  imports: ImportTable;
  needs: NeedTable;
  venues: VenueTable;
  residential_areas: ResidentialAreaTable;
  service_requests: ServiceRequestTable;
  service_request_events: {
    id: Generated<number>;
    request_id: number;
    action: string;
    studio_id: number | null;
    actor_id: number | null;
    note: string | null;
    at: string;
  };
  service_records: ServiceRecordTable;
  service_record_feedback: {
    id: Generated<number>;
    record_id: number;
    on_date: string;
    result: string;
    author_id: number;
    created_at: string;
  };
  service_record_revisions: {
    id: Generated<number>;
    record_id: number;
    before_json: string;
    after_json: string;
    author_id: number;
    at: string;
  };
  ratings: {
    id: Generated<number>;
    studio_id: number;
    request_id: number | null;
    record_id: number | null;
    score: number;
    comment: string;
    created_at: string;
  };
  rate_counters: { key: string; window_start: string; count: number };
}

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

export interface VenueTable {
  id: Generated<number>;
  unit_id: number;
  type: string;
  name: string;
  address: string;
  lng: number;
  lat: number;
  created_at: string;
  updated_at: string;
}

export interface ResidentialAreaTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  population: number;
  lng: number;
  lat: number;
  created_at: string;
  updated_at: string;
}

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

export interface SmsSubscriptionTable {
  id: Generated<number>;
  unit_id: number;
  phone: string;
  consent_version: string;
  subscribed_at: string;
  unsubscribed_at: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  channel: string;
  template_id: string;
  params_json: string;
  recipient: string;
  signature: string;
  body: string;
  unit_id: number;
  entity: string | null;
  entity_id: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ReminderTable {
  id: Generated<number>;
  unit_id: number;
  studio_id: number;
  kind: string;
  due: string;
  created_at: string;
  resolved_at: string | null;
}

export interface OrgUnitTable {
  id: Generated<number>;
  code: string;
  name: string;
  short_name: string;
  level: string;
  post_kind: string;
  parent_id: number | null;
  path: string;
  depth: number;
  lng: number | null;
  lat: number | null;
  address: string | null;
  pinyin: string;
  initials: string;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  locale: string;
  large_font: number;
  failed_count: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  unit_id: number | null;
  entity: string;
  entity_id: string | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  request_id: string | null;
}

export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type OrgUnitUpdate = Updateable<OrgUnitTable>;
export type AccountRow = Selectable<AccountTable>;
export type NewAccount = Insertable<AccountTable>;
export type SessionRow = Selectable<SessionTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type StudioRow = Selectable<StudioTable>;
export type OutboxRow = Selectable<OutboxTable>;
