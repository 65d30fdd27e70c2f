// /api/auth: login, logout, me, own password; and the hook that turns the
// session cookie into an actor and enforces each route's declared access.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { forbidden, unauthorized } from '../core/errors.ts';
import type { AppContext } from '../context.ts';
import { ROLES, allows, isRole, type Access } from './policy.ts';
import type { Actor } from './scope.ts';
import { SESSION_COOKIE, actorForSession, changeOwnPassword, login, logout } from './auth.service.ts';
import { ErrorResponses } from './schemas.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in actor; routes that are not public can rely on it. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

export function installAuth(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    const access: Access | undefined = req.routeOptions.config?.access;
    if (!access || !req.url.startsWith('/api/')) return;

    // Cross-site requests: a browser always sends Origin on unsafe requests; it
    // must be this site.
    if (UNSAFE.has(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        let host: string | undefined;
        try { host = new URL(origin).host; } catch { host = undefined; }
        if (host !== req.headers.host) throw forbidden('CSRF_FAILED', '拒绝跨站请求');
      }
    }

    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const found = await actorForSession(ctx, token);
      if (found) {
        req.actor = { ...found.actor, ip: req.ip };
        req.csrfToken = found.csrfToken;
      }
    }
    if (access === 'public') return;
    if (!req.actor) throw unauthorized('UNAUTHENTICATED', token ? '登录已超时,请重新登录' : '请先登录');
    if (UNSAFE.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw forbidden('CSRF_FAILED', '请求缺少有效的 CSRF 令牌,请刷新页面后重试');
    }
    if (!allows(req.actor.permissions, access)) throw forbidden('PERMISSION_DENIED', '您没有执行此操作的权限');
  });
}

export const MeSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  org: Type.Object({ id: Type.Integer(), name: Type.String(), path: Type.String() }),
  roles: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), labelEn: Type.String() })),
  permissions: Type.Array(Type.String()),
  memberId: Type.Union([Type.Integer(), Type.Null()]),
  csrfToken: Type.String(),
  scope: Type.Object({ orgId: Type.Integer(), orgName: Type.String() }),
});

function me(actor: Actor, csrfToken: string) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    org: { id: actor.orgId, name: actor.orgName, path: actor.orgPath },
    roles: actor.roles.filter(isRole).map((r) => ({ name: r, label: ROLES[r].label, labelEn: ROLES[r].labelEn })),
    permissions: [...actor.permissions].sort(),
    memberId: actor.memberId,
    csrfToken,
    scope: { orgId: actor.orgId, orgName: actor.orgName },
  };
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/api/auth/login', {
    config: { access: 'public', rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: '登录',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: MeSchema, ...ErrorResponses },
    },
  }, async (req, reply) => {
    const result = await login(ctx, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true, sameSite: 'strict', path: '/', secure: ctx.config.secureCookies,
    });
    return me(result.actor, result.csrfToken);
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: Type.Object({ ok: Type.Boolean() }), ...ErrorResponses } },
  }, async (req, reply) => {
    await logout(ctx, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: '当前用户、角色与数据权限范围', response: { 200: MeSchema, ...ErrorResponses } },
  }, async (req) => me(actorOf(req), req.csrfToken ?? ''));

  r.post('/api/auth/password', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'], summary: '修改本人密码',
      body: Type.Object({ oldPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...ErrorResponses },
    },
  }, async (req) => {
    await changeOwnPassword(ctx, actorOf(req), req.body.oldPassword, req.body.newPassword);
    return { ok: true };
  });
}
