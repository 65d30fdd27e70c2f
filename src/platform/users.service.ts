import type { AppContext } from '../context.ts';
import { badRequest, conflict, notFound, ruleRefused } from '../core/errors.ts';
import { auditActor, recordAudit } from './audit.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { Scope, type Actor } from './scope.ts';
import { paging } from './schemas.ts';


export interface UserView {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: string[];
  status: string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  memberId: number | null;
  createdAt: string;
}

function baseQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('app_user as u')
    .innerJoin('org as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.name as org_name', 'u.roles', 'u.status', 'u.locked_until', 'u.last_login_at', 'u.member_id', 'u.created_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function view(r: Row, now: Date): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgId: r.org_id,
    orgName: r.org_name,
    roles: r.roles,
    status: r.status,
    lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until.toISOString() : null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    memberId: r.member_id,
    createdAt: r.created_at.toISOString(),
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, q: { page?: number; pageSize?: number; q?: string; orgId?: number; role?: string; status?: string }) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  let query = baseQuery(ctx).where(scope.orgPathIn('o.path', subtree.path));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'ilike', like), eb('u.display_name', 'ilike', like)]));
  }
  if (q.role) query = query.where((eb) => eb(eb.val(q.role!), '=', eb.fn.any('u.roles')));
  if (q.status) query = query.where('u.status', '=', q.status as 'active');
  const [rows, count] = await Promise.all([
    query.orderBy('o.path').orderBy('u.username').limit(pageSize).offset(offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const now = ctx.clock.now();
  return { items: rows.map((r) => view(r, now)), total: Number(count.n), page, pageSize };
}

async function findInScope(ctx: AppContext, actor: Actor, id: number) {
  const row = await baseQuery(ctx).select('o.path').where('u.id', '=', id).where(Scope.of(actor).orgPathIn('o.path')).executeTakeFirst();
  if (!row) throw notFound('USER_NOT_FOUND', '用户不存在或不在您的数据权限范围内');
  return row;
}

export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  return view(await findInScope(ctx, actor, id), ctx.clock.now());
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw badRequest('PASSWORD_WEAK', problem, { fields: [{ field: 'password', code: 'PASSWORD_WEAK', message: problem }] });
}

function auditView(v: UserView) {
  const { lastLoginAt: _l, lockedUntil: _u, ...rest } = v;
  return rest;
}

export async function createUser(ctx: AppContext, actor: Actor, input: { username: string; displayName: string; orgId: number; roles: string[]; password: string }): Promise<UserView> {
  const scope = Scope.of(actor);
  const org = await scope.requireOrg(ctx.db, input.orgId);
  if (org.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${org.name}」已撤销,不能新建账号`);
  checkPassword(input.password);
  const exists = await ctx.db.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
  if (exists) throw conflict('USERNAME_TAKEN', `用户名 ${input.username} 已被使用`, { fields: [{ field: 'username', code: 'USERNAME_TAKEN', message: '用户名已被使用' }] });
  const hash = await hashPassword(input.password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('app_user').values({
      username: input.username, display_name: input.displayName, org_id: input.orgId, roles: [...new Set(input.roles)], password_hash: hash,
    }).returning('id').executeTakeFirstOrThrow();
    const created = view(await baseQuery({ ...ctx, db: trx }).where('u.id', '=', row.id).executeTakeFirstOrThrow(), ctx.clock.now());
    await recordAudit(trx, auditActor(actor), { action: 'create', entity: 'user', entityId: row.id, orgId: input.orgId, after: auditView(created) });
    return row.id;
  });
  return getUser(ctx, actor, id);
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: { displayName?: string; orgId?: number; roles?: string[]; status?: 'active' | 'disabled' }): Promise<UserView> {
  const before = view(await findInScope(ctx, actor, id), ctx.clock.now());
  if (input.orgId !== undefined && input.orgId !== before.orgId) await Scope.of(actor).requireOrg(ctx.db, input.orgId);
  if (id === actor.userId && (input.status === 'disabled' || (input.roles && !input.roles.includes('admin') && actor.roles.includes('admin')))) {
    throw ruleRefused('CANNOT_DEMOTE_SELF', '不能停用自己的账号或取消自己的管理员角色');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.orgId !== undefined ? { org_id: input.orgId } : {}),
      ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updated_at: ctx.clock.now(),
    }).where('id', '=', id).execute();
    if (input.status === 'disabled' || input.orgId !== undefined || input.roles !== undefined) {
      await trx.deleteFrom('user_session').where('user_id', '=', id).where('id', '!=', actor.sessionId).execute();
    }
    const after = view(await baseQuery({ ...ctx, db: trx }).where('u.id', '=', id).executeTakeFirstOrThrow(), ctx.clock.now());
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'user', entityId: id, orgId: after.orgId, before: auditView(before), after: auditView(after) });
  });
  return getUser(ctx, actor, id);
}

export async function resetPassword(ctx: AppContext, actor: Actor, id: number, password: string): Promise<void> {
  const target = await findInScope(ctx, actor, id);
  checkPassword(password);
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, failed_logins: 0, locked_until: null, password_changed_at: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.deleteFrom('user_session').where('user_id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { action: 'password_reset', entity: 'user', entityId: id, orgId: target.org_id });
  });
}

export async function unlockUser(ctx: AppContext, actor: Actor, id: number): Promise<UserView> {
  const target = await findInScope(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('app_user').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    await recordAudit(trx, auditActor(actor), { action: 'unlock', entity: 'user', entityId: id, orgId: target.org_id });
  });
  return getUser(ctx, actor, id);
}
