// 网上申请入会: a worker applies without an account; the chosen union (or the
// township federation, when the workplace has no union) approves or rejects;
// the worker follows the application by its number and phone.
import crypto from 'node:crypto';
import type { AppContext } from '../context.ts';
import { inTransaction, isUniqueViolation } from '../db/tx.ts';
import { conflict, fieldError, notFound, ruleRefused } from '../core/errors.ts';
import { todayCN } from '../core/dates.ts';
import { auditActor, recordAudit } from '../platform/audit.ts';
import { Scope, type Actor } from '../platform/scope.ts';
import { paging } from '../platform/schemas.ts';
import { ORG_KINDS, type OrgKind } from '../organisation/org.rules.ts';
import { EMPLOYMENT_FORMS, MEMBER_ORG_KINDS, applicationNumber, nameProblem, type EmploymentForm } from './membership.rules.ts';
import { protectIdNumber, protectPhone } from './personal.ts';
import { assertNotActiveMember, createMember } from './member.service.ts';

export interface ApplicationInput {
  name: string;
  idNumber: string;
  phone: string;
  targetOrgId: number;
  employerName?: string | null;
  noUnionAtWork?: boolean;
  employmentForm: string;
  migrantWorker?: boolean;
}

const STATUS_LABELS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;

export async function submitApplication(ctx: AppContext, input: ApplicationInput, meta: { ip?: string } = {}) {
  const problem = nameProblem(input.name);
  if (problem) throw fieldError('name', 'NAME_INVALID', problem);
  if (!(input.employmentForm in EMPLOYMENT_FORMS)) throw fieldError('employmentForm', 'EMPLOYMENT_FORM_UNKNOWN', '用工形式不正确');
  const id = protectIdNumber(ctx, input.idNumber);
  const phone = protectPhone(ctx, input.phone);
  if (!input.noUnionAtWork && !input.employerName?.trim()) throw fieldError('employerName', 'REQUIRED', '请填写工作单位,或选择"单位没有工会"');
  const org = await ctx.db.selectFrom('org').select(['id', 'name', 'kind', 'status']).where('id', '=', input.targetOrgId).executeTakeFirst();
  if (!org || org.status !== 'active') throw fieldError('targetOrgId', 'ORG_NOT_FOUND', '所选工会不存在或已撤销', 'ORG_NOT_FOUND');
  if (!(MEMBER_ORG_KINDS as readonly string[]).includes(org.kind)) {
    throw fieldError('targetOrgId', 'ORG_NOT_FOR_MEMBERS', `请选择基层工会;单位没有工会的,请选择所在的乡镇(街道)总工会,而不是「${org.name}」`, 'ORG_NOT_FOR_MEMBERS');
  }
  await assertNotActiveMember(ctx.db, id.hash, id.masked);
  const pending = await ctx.db.selectFrom('join_application').select(['app_no', 'created_at']).where('id_hash', '=', id.hash).where('status', '=', 'pending').executeTakeFirst();
  if (pending) throw duplicate(pending.app_no);
  const today = todayCN(ctx.clock.now());
  for (let attempt = 0; ; attempt++) {
    const appNo = applicationNumber(today, crypto.randomInt(1_000_000));
    try {
      await inTransaction(ctx.db, async (trx) => {
        const row = await trx.insertInto('join_application').values({
          app_no: appNo, name: input.name.trim(), id_enc: id.enc, id_hash: id.hash, id_masked: id.masked, phone_enc: phone.enc, phone_hash: phone.hash, phone_masked: phone.masked,
          employer_name: input.employerName?.trim() || null, no_union_at_work: input.noUnionAtWork ?? false, employment_form: input.employmentForm,
          migrant_worker: input.migrantWorker ?? false, target_org_id: org.id,
        }).returning('id').executeTakeFirstOrThrow();
        await recordAudit(trx, { userId: null, username: 'public', orgId: null, ip: meta.ip }, { action: 'create', entity: 'join_application', entityId: row.id, orgId: org.id, after: { appNo, name: input.name, idNumber: id.masked, phone: phone.masked, targetOrgId: org.id } });
      });
      return { appNo, status: 'pending', statusLabel: STATUS_LABELS.pending, targetOrgName: org.name };
    } catch (err) {
      if (isUniqueViolation(err, 'join_application_pending_idx')) {
        const p = await ctx.db.selectFrom('join_application').select('app_no').where('id_hash', '=', id.hash).where('status', '=', 'pending').executeTakeFirst();
        throw duplicate(p?.app_no ?? '');
      }
      if (isUniqueViolation(err, 'join_application_app_no_key') && attempt < 5) continue;
      throw err;
    }
  }
}

function duplicate(appNo: string) {
  return conflict('JOIN_DUPLICATE', `您已提交过入会申请(申请编号 ${appNo}),正在审核中,请勿重复提交`, { appNo });
}

/** A worker checks progress with the application number and the phone given. */
export async function applicationStatus(ctx: AppContext, appNo: string, phoneRaw: string) {
  const phone = protectPhone(ctx, phoneRaw);
  const a = await ctx.db.selectFrom('join_application as a').innerJoin('org as o', 'o.id', 'a.target_org_id').leftJoin('member as m', 'm.id', 'a.member_id').leftJoin('org as mo', 'mo.id', 'm.org_id')
    .select(['a.app_no', 'a.name', 'a.status', 'a.reject_reason', 'a.created_at', 'a.decided_at', 'o.name as target', 'm.card_no', 'mo.name as member_org'])
    .where('a.app_no', '=', appNo.trim().toUpperCase()).where('a.phone_hash', '=', phone.hash).executeTakeFirst();
  if (!a) throw notFound('JOIN_NOT_FOUND', '未找到该申请,请核对申请编号和手机号');
  return {
    appNo: a.app_no, name: a.name.slice(0, 1) + '*'.repeat(Math.max(1, a.name.length - 1)), status: a.status, statusLabel: STATUS_LABELS[a.status],
    targetOrgName: a.target, submittedAt: a.created_at.toISOString(), decidedAt: a.decided_at?.toISOString() ?? null,
    rejectReason: a.reject_reason, cardNo: a.card_no ?? null, memberOrgName: a.member_org ?? null,
  };
}

function officerQuery(ctx: AppContext) {
  return ctx.db.selectFrom('join_application as a').innerJoin('org as o', 'o.id', 'a.target_org_id')
    .select(['a.id', 'a.app_no', 'a.name', 'a.id_masked', 'a.phone_masked', 'a.employer_name', 'a.no_union_at_work', 'a.employment_form', 'a.migrant_worker', 'a.target_org_id', 'o.name as target_name', 'o.kind as target_kind', 'o.path as target_path', 'a.status', 'a.reject_reason', 'a.member_id', 'a.created_at', 'a.decided_at']);
}
type AppRow = Awaited<ReturnType<ReturnType<typeof officerQuery>['executeTakeFirstOrThrow']>>;
function officerView(r: AppRow) {
  return {
    id: r.id, appNo: r.app_no, name: r.name, idNumberMasked: r.id_masked, phoneMasked: r.phone_masked, employerName: r.employer_name, noUnionAtWork: r.no_union_at_work,
    employmentForm: r.employment_form, employmentFormLabel: EMPLOYMENT_FORMS[r.employment_form as EmploymentForm]?.label ?? r.employment_form, migrantWorker: r.migrant_worker,
    targetOrgId: r.target_org_id, targetOrgName: r.target_name, targetOrgKind: r.target_kind, targetOrgKindLabel: ORG_KINDS[r.target_kind as OrgKind]?.label ?? r.target_kind,
    status: r.status, statusLabel: STATUS_LABELS[r.status], rejectReason: r.reject_reason, memberId: r.member_id, createdAt: r.created_at.toISOString(), decidedAt: r.decided_at?.toISOString() ?? null,
  };
}
export type ApplicationView = ReturnType<typeof officerView>;

export async function listApplications(ctx: AppContext, actor: Actor, q: { orgId?: number; status?: string; q?: string; page?: number; pageSize?: number }) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  let query = officerQuery(ctx).where(scope.orgPathIn('o.path', subtree.path));
  if (q.status) query = query.where('a.status', '=', q.status as 'pending');
  if (q.q?.trim()) query = query.where((eb) => eb.or([eb('a.app_no', '=', q.q!.trim().toUpperCase()), eb('a.name', 'like', `${q.q!.trim()}%`)]));
  const [rows, count] = await Promise.all([
    query.orderBy('a.id', 'desc').limit(pageSize).offset(offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(officerView), total: Number(count.n), page, pageSize };
}

async function loadForOfficer(ctx: AppContext, actor: Actor, id: number) {
  const row = await officerQuery(ctx).where('a.id', '=', id).where(Scope.of(actor).orgPathIn('o.path')).executeTakeFirst();
  if (!row) throw notFound('JOIN_NOT_FOUND', '入会申请不存在或不在您的数据权限范围内');
  return row;
}

export async function getApplication(ctx: AppContext, actor: Actor, id: number) {
  return officerView(await loadForOfficer(ctx, actor, id));
}

/**
 * Approve: the applicant becomes a member of the target union, or of a union
 * beneath it that the officer picks (a township placing a worker in a base or
 * joint union).
 */
export async function approveApplication(ctx: AppContext, actor: Actor, id: number, input: { orgId?: number; employerId?: number | null; joinDate?: string }) {
  const a = await loadForOfficer(ctx, actor, id);
  if (a.status !== 'pending') throw ruleRefused('JOIN_DECIDED', `该申请已${STATUS_LABELS[a.status]}`);
  const orgId = input.orgId ?? a.target_org_id;
  const org = await Scope.of(actor).requireOrg(ctx.db, orgId);
  if (!org.path.startsWith(a.target_path)) throw fieldError('orgId', 'ORG_OUTSIDE_TARGET', `会员应加入「${a.target_name}」或其下级工会`, 'ORG_OUTSIDE_TARGET');
  const full = await ctx.db.selectFrom('join_application').select(['id_enc', 'phone_enc']).where('id', '=', id).executeTakeFirstOrThrow();
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const member = await createMember(tctx, actor, {
      name: a.name, idNumber: ctx.protector.decrypt(full.id_enc), phone: ctx.protector.decrypt(full.phone_enc), orgId, employerId: input.employerId ?? null,
      employmentForm: a.employment_form, migrantWorker: a.migrant_worker, joinDate: input.joinDate,
    }, { via: `网上申请入会 ${a.app_no}` });
    await trx.updateTable('join_application').set({ status: 'approved', member_id: member.id, decided_by: actor.userId, decided_at: ctx.clock.now() }).where('id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { action: 'approve', entity: 'join_application', entityId: id, orgId: a.target_org_id, before: { status: 'pending' }, after: { status: 'approved', memberId: member.id } });
    return { application: officerView(await officerQuery(tctx).where('a.id', '=', id).executeTakeFirstOrThrow()), member };
  });
}

export async function rejectApplication(ctx: AppContext, actor: Actor, id: number, input: { reason: string }) {
  const a = await loadForOfficer(ctx, actor, id);
  if (a.status !== 'pending') throw ruleRefused('JOIN_DECIDED', `该申请已${STATUS_LABELS[a.status]}`);
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('join_application').set({ status: 'rejected', reject_reason: input.reason, decided_by: actor.userId, decided_at: ctx.clock.now() }).where('id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { action: 'reject', entity: 'join_application', entityId: id, orgId: a.target_org_id, before: { status: 'pending' }, after: { status: 'rejected', reason: input.reason } });
  });
  return getApplication(ctx, actor, id);
}

/** The public union finder of the application page: names only, active unions. */
export async function publicOrgs(ctx: AppContext, q: { q?: string; parentId?: number }) {
  let query = ctx.db.selectFrom('org as o').select(['o.id', 'o.name', 'o.kind', 'o.division_code'])
    .select((eb) => eb.selectFrom('org as c').select((x) => x.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'o.id').where('c.status', '=', 'active').as('child_count'))
    .where('o.status', '=', 'active');
  if (q.q?.trim()) {
    if (q.q.trim().length < 2) throw fieldError('q', 'QUERY_TOO_SHORT', '请至少输入 2 个字');
    query = query.where('o.name', 'like', `%${q.q.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`).where('o.kind', 'in', [...MEMBER_ORG_KINDS]).orderBy('o.name').limit(30);
  } else if (q.parentId) {
    query = query.where('o.parent_id', '=', q.parentId).orderBy('o.sort_order').orderBy('o.id').limit(500);
  } else {
    query = query.where('o.parent_id', 'is', null);
  }
  const rows = await query.execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, kindLabel: ORG_KINDS[r.kind as OrgKind]?.label ?? r.kind, acceptsMembers: (MEMBER_ORG_KINDS as readonly string[]).includes(r.kind), childCount: Number(r.child_count ?? 0) })) };
}
