// Signing in and out, sessions with an idle timeout, and the lockout after five
// wrong passwords.
import crypto from 'node:crypto';
import type { AppContext } from '../context.ts';
import { AppError, badRequest, forbidden, unauthorized } from '../core/errors.ts';
import { sm3 } from '../core/crypto.ts';
import { permissionsOf } from './policy.ts';
import type { Actor } from './scope.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { recordAudit } from './audit.ts';

export const SESSION_COOKIE = 'gh_session';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface LoginResult {
  token: string;
  actor: Actor;
  csrfToken: string;
}

function sessionId(token: string): string {
  return sm3('session|' + token);
}

export async function login(ctx: AppContext, username: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<LoginResult> {
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('app_user').selectAll().where('username', '=', username.trim()).executeTakeFirst();
  const failed = () => unauthorized('LOGIN_FAILED', '用户名或密码错误');
  if (!user) {
    // Spend the same time as a real check so that timing does not reveal names.
    await verifyPassword(password, 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    throw failed();
  }
  if (user.status !== 'active') throw forbidden('ACCOUNT_DISABLED', '该账号已停用,请联系管理员');
  if (user.locked_until && user.locked_until > now) {
    const until = user.locked_until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
    throw new AppError(403, 'ACCOUNT_LOCKED', `密码连续错误 ${MAX_FAILED_LOGINS} 次,账号已锁定,请于 ${until} 后再试`, { lockedUntil: user.locked_until.toISOString() });
  }
  const auditActor = { userId: user.id, username: user.username, orgId: user.org_id, ip: meta.ip };
  if (!(await verifyPassword(password, user.password_hash))) {
    const count = user.failed_logins + 1;
    const locks = count >= MAX_FAILED_LOGINS;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({
        failed_logins: locks ? 0 : count,
        locked_until: locks ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : user.locked_until,
      }).where('id', '=', user.id).execute();
      await recordAudit(trx, auditActor, { action: locks ? 'locked' : 'login_failed', entity: 'user', entityId: user.id, orgId: user.org_id, detail: { failedLogins: count } });
    });
    if (locks) throw new AppError(403, 'ACCOUNT_LOCKED', `密码连续错误 ${MAX_FAILED_LOGINS} 次,账号已锁定 ${LOCK_MINUTES} 分钟`);
    throw new AppError(401, 'LOGIN_FAILED', `用户名或密码错误,再错 ${MAX_FAILED_LOGINS - count} 次将锁定账号 ${LOCK_MINUTES} 分钟`, { remainingAttempts: MAX_FAILED_LOGINS - count });
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    await trx.insertInto('user_session').values({
      id: sessionId(token), user_id: user.id, csrf_token: csrfToken, created_at: now, last_seen_at: now,
      ip: meta.ip ?? null, user_agent: meta.userAgent?.slice(0, 300) ?? null,
    }).execute();
    await recordAudit(trx, auditActor, { action: 'login', entity: 'user', entityId: user.id, orgId: user.org_id });
  });
  const actor = await actorForSession(ctx, token);
  if (!actor) throw new Error('session vanished');
  return { token, actor: actor.actor, csrfToken };
}

/** The signed-in actor for a session token, or null when absent or idle too long. */
export async function actorForSession(ctx: AppContext, token: string): Promise<{ actor: Actor; csrfToken: string } | null> {
  if (!token || token.length > 100) return null;
  const id = sessionId(token);
  const row = await ctx.db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('org as o', 'o.id', 'u.org_id')
    .select(['s.id as sessionId', 's.csrf_token', 's.last_seen_at', 'u.id as userId', 'u.username', 'u.display_name', 'u.org_id', 'u.roles', 'u.status', 'u.member_id', 'o.path', 'o.name as orgName'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock.now();
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  if (row.status !== 'active' || now.getTime() - row.last_seen_at.getTime() > idleMs) {
    await ctx.db.deleteFrom('user_session').where('id', '=', id).execute();
    return null;
  }
  // Touch at most once a minute: a read should not always cost a write.
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await ctx.db.updateTable('user_session').set({ last_seen_at: now }).where('id', '=', id).execute();
  }
  return {
    csrfToken: row.csrf_token,
    actor: {
      userId: row.userId,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgPath: row.path,
      orgName: row.orgName,
      roles: row.roles,
      permissions: permissionsOf(row.roles),
      memberId: row.member_id,
      sessionId: row.sessionId,
    },
  };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_session').where('id', '=', actor.sessionId).execute();
    await recordAudit(trx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, { action: 'logout', entity: 'user', entityId: actor.userId, orgId: actor.orgId });
  });
}

export async function changeOwnPassword(ctx: AppContext, actor: Actor, oldPassword: string, newPassword: string): Promise<void> {
  const user = await ctx.db.selectFrom('app_user').select(['password_hash']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(oldPassword, user.password_hash))) throw badRequest('OLD_PASSWORD_WRONG', '原密码不正确');
  const problem = passwordProblem(newPassword);
  if (problem) throw badRequest('PASSWORD_WEAK', problem, { fields: [{ field: 'newPassword', code: 'PASSWORD_WEAK', message: problem }] });
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, password_changed_at: ctx.clock.now(), updated_at: ctx.clock.now() }).where('id', '=', actor.userId).execute();
    // Other sessions of this user end; this one stays.
    await trx.deleteFrom('user_session').where('user_id', '=', actor.userId).where('id', '!=', actor.sessionId).execute();
    await recordAudit(trx, { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip }, { action: 'password_change', entity: 'user', entityId: actor.userId, orgId: actor.orgId });
  });
}

export async function purgeIdleSessions(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - ctx.config.sessionIdleMinutes * 60_000);
  const r = await ctx.db.deleteFrom('user_session').where('last_seen_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows ?? 0);
}
