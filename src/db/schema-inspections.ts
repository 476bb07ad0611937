import type { Generated } from 'kysely';

/**
 * Table types of citizen supervisors (群众监督员) and quarterly inspections
 * (migration 2026-12-02-0007). Times are ISO-8601 UTC text, days YYYY-MM-DD.
 */
export interface InspectionTables {
  supervisors: SupervisorTable;
  inspection_checklists: InspectionChecklistTable;
  inspection_plans: InspectionPlanTable;
  inspections: InspectionTable;
  inspection_photos: InspectionPhotoTable;
  inspection_events: InspectionEventTable;
  rectification_proposals: RectificationProposalTable;
}

/** One supervisor on a street's roster, with the account they sign in with. */
export interface SupervisorTable {
  id: Generated<number>;
  street_id: number;
  account_id: number;
  name: string;
  phone: string;
  /** The community they live in: they are not sent to inspect its studios when someone else can go. */
  community_id: number | null;
  card_number: string;
  appointed_on: string;
  term_start: string;
  term_end: string;
  /** `active` or `dismissed`; a term that ran out reads as ended without a write. */
  status: string;
  status_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A version of the district's checklist: never changed once written, so past inspections keep theirs. */
export interface InspectionChecklistTable {
  id: Generated<number>;
  version: number;
  items_json: string;
  threshold: number;
  created_by: number | null;
  created_at: string;
}

/** A street's quarter has been planned (by the job or the street), once per street and quarter. */
export interface InspectionPlanTable {
  street_id: number;
  quarter: string;
  generated_at: string;
  generated_by: number | null;
}

/** One visit of a studio by a supervisor in a quarter: planned, then submitted and perhaps corrected. */
export interface InspectionTable {
  id: Generated<number>;
  quarter: string;
  /** 1 for the plan's inspection of a studio; unique with the quarter and studio, so planning twice adds nothing. */
  round: number;
  studio_id: number;
  unit_id: number;
  street_id: number;
  supervisor_id: number;
  status: string;
  due_on: string;
  checklist_version: number | null;
  ratings_json: string | null;
  total: number | null;
  visited_at: string | null;
  lng: number | null;
  lat: number | null;
  idempotency_key: string | null;
  submitted_by: number | null;
  submitted_at: string | null;
  corrected_at: string | null;
  cancel_reason: string | null;
  created_at: string;
  updated_at: string;
}

/** A photo of an inspection, stored (re-encoded) in `attachments`. */
export interface InspectionPhotoTable {
  id: Generated<number>;
  inspection_id: number;
  attachment_id: number;
  position: number;
}

/** The history of an inspection: planning, reassignment, submission, each correction with what it changed. */
export interface InspectionEventTable {
  id: Generated<number>;
  inspection_id: number;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: number | null;
  actor_name: string | null;
  note: string | null;
  before_json: string | null;
  after_json: string | null;
  at: string;
}

/** A studio proposed for rectification after a low inspection total, until the street decides. */
export interface RectificationProposalTable {
  id: Generated<number>;
  inspection_id: number;
  studio_id: number;
  unit_id: number;
  street_id: number;
  total: number;
  threshold: number;
  status: string;
  reason: string | null;
  deadline: string | null;
  decided_by: number | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}
