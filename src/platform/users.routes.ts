// /api/users: accounts belong to a union; officers manage the accounts of their
// own union and the unions beneath it.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { ErrorResponses, IdParams, Ok, Page, PageQuery, StringEnum } from './schemas.ts';
import { actorOf } from './auth.routes.ts';
import { ROLE_NAMES, ROLES } from './policy.ts';
import * as users from './users.service.ts';

const RoleName = StringEnum(ROLE_NAMES);

export const UserSchema = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  orgId: Type.Integer(),
  orgName: Type.String(),
  roles: Type.Array(Type.String()),
  status: Type.String(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  memberId: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});

export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/roles', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['users'], summary: '角色列表',
      response: { 200: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), labelEn: Type.String(), permissions: Type.Array(Type.String()) })) },
    },
  }, async () => ROLE_NAMES.map((name) => ({ name, label: ROLES[name].label, labelEn: ROLES[name].labelEn, permissions: [...ROLES[name].permissions] })));

  r.get('/api/users', {
    config: { access: 'user:read' },
    schema: {
      tags: ['users'], summary: '用户账号列表(本级及下级工会)',
      querystring: Type.Object({ ...PageQuery, role: Type.Optional(RoleName), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])) }),
      response: { 200: Page(UserSchema), ...ErrorResponses },
    },
  }, async (req) => users.listUsers(ctx, actorOf(req), req.query));

  r.get('/api/users/:id', {
    config: { access: 'user:read' },
    schema: { tags: ['users'], summary: '用户账号', params: IdParams, response: { 200: UserSchema, ...ErrorResponses } },
  }, async (req) => users.getUser(ctx, actorOf(req), req.params.id));

  r.post('/api/users', {
    config: { access: 'user:write' },
    schema: {
      tags: ['users'], summary: '新建用户账号',
      body: Type.Object({
        username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
        displayName: Type.String({ minLength: 1, maxLength: 50 }),
        orgId: Type.Integer({ minimum: 1 }),
        roles: Type.Array(RoleName, { minItems: 1, maxItems: 10 }),
        password: Type.String({ minLength: 1, maxLength: 128 }),
      }),
      response: { 200: UserSchema, ...ErrorResponses },
    },
  }, async (req) => users.createUser(ctx, actorOf(req), req.body));

  r.patch('/api/users/:id', {
    config: { access: 'user:write' },
    schema: {
      tags: ['users'], summary: '修改用户账号(姓名、所属工会、角色、启用/停用)',
      params: IdParams,
      body: Type.Object({
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        orgId: Type.Optional(Type.Integer({ minimum: 1 })),
        roles: Type.Optional(Type.Array(RoleName, { minItems: 1, maxItems: 10 })),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
      }),
      response: { 200: UserSchema, ...ErrorResponses },
    },
  }, async (req) => users.updateUser(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/users/:id/reset-password', {
    config: { access: 'user:write' },
    schema: {
      tags: ['users'], summary: '重置密码(并解除锁定)',
      params: IdParams,
      body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: Ok, ...ErrorResponses },
    },
  }, async (req) => {
    await users.resetPassword(ctx, actorOf(req), req.params.id, req.body.password);
    return { ok: true };
  });

  r.post('/api/users/:id/unlock', {
    config: { access: 'user:write' },
    schema: { tags: ['users'], summary: '解除锁定', params: IdParams, response: { 200: UserSchema, ...ErrorResponses } },
  }, async (req) => users.unlockUser(ctx, actorOf(req), req.params.id));
}
