// A worker's own account (role `member`): opened by an officer, or by the
// worker with their card number, ID number and phone. It sees only the
// worker's own records (routes with access 'self').
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/tx.ts';
import { badRequest, conflict, notFound, ruleRefused, unauthorized } from '../core/errors.ts';
import { auditActor, recordAudit, type AuditActor } from '../platform/audit.ts';
import { hashPassword, passwordProblem } from '../platform/password.ts';
import type { Actor } from '../platform/scope.ts';
import { getMember, memberView, type MemberView } from './member.service.ts';
import { protectIdNumber, protectPhone } from './personal.ts';

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw badRequest('PASSWORD_WEAK', problem, { fields: [{ field: 'password', code: 'PASSWORD_WEAK', message: problem }] });
}

async function openAccount(ctx: AppContext, member: { id: number; orgId: number; name: string; cardNo: string }, password: string, by: AuditActor) {
  const existing = await ctx.db.selectFrom('app_user').select('username').where('member_id', '=', member.id).executeTakeFirst();
  if (existing) throw conflict('MEMBER_ACCOUNT_EXISTS', `该会员已开通账号(用户名 ${existing.username})`);
  const hash = await hashPassword(password);
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx.insertInto('app_user').values({ username: member.cardNo, display_name: member.name, org_id: member.orgId, roles: ['member'], password_hash: hash, member_id: member.id }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, by, { action: 'create', entity: 'user', entityId: row.id, orgId: member.orgId, after: { username: member.cardNo, roles: ['member'], memberId: member.id } });
    return { username: member.cardNo };
  });
}

/** An officer opens the account; the username is the member card number. */
export async function openMemberAccount(ctx: AppContext, actor: Actor, memberId: number, password: string) {
  const m = await getMember(ctx, actor, memberId);
  if (m.status !== 'active') throw ruleRefused('MEMBER_NOT_ACTIVE', `该会员已${m.statusLabel}`);
  checkPassword(password);
  return openAccount(ctx, m, password, auditActor(actor));
}

/** The worker opens their own account by proving who they are. */
export async function registerMemberAccount(ctx: AppContext, input: { cardNo: string; idNumber: string; phone: string; password: string }, meta: { ip?: string } = {}) {
  const id = protectIdNumber(ctx, input.idNumber);
  const phone = protectPhone(ctx, input.phone);
  checkPassword(input.password);
  const m = await ctx.db.selectFrom('member').select(['id', 'org_id', 'name', 'card_no', 'id_hash', 'phone_hash', 'status']).where('card_no', '=', input.cardNo.trim()).executeTakeFirst();
  // One message for every mismatch: the page must not confirm which part was right.
  if (!m || m.id_hash !== id.hash || m.phone_hash !== phone.hash || m.status !== 'active') {
    throw unauthorized('MEMBER_NOT_VERIFIED', '会员卡号、身份证号和登记的手机号不匹配,请核对或联系所在工会');
  }
  return openAccount(ctx, { id: m.id, orgId: m.org_id, name: m.name, cardNo: m.card_no }, input.password, { userId: null, username: 'public', orgId: null, ip: meta.ip });
}

/** The signed-in worker's own membership. */
export async function myMembership(ctx: AppContext, actor: Actor): Promise<MemberView> {
  if (!actor.memberId) throw notFound('NOT_A_MEMBER', '当前账号没有关联会员');
  const row = await ctx.db.selectFrom('member as m').innerJoin('org as o', 'o.id', 'm.org_id').leftJoin('employer as e', 'e.id', 'm.employer_id')
    .select(['m.id', 'm.name', 'm.id_masked', 'm.sex', 'm.birth_date', 'm.phone_masked', 'm.org_id', 'o.name as org_name', 'm.employer_id', 'e.name as employer_name',
      'm.employment_form', 'm.migrant_worker', 'm.ethnicity', 'm.education', 'm.join_date', 'm.card_no', 'm.status', 'm.status_date'])
    .where('m.id', '=', actor.memberId).executeTakeFirstOrThrow();
  return memberView(row);
}
