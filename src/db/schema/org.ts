// Tables of the org tree, accounts, their sessions and the audit log. Part of
// the Database type in src/db/schema.ts; times are ISO-8601 text, booleans 0/1.
import type { Generated } from 'kysely';

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
