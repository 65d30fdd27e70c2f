// Table types for Kysely. Each domain area declares its own tables next to its
// code and this file joins them into the one DB interface.
import type { ColumnType, Generated } from 'kysely';
import type { MembershipTables } from '../membership/membership.tables.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DateString = ColumnType<string, string, string>;
export type Json<T = unknown> = ColumnType<T, string | T | null, string | T | null>;

export interface OrgTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  division_code: string | null;
  path: string;
  depth: number;
  status: Generated<'active' | 'dissolved'>;
  established_on: string | null;
  dissolved_on: string | null;
  dissolve_reason: string | null;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrgHistoryTable {
  id: Generated<number>;
  org_id: number;
  at: Generated<Date>;
  effective_on: string;
  action: string;
  before: Json | null;
  after: Json | null;
  user_id: number | null;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  roles: string[];
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  last_login_at: Date | null;
  password_changed_at: Generated<Date>;
  member_id: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Date;
  user_id: number | null;
  username: string | null;
  actor_org_id: number | null;
  org_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  detail: Json | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobTable {
  id: string;
  kind: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  progress: Generated<number>;
  message: string | null;
  result: Json | null;
  error: Json | null;
  user_id: number | null;
  org_id: number | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface SettingTable {
  id: Generated<number>;
  key: string;
  org_id: number | null;
  valid_from: string;
  value: Json;
  note: string | null;
  user_id: number | null;
  created_at: Generated<Date>;
}

export interface AttachmentTable {
  id: Generated<number>;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  org_id: number | null;
  uploaded_by: number;
  owner_entity: string | null;
  owner_id: number | null;
  created_at: Generated<Date>;
}

export interface PlatformTables {
  attachment: AttachmentTable;
  org: OrgTable;
  org_history: OrgHistoryTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  job: JobTable;
  setting: SettingTable;
}

export interface DB extends PlatformTables, MembershipTables {}
