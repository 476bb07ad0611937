import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { MailboxTables } from './schema-mailbox.ts';

import type { OrgUnitTable, AccountTable, SessionTable, AuditLogTable } from './schema/org.ts';
import type { CategoryTable, VolunteerTable, ImportTable } from './schema/registry.ts';
import type {
  StudioTable,
  AttachmentTable,
  StudioReviewTable,
  StudioContractTable,
  PlaqueTable,
  StudioRectificationTable,
  StudioTransitionTable,
  CommitmentTable,
} from './schema/studios.ts';
import type { SmsSubscriptionTable, SmsCodeTable, OutboxTable, ReminderTable } from './schema/outbox.ts';
import type { ServiceRequestTable, ServiceRecordTable } from './schema/delivery.ts';
import type { NeedTable } from './schema/needs.ts';
import type { VenueTable, ResidentialAreaTable } from './schema/siting.ts';
import type { InspectionTables } from './schema-inspections.ts';
import type { EvaluationTables } from './schema-evaluation.ts';
import type { ServiceRollupTable, CountRollupTable, BulletinTable, BulletinVersionTable } from './schema/statistics.ts';

/**
 * Table types. Times are ISO-8601 UTC text and booleans 0/1 integers on both engines,
 * so one code path reads the same values from SQLite and PostgreSQL.
 */
export interface Database extends MailboxTables, InspectionTables, EvaluationTables {
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
  sms_codes: SmsCodeTable;
  outbox: OutboxTable;
  reminders: ReminderTable;
  volunteer_categories: { volunteer_id: number; category_id: number };
  /** Search terms of each registry record (src/domain/registry/search-terms.ts). */
  volunteer_terms: { term: string; unit_id: number; volunteer_id: number };
  settings: { key: string; value: string; updated_at: string };
  /** Numbers handed out atomically, and named locks (server/counters.repository.ts). */
  counters: { name: string; value: number };
  /** Which instance ran a periodic job for which period (one run per period). */
  job_runs: { job: string; period: string; ran_at: string };
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
  login_throttles: { key: string; failures: number; blocked_until: string | null; last_failure_at: string };
  service_rollups: ServiceRollupTable;
  count_rollups: CountRollupTable;
  bulletins: BulletinTable;
  bulletin_versions: BulletinVersionTable;
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

// The table types, one file per area.
export type * from './schema/org.ts';
export type * from './schema/registry.ts';
export type * from './schema/studios.ts';
export type * from './schema/outbox.ts';
export type * from './schema/delivery.ts';
export type * from './schema/needs.ts';
export type * from './schema/siting.ts';
export type * from './schema/statistics.ts';
