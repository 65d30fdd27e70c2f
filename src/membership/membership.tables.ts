// Table types of the organisation-and-membership area.
import type { Generated } from 'kysely';
import type { Json } from '../db/schema.ts';

export interface EmployerTable {
  id: Generated<number>;
  name: string;
  credit_code: string | null;
  industry: string | null;
  ownership: string | null;
  headcount: Generated<number>;
  division_code: string | null;
  address: string | null;
  area_org_id: number;
  registered_on: Generated<string>;
  status: Generated<'active' | 'closed'>;
  closed_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EmployerCoverageTable {
  id: Generated<number>;
  employer_id: number;
  org_id: number;
  covered_from: string;
  covered_to: string | null;
}

export interface UnionProfileTable {
  org_id: number;
  chair_name: string | null;
  chair_phone_enc: string | null;
  committee: Json<Array<{ name: string; role: string }>>;
  elected_on: string | null;
  term_years: Generated<number>;
  congress_held_on: string | null;
  updated_at: Generated<Date>;
}

export interface MemberTable {
  id: Generated<number>;
  name: string;
  id_enc: string;
  id_hash: string;
  id_masked: string;
  birth_date: string;
  sex: 'M' | 'F';
  phone_enc: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  org_id: number;
  employer_id: number | null;
  employment_form: string;
  migrant_worker: Generated<boolean>;
  ethnicity: string | null;
  education: string | null;
  join_date: string;
  card_no: string;
  status: Generated<'active' | 'transferred_out' | 'withdrawn' | 'deceased'>;
  status_date: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MembershipSpellTable {
  id: Generated<number>;
  member_id: number;
  org_id: number;
  employer_id: number | null;
  from_date: string;
  to_date: string | null;
}

export interface MemberEventTable {
  id: Generated<number>;
  member_id: number;
  at: Generated<Date>;
  effective_on: string;
  action: string;
  from_org_id: number | null;
  to_org_id: number | null;
  changes: Json | null;
  reason: string | null;
  user_id: number | null;
}

export interface MemberTransferTable {
  id: Generated<number>;
  member_id: number;
  from_org_id: number;
  to_org_id: number;
  to_employer_id: number | null;
  reason: string;
  status: Generated<'pending' | 'completed' | 'rejected' | 'cancelled'>;
  out_date: string;
  in_date: string | null;
  out_user_id: number | null;
  in_user_id: number | null;
  reject_reason: string | null;
  created_at: Generated<Date>;
}

export interface JoinApplicationTable {
  id: Generated<number>;
  app_no: string;
  name: string;
  id_enc: string;
  id_hash: string;
  id_masked: string;
  phone_enc: string;
  phone_hash: string;
  phone_masked: string;
  employer_id: number | null;
  employer_name: string | null;
  no_union_at_work: Generated<boolean>;
  employment_form: string;
  migrant_worker: Generated<boolean>;
  target_org_id: number;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  reject_reason: string | null;
  member_id: number | null;
  decided_by: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
}

export interface ImportBatchTable {
  id: Generated<number>;
  kind: string;
  file_name: string | null;
  file_sha: string;
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  rows_bad: number;
  org_id: number | null;
  user_id: number | null;
  created_at: Generated<Date>;
}

export interface MembershipTables {
  employer: EmployerTable;
  employer_coverage: EmployerCoverageTable;
  union_profile: UnionProfileTable;
  member: MemberTable;
  membership_spell: MembershipSpellTable;
  member_event: MemberEventTable;
  member_transfer: MemberTransferTable;
  join_application: JoinApplicationTable;
  import_batch: ImportBatchTable;
}
