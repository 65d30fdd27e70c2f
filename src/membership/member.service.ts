// Members by real name: join, change, leave, transfer between unions, search,
// and reveal a whole ID number (with permission, audited).
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction, isUniqueViolation } from '../db/tx.ts';
import { conflict, fieldError, notFound, ruleRefused } from '../core/errors.ts';
import { addDays, todayCN } from '../core/dates.ts';
import { auditActor, recordAudit } from '../platform/audit.ts';
import { Scope, type Actor } from '../platform/scope.ts';
import { paging } from '../platform/schemas.ts';
import {
  EMPLOYMENT_FORMS, MEMBER_ORG_KINDS, MEMBER_STATUSES, cardNumber, nameProblem,
  type EmploymentForm, type MemberStatus,
} from './membership.rules.ts';
import { protectIdNumber, protectPhone, searchHashes } from './personal.ts';
import { dissolveChecks } from '../organisation/org.service.ts';

export interface MemberInput {
  name: string;
  idNumber: string;
  phone?: string | null;
  orgId: number;
  employerId?: number | null;
  employmentForm: string;
  migrantWorker?: boolean;
  ethnicity?: string | null;
  education?: string | null;
  joinDate?: string;
}

export interface MemberView {
  id: number;
  name: string;
  idNumberMasked: string;
  sex: 'M' | 'F';
  birthDate: string;
  phoneMasked: string | null;
  orgId: number;
  orgName: string;
  employerId: number | null;
  employerName: string | null;
  employmentForm: string;
  employmentFormLabel: string;
  newEmploymentForm: boolean;
  migrantWorker: boolean;
  ethnicity: string | null;
  education: string | null;
  joinDate: string;
  cardNo: string;
  status: string;
  statusLabel: string;
  statusDate: string | null;
}

const memberCols = [
  'm.id', 'm.name', 'm.id_masked', 'm.sex', 'm.birth_date', 'm.phone_masked', 'm.org_id', 'o.name as org_name', 'm.employer_id', 'e.name as employer_name',
  'm.employment_form', 'm.migrant_worker', 'm.ethnicity', 'm.education', 'm.join_date', 'm.card_no', 'm.status', 'm.status_date',
] as const;

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('member as m').innerJoin('org as o', 'o.id', 'm.org_id').leftJoin('employer as e', 'e.id', 'm.employer_id').select(memberCols);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

export function memberView(r: Row): MemberView {
  const form = EMPLOYMENT_FORMS[r.employment_form as EmploymentForm];
  return {
    id: r.id, name: r.name, idNumberMasked: r.id_masked, sex: r.sex, birthDate: r.birth_date, phoneMasked: r.phone_masked,
    orgId: r.org_id, orgName: r.org_name, employerId: r.employer_id, employerName: r.employer_name,
    employmentForm: r.employment_form, employmentFormLabel: form?.label ?? r.employment_form, newEmploymentForm: form?.newForm ?? false,
    migrantWorker: r.migrant_worker, ethnicity: r.ethnicity, education: r.education, joinDate: r.join_date, cardNo: r.card_no,
    status: r.status, statusLabel: MEMBER_STATUSES[r.status as MemberStatus] ?? r.status, statusDate: r.status_date,
  };
}

/** The audit shape of a member: never the whole ID number or phone. */
function auditShape(v: MemberView) {
  const { employerName: _e, orgName: _o, employmentFormLabel: _f, statusLabel: _s, newEmploymentForm: _n, ...rest } = v;
  return rest;
}

async function loadInScope(db: Kysely<DB>, actor: Actor, id: number): Promise<MemberView> {
  const row = await baseQuery(db).where('m.id', '=', id).where(Scope.of(actor).orgPathIn('o.path')).executeTakeFirst();
  if (!row) throw notFound('MEMBER_NOT_FOUND', '会员不存在或不在您的数据权限范围内');
  return memberView(row);
}

export async function getMember(ctx: AppContext, actor: Actor, id: number): Promise<MemberView> {
  return loadInScope(ctx.db, actor, id);
}

/** The union a member may join: active, of a kind that has members, inside the scope. */
async function memberOrg(db: Kysely<DB>, actor: Actor | null, orgId: number, field = 'orgId') {
  const org = await db.selectFrom('org').select(['id', 'name', 'kind', 'status', 'path', 'division_code']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw fieldError(field, 'ORG_NOT_FOUND', `工会组织 ${orgId} 不存在`, 'ORG_NOT_FOUND');
  if (actor) await Scope.of(actor).requireOrg(db, orgId);
  if (org.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${org.name}」已撤销,不能接收会员`);
  if (!(MEMBER_ORG_KINDS as readonly string[]).includes(org.kind)) {
    throw ruleRefused('ORG_NOT_FOR_MEMBERS', `「${org.name}」是地方总工会,会员应加入基层工会、联合工会或乡镇(街道)总工会`, { fields: [{ field, code: 'ORG_NOT_FOR_MEMBERS', message: '请选择基层工会' }] });
  }
  return org;
}

async function checkEmployer(db: Kysely<DB>, employerId: number | null | undefined, field = 'employerId') {
  if (employerId == null) return null;
  const e = await db.selectFrom('employer').select(['id', 'name', 'status']).where('id', '=', employerId).executeTakeFirst();
  if (!e) throw fieldError(field, 'EMPLOYER_NOT_FOUND', `单位 ${employerId} 不存在`, 'EMPLOYER_NOT_FOUND');
  if (e.status !== 'active') throw ruleRefused('EMPLOYER_CLOSED', `单位「${e.name}」已注销`);
  return e;
}

function checkForm(form: string) {
  if (!(form in EMPLOYMENT_FORMS)) throw fieldError('employmentForm', 'EMPLOYMENT_FORM_UNKNOWN', '用工形式不正确', 'EMPLOYMENT_FORM_UNKNOWN');
}

/** Refuse a second active membership, naming where the person already belongs. */
export async function assertNotActiveMember(db: Kysely<DB>, idHash: string, masked: string): Promise<void> {
  const existing = await db.selectFrom('member as m').innerJoin('org as o', 'o.id', 'm.org_id').select(['m.id', 'o.name']).where('m.id_hash', '=', idHash).where('m.status', '=', 'active').executeTakeFirst();
  if (existing) throw alreadyMember(masked, existing.name);
}

function alreadyMember(masked: string, orgName: string) {
  return conflict('MEMBER_EXISTS', `身份证号 ${masked} 的人员已是「${orgName}」的在会会员;一人只能有一个有效会籍,如已换工作请办理会员关系转接`, { orgName, idNumberMasked: masked });
}

export interface CreateOptions {
  /** Recorded in the member's history (e.g. an approved online application). */
  via?: string;
  /** Skip the scope check (the public application path decides the org itself). */
  actorForScope?: Actor | null;
}

export async function createMember(ctx: AppContext, actor: Actor, input: MemberInput, opts: CreateOptions = {}): Promise<MemberView> {
  const problem = nameProblem(input.name);
  if (problem) throw fieldError('name', 'NAME_INVALID', problem);
  checkForm(input.employmentForm);
  const id = protectIdNumber(ctx, input.idNumber);
  const phone = input.phone ? protectPhone(ctx, input.phone) : null;
  const joinDate = input.joinDate ?? todayCN(ctx.clock.now());
  if (joinDate > todayCN(ctx.clock.now())) throw fieldError('joinDate', 'DATE_IN_FUTURE', '入会日期不能晚于今天');
  if (joinDate < id.birthDate) throw fieldError('joinDate', 'DATE_BEFORE_BIRTH', '入会日期不能早于出生日期');
  const scopeActor = opts.actorForScope === undefined ? actor : opts.actorForScope;
  const org = await memberOrg(ctx.db, scopeActor, input.orgId);
  await checkEmployer(ctx.db, input.employerId);
  await assertNotActiveMember(ctx.db, id.hash, id.masked);
  try {
    const memberId = await inTransaction(ctx.db, async (trx) => {
      const { rows } = await sql<{ n: number }>`select nextval('member_card_seq')::int8 as n`.execute(trx);
      const row = await trx.insertInto('member').values({
        name: input.name.trim(), id_enc: id.enc, id_hash: id.hash, id_masked: id.masked, birth_date: id.birthDate, sex: id.sex,
        phone_enc: phone?.enc ?? null, phone_hash: phone?.hash ?? null, phone_masked: phone?.masked ?? null,
        org_id: org.id, employer_id: input.employerId ?? null, employment_form: input.employmentForm, migrant_worker: input.migrantWorker ?? false,
        ethnicity: input.ethnicity ?? null, education: input.education ?? null, join_date: joinDate, card_no: cardNumber(org.division_code, Number(rows[0].n)),
      }).returning('id').executeTakeFirstOrThrow();
      await trx.insertInto('membership_spell').values({ member_id: row.id, org_id: org.id, employer_id: input.employerId ?? null, from_date: joinDate }).execute();
      await trx.insertInto('member_event').values({ member_id: row.id, effective_on: joinDate, action: 'join', to_org_id: org.id, reason: opts.via ?? null, user_id: actor.userId }).execute();
      const created = await loadAny(trx, row.id);
      await recordAudit(trx, auditActor(actor), { action: 'create', entity: 'member', entityId: row.id, orgId: org.id, after: auditShape(created), detail: opts.via ? { via: opts.via } : undefined });
      return row.id;
    });
    return loadAny(ctx.db, memberId);
  } catch (err) {
    // Two officers adding the same person at the same moment: the unique index decides.
    if (isUniqueViolation(err, 'member_active_person_idx')) {
      const existing = ctx.db.isTransaction ? undefined : await ctx.db.selectFrom('member as m').innerJoin('org as o', 'o.id', 'm.org_id').select('o.name').where('m.id_hash', '=', id.hash).where('m.status', '=', 'active').executeTakeFirst();
      throw alreadyMember(id.masked, existing?.name ?? '另一工会');
    }
    throw err;
  }
}

async function loadAny(db: Kysely<DB>, id: number): Promise<MemberView> {
  return memberView(await baseQuery(db).where('m.id', '=', id).executeTakeFirstOrThrow());
}

export interface MemberPatch {
  name?: string;
  phone?: string | null;
  employerId?: number | null;
  employmentForm?: string;
  migrantWorker?: boolean;
  ethnicity?: string | null;
  education?: string | null;
}

export async function updateMember(ctx: AppContext, actor: Actor, id: number, patch: MemberPatch): Promise<MemberView> {
  const before = await loadInScope(ctx.db, actor, id);
  if (before.status !== 'active') throw ruleRefused('MEMBER_NOT_ACTIVE', `该会员已${before.statusLabel},不能修改`);
  if (patch.name !== undefined) {
    const problem = nameProblem(patch.name);
    if (problem) throw fieldError('name', 'NAME_INVALID', problem);
  }
  if (patch.employmentForm !== undefined) checkForm(patch.employmentForm);
  if (patch.employerId !== undefined) await checkEmployer(ctx.db, patch.employerId);
  const phone = patch.phone ? protectPhone(ctx, patch.phone) : null;
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('member').set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.phone !== undefined ? { phone_enc: phone?.enc ?? null, phone_hash: phone?.hash ?? null, phone_masked: phone?.masked ?? null } : {}),
      ...(patch.employerId !== undefined ? { employer_id: patch.employerId } : {}),
      ...(patch.employmentForm !== undefined ? { employment_form: patch.employmentForm } : {}),
      ...(patch.migrantWorker !== undefined ? { migrant_worker: patch.migrantWorker } : {}),
      ...(patch.ethnicity !== undefined ? { ethnicity: patch.ethnicity } : {}),
      ...(patch.education !== undefined ? { education: patch.education } : {}),
      updated_at: ctx.clock.now(),
    }).where('id', '=', id).execute();
    const after = await loadAny(trx, id);
    const changes = diff(auditShape(before), auditShape(after));
    if (Object.keys(changes).length === 0) return;
    await trx.insertInto('member_event').values({ member_id: id, effective_on: todayCN(ctx.clock.now()), action: 'update', changes: JSON.stringify(changes), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'member', entityId: id, orgId: after.orgId, before: auditShape(before), after: auditShape(after) });
  });
  return loadAny(ctx.db, id);
}

function diff(a: Record<string, unknown>, b: Record<string, unknown>) {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(b)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = { from: a[k], to: b[k] };
  return out;
}

/** 退会 or 去世: the membership ends on a date, with a reason. */
export async function endMembership(ctx: AppContext, actor: Actor, id: number, input: { status: 'withdrawn' | 'deceased'; date?: string; reason: string }): Promise<MemberView> {
  const m = await loadInScope(ctx.db, actor, id);
  if (m.status !== 'active') throw ruleRefused('MEMBER_NOT_ACTIVE', `该会员已${m.statusLabel}`);
  const date = input.date ?? todayCN(ctx.clock.now());
  if (date < m.joinDate) throw fieldError('date', 'DATE_BEFORE_JOIN', '日期不能早于入会日期');
  const pending = await ctx.db.selectFrom('member_transfer').select('id').where('member_id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw ruleRefused('TRANSFER_PENDING', '该会员有未完成的转接,请先撤回或办结转接');
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('member').set({ status: input.status, status_date: date, updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.updateTable('membership_spell').set({ to_date: date }).where('member_id', '=', id).where('to_date', 'is', null).execute();
    await trx.insertInto('member_event').values({ member_id: id, effective_on: date, action: input.status === 'withdrawn' ? 'withdraw' : 'death', from_org_id: m.orgId, reason: input.reason, user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'member', entityId: id, orgId: m.orgId, before: { status: 'active' }, after: { status: input.status, statusDate: date, reason: input.reason } });
  });
  return loadAny(ctx.db, id);
}

/** Whole ID number and phone: needs member:reveal; every read is audited. */
export async function revealMember(ctx: AppContext, actor: Actor, id: number, reason?: string) {
  await loadInScope(ctx.db, actor, id);
  const row = await ctx.db.selectFrom('member').select(['id_enc', 'phone_enc', 'org_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const result = { idNumber: ctx.protector.decrypt(row.id_enc), phone: row.phone_enc ? ctx.protector.decrypt(row.phone_enc) : null };
  await inTransaction(ctx.db, (trx) => recordAudit(trx, auditActor(actor), { action: 'reveal', entity: 'member', entityId: id, orgId: row.org_id, detail: { fields: ['idNumber', 'phone'], reason: reason ?? null } }));
  return result;
}

export interface MemberQuery {
  page?: number; pageSize?: number; q?: string; orgId?: number; employerId?: number; employmentForm?: string; status?: string; newFormOnly?: boolean; migrantWorker?: boolean;
}

/** Search: a name prefix, a card number, or an exact ID number or phone (through the keyed hash). */
export function memberSearch(ctx: AppContext, db: Kysely<DB>, subtreePath: string, scope: Scope, q: MemberQuery) {
  let query = baseQuery(db).where(scope.orgPathIn('o.path', subtreePath));
  if (q.q?.trim()) {
    const text = q.q.trim();
    const { idHash, phoneHash } = searchHashes(ctx, text);
    if (idHash) query = query.where('m.id_hash', '=', idHash);
    else if (phoneHash) query = query.where('m.phone_hash', '=', phoneHash);
    else if (/^\d{16}$/.test(text)) query = query.where('m.card_no', '=', text);
    else query = query.where('m.name', 'like', `${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  }
  if (q.employerId) query = query.where('m.employer_id', '=', q.employerId);
  if (q.employmentForm) query = query.where('m.employment_form', '=', q.employmentForm);
  if (q.newFormOnly) query = query.where('m.employment_form', 'in', Object.entries(EMPLOYMENT_FORMS).filter(([, f]) => f.newForm).map(([k]) => k));
  if (q.migrantWorker !== undefined) query = query.where('m.migrant_worker', '=', q.migrantWorker);
  query = query.where('m.status', '=', (q.status ?? 'active') as 'active');
  return query;
}

export async function listMembers(ctx: AppContext, actor: Actor, q: MemberQuery) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  const query = memberSearch(ctx, ctx.db, subtree.path, scope, q);
  const [rows, count] = await Promise.all([
    query.orderBy('m.name').orderBy('m.id').limit(pageSize).offset(offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(memberView), total: Number(count.n), page, pageSize };
}

export async function memberHistory(ctx: AppContext, actor: Actor, id: number) {
  await loadInScope(ctx.db, actor, id);
  const rows = await ctx.db.selectFrom('member_event as ev').leftJoin('org as f', 'f.id', 'ev.from_org_id').leftJoin('org as t', 't.id', 'ev.to_org_id').leftJoin('app_user as u', 'u.id', 'ev.user_id')
    .select(['ev.id', 'ev.at', 'ev.effective_on', 'ev.action', 'f.name as from_org', 't.name as to_org', 'ev.changes', 'ev.reason', 'u.username'])
    .where('ev.member_id', '=', id).orderBy('ev.id').execute();
  return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), effectiveOn: r.effective_on, action: r.action, fromOrg: r.from_org, toOrg: r.to_org, changes: r.changes, reason: r.reason, username: r.username })) };
}

// ---- Transfers (会员关系转接) ----

export interface TransferView {
  id: number; memberId: number; memberName: string; idNumberMasked: string; fromOrgId: number; fromOrgName: string; toOrgId: number; toOrgName: string;
  reason: string; status: string; outDate: string; inDate: string | null; rejectReason: string | null; createdAt: string;
}

function transferQuery(db: Kysely<DB>) {
  return db.selectFrom('member_transfer as t').innerJoin('member as m', 'm.id', 't.member_id').innerJoin('org as f', 'f.id', 't.from_org_id').innerJoin('org as o', 'o.id', 't.to_org_id')
    .select(['t.id', 't.member_id', 'm.name', 'm.id_masked', 't.from_org_id', 'f.name as from_name', 'f.path as from_path', 't.to_org_id', 'o.name as to_name', 'o.path as to_path', 't.reason', 't.status', 't.out_date', 't.in_date', 't.reject_reason', 't.created_at', 't.to_employer_id']);
}
type TransferRow = Awaited<ReturnType<ReturnType<typeof transferQuery>['executeTakeFirstOrThrow']>>;
function transferView(r: TransferRow): TransferView {
  return { id: r.id, memberId: r.member_id, memberName: r.name, idNumberMasked: r.id_masked, fromOrgId: r.from_org_id, fromOrgName: r.from_name, toOrgId: r.to_org_id, toOrgName: r.to_name, reason: r.reason, status: r.status, outDate: r.out_date, inDate: r.in_date, rejectReason: r.reject_reason, createdAt: r.created_at.toISOString() };
}

/**
 * Transfer out. When the receiving union is within the officer's own scope the
 * transfer completes at once; otherwise it waits for an officer of the
 * receiving side to accept it.
 */
export async function transferMember(ctx: AppContext, actor: Actor, memberId: number, input: { toOrgId: number; toEmployerId?: number | null; reason: string; outDate?: string }) {
  const m = await loadInScope(ctx.db, actor, memberId);
  if (m.status !== 'active') throw ruleRefused('MEMBER_NOT_ACTIVE', `该会员已${m.statusLabel},不能转接`);
  if (input.toOrgId === m.orgId) throw ruleRefused('TRANSFER_SAME_ORG', '转入工会与当前所在工会相同');
  const target = await memberOrg(ctx.db, null, input.toOrgId, 'toOrgId');
  await checkEmployer(ctx.db, input.toEmployerId, 'toEmployerId');
  const outDate = input.outDate ?? todayCN(ctx.clock.now());
  if (outDate < m.joinDate) throw fieldError('outDate', 'DATE_BEFORE_JOIN', '转出日期不能早于入会日期');
  const pending = await ctx.db.selectFrom('member_transfer').select('id').where('member_id', '=', memberId).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw conflict('TRANSFER_PENDING', '该会员已有一笔待接收的转接');
  const scope = Scope.of(actor);
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await trx.insertInto('member_transfer').values({ member_id: memberId, from_org_id: m.orgId, to_org_id: target.id, to_employer_id: input.toEmployerId ?? null, reason: input.reason, out_date: outDate, out_user_id: actor.userId }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('member_event').values({ member_id: memberId, effective_on: outDate, action: 'transfer_out', from_org_id: m.orgId, to_org_id: target.id, reason: input.reason, user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'transfer', entity: 'member', entityId: memberId, orgId: m.orgId, before: { orgId: m.orgId }, after: { toOrgId: target.id, status: 'pending' }, detail: { transferId: row.id, reason: input.reason } });
    if (scope.contains(target.path)) await completeTransfer(ctx, trx, actor, row.id, outDate);
    return row.id;
  });
  return transferView(await transferQuery(ctx.db).where('t.id', '=', id).executeTakeFirstOrThrow());
}

async function completeTransfer(ctx: AppContext, trx: Kysely<DB>, actor: Actor, transferId: number, inDate: string) {
  const t = await trx.selectFrom('member_transfer').selectAll().where('id', '=', transferId).executeTakeFirstOrThrow();
  const target = await trx.selectFrom('org').select(['status', 'name']).where('id', '=', t.to_org_id).executeTakeFirstOrThrow();
  if (target.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${target.name}」已撤销,不能接收会员`);
  const spell = await trx.selectFrom('membership_spell').select(['id', 'from_date']).where('member_id', '=', t.member_id).where('to_date', 'is', null).executeTakeFirstOrThrow();
  if (inDate < spell.from_date) throw fieldError('inDate', 'DATE_BEFORE_JOIN', '转入日期不能早于在原工会的入会日期');
  const lastDay = addDays(inDate, -1) < spell.from_date ? spell.from_date : addDays(inDate, -1);
  const employerId = t.to_employer_id;
  await trx.updateTable('membership_spell').set({ to_date: lastDay }).where('id', '=', spell.id).execute();
  await trx.insertInto('membership_spell').values({ member_id: t.member_id, org_id: t.to_org_id, employer_id: employerId, from_date: inDate }).execute();
  await trx.updateTable('member').set({ org_id: t.to_org_id, employer_id: employerId, updated_at: ctx.clock.now() }).where('id', '=', t.member_id).execute();
  // The worker's own account follows them to the new union.
  await trx.updateTable('app_user').set({ org_id: t.to_org_id }).where('member_id', '=', t.member_id).execute();
  await trx.updateTable('member_transfer').set({ status: 'completed', in_date: inDate, in_user_id: actor.userId }).where('id', '=', transferId).execute();
  await trx.insertInto('member_event').values({ member_id: t.member_id, effective_on: inDate, action: 'transfer_in', from_org_id: t.from_org_id, to_org_id: t.to_org_id, reason: t.reason, user_id: actor.userId }).execute();
  await recordAudit(trx, auditActor(actor), { action: 'transfer', entity: 'member', entityId: t.member_id, orgId: t.to_org_id, before: { orgId: t.from_org_id }, after: { orgId: t.to_org_id, status: 'completed', inDate } , detail: { transferId } });
}

async function transferForReceiver(ctx: AppContext, actor: Actor, transferId: number) {
  const t = await transferQuery(ctx.db).where('t.id', '=', transferId).executeTakeFirst();
  const scope = Scope.of(actor);
  if (!t || (!scope.contains(t.to_path) && !scope.contains(t.from_path))) throw notFound('TRANSFER_NOT_FOUND', '转接记录不存在或不在您的数据权限范围内');
  return t;
}

export async function acceptTransfer(ctx: AppContext, actor: Actor, transferId: number, input: { inDate?: string }) {
  const t = await transferForReceiver(ctx, actor, transferId);
  if (!Scope.of(actor).contains(t.to_path)) throw ruleRefused('TRANSFER_NOT_RECEIVER', `只有「${t.to_name}」一方的工会干部可以办理转入`);
  if (t.status !== 'pending') throw ruleRefused('TRANSFER_NOT_PENDING', '该转接已办结或已撤回');
  const inDate = input.inDate ?? todayCN(ctx.clock.now());
  if (inDate < t.out_date) throw fieldError('inDate', 'DATE_BEFORE_OUT', '转入日期不能早于转出日期');
  await inTransaction(ctx.db, (trx) => completeTransfer(ctx, trx, actor, transferId, inDate));
  return transferView(await transferQuery(ctx.db).where('t.id', '=', transferId).executeTakeFirstOrThrow());
}

export async function rejectTransfer(ctx: AppContext, actor: Actor, transferId: number, input: { reason: string }) {
  const t = await transferForReceiver(ctx, actor, transferId);
  const scope = Scope.of(actor);
  if (t.status !== 'pending') throw ruleRefused('TRANSFER_NOT_PENDING', '该转接已办结或已撤回');
  // The receiving side rejects; the sending side withdraws (cancels).
  const status = scope.contains(t.to_path) ? 'rejected' : 'cancelled';
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('member_transfer').set({ status, reject_reason: input.reason, in_user_id: actor.userId }).where('id', '=', transferId).execute();
    await trx.insertInto('member_event').values({ member_id: t.member_id, effective_on: todayCN(ctx.clock.now()), action: status === 'rejected' ? 'transfer_rejected' : 'transfer_cancelled', from_org_id: t.from_org_id, to_org_id: t.to_org_id, reason: input.reason, user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: status === 'rejected' ? 'reject' : 'cancel', entity: 'member_transfer', entityId: transferId, orgId: t.from_org_id, after: { status, reason: input.reason } });
  });
  return transferView(await transferQuery(ctx.db).where('t.id', '=', transferId).executeTakeFirstOrThrow());
}

/** Transfers waiting on this scope: to receive (in) and sent out (out). */
export async function listTransfers(ctx: AppContext, actor: Actor, q: { direction?: 'in' | 'out'; status?: string; orgId?: number; page?: number; pageSize?: number }) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  let query = transferQuery(ctx.db);
  if (q.direction === 'in') query = query.where(scope.orgPathIn('o.path', subtree.path));
  else if (q.direction === 'out') query = query.where(scope.orgPathIn('f.path', subtree.path));
  else query = query.where((eb) => eb.or([scope.orgPathIn('o.path', subtree.path), scope.orgPathIn('f.path', subtree.path)]));
  if (q.status) query = query.where('t.status', '=', q.status as 'pending');
  const [rows, count] = await Promise.all([
    query.orderBy('t.id', 'desc').limit(pageSize).offset(offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(transferView), total: Number(count.n), page, pageSize };
}

// A union with members still in it cannot be dissolved.
dissolveChecks.push(async (db, org) => {
  const row = await db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', org.id).where('status', '=', 'active').executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > 0 ? `「${org.name}」还有 ${n} 名在会会员,请先办理会员关系转接` : null;
});
