// /api/orgs: the union tree.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { ErrorResponses, IdParams, IsoDate, Page, PageQuery, StringEnum } from '../platform/schemas.ts';
import { actorOf } from '../platform/auth.routes.ts';
import { ORG_KINDS, ORG_KIND_NAMES } from './org.rules.ts';
import * as orgs from './org.service.ts';

const Kind = StringEnum(ORG_KIND_NAMES);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OrgSchema = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  name: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  divisionCode: Nullable(Type.String()),
  path: Type.String(),
  depth: Type.Integer(),
  status: Type.String(),
  establishedOn: Nullable(Type.String()),
  dissolvedOn: Nullable(Type.String()),
  dissolveReason: Nullable(Type.String()),
  childCount: Type.Integer(),
});
const OrgList = Type.Object({ items: Type.Array(OrgSchema) });
const DivisionCode = Type.String({ pattern: '^\\d{6}(\\d{3})?$', description: 'GB/T 2260 行政区划代码(6 位,乡镇街道 9 位)' });

export async function orgRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/orgs/kinds', {
    config: { access: 'authenticated' },
    schema: { tags: ['orgs'], summary: '工会类型', response: { 200: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), labelEn: Type.String() })) } },
  }, async () => ORG_KIND_NAMES.map((name) => ({ name, label: ORG_KINDS[name].label, labelEn: ORG_KINDS[name].labelEn })));

  r.get('/api/orgs/root', {
    config: { access: 'authenticated' },
    schema: { tags: ['orgs'], summary: '本人数据权限范围的根工会', response: { 200: OrgSchema, ...ErrorResponses } },
  }, async (req) => orgs.scopeRoot(ctx, actorOf(req)));

  r.get('/api/orgs', {
    config: { access: 'org:read' },
    schema: {
      tags: ['orgs'], summary: '工会组织列表(orgId 及其全部下级)',
      querystring: Type.Object({
        ...PageQuery,
        kind: Type.Optional(Kind),
        status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('dissolved')])),
        divisionCode: Type.Optional(Type.String({ pattern: '^\\d{2,9}$' })),
      }),
      response: { 200: Page(OrgSchema), ...ErrorResponses },
    },
  }, async (req) => orgs.listOrgs(ctx, actorOf(req), req.query));

  r.get('/api/orgs/:id', {
    config: { access: 'org:read' },
    schema: { tags: ['orgs'], summary: '工会组织', params: IdParams, response: { 200: OrgSchema, ...ErrorResponses } },
  }, async (req) => orgs.getOrg(ctx, actorOf(req), req.params.id));

  r.get('/api/orgs/:id/children', {
    config: { access: 'org:read' },
    schema: {
      tags: ['orgs'], summary: '直接下级工会', params: IdParams,
      querystring: Type.Object({ includeDissolved: Type.Optional(Type.Boolean()) }),
      response: { 200: OrgList, ...ErrorResponses },
    },
  }, async (req) => orgs.children(ctx, actorOf(req), req.params.id, req.query.includeDissolved ?? false));

  r.get('/api/orgs/:id/ancestors', {
    config: { access: 'org:read' },
    schema: { tags: ['orgs'], summary: '从本人权限根到该工会的上级链', params: IdParams, response: { 200: OrgList, ...ErrorResponses } },
  }, async (req) => orgs.ancestors(ctx, actorOf(req), req.params.id));

  r.get('/api/orgs/:id/history', {
    config: { access: 'org:read' },
    schema: {
      tags: ['orgs'], summary: '组建、更名、移动、撤销的历史', params: IdParams,
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), at: Type.String(), effectiveOn: Type.String(), action: Type.String(), before: Type.Unknown(), after: Type.Unknown(), username: Nullable(Type.String()) })) }),
        ...ErrorResponses,
      },
    },
  }, async (req) => orgs.orgHistory(ctx, actorOf(req), req.params.id));

  r.post('/api/orgs', {
    config: { access: 'org:write' },
    schema: {
      tags: ['orgs'], summary: '新建工会组织',
      body: Type.Object({
        parentId: Type.Integer({ minimum: 1 }),
        name: Type.String({ minLength: 2, maxLength: 100 }),
        kind: Kind,
        divisionCode: Type.Optional(Nullable(DivisionCode)),
        establishedOn: Type.Optional(IsoDate),
      }),
      response: { 200: OrgSchema, ...ErrorResponses },
    },
  }, async (req) => orgs.createOrg(ctx, actorOf(req), req.body));

  r.patch('/api/orgs/:id', {
    config: { access: 'org:write' },
    schema: {
      tags: ['orgs'], summary: '修改工会组织(更名等)', params: IdParams,
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })), kind: Type.Optional(Kind), divisionCode: Type.Optional(Nullable(DivisionCode)) }),
      response: { 200: OrgSchema, ...ErrorResponses },
    },
  }, async (req) => orgs.updateOrg(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/orgs/:id/move', {
    config: { access: 'org:write' },
    schema: {
      tags: ['orgs'], summary: '移动工会(连同全部下级)', params: IdParams,
      body: Type.Object({ parentId: Type.Integer({ minimum: 1 }), effectiveOn: Type.Optional(IsoDate) }),
      response: { 200: OrgSchema, ...ErrorResponses },
    },
  }, async (req) => orgs.moveOrg(ctx, actorOf(req), req.params.id, req.body.parentId, req.body.effectiveOn));

  r.post('/api/orgs/:id/dissolve', {
    config: { access: 'org:write' },
    schema: {
      tags: ['orgs'], summary: '撤销工会(保留历史,不删除)', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }), date: Type.Optional(IsoDate) }),
      response: { 200: OrgSchema, ...ErrorResponses },
    },
  }, async (req) => orgs.dissolveOrg(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/orgs/:id/restore', {
    config: { access: 'org:write' },
    schema: { tags: ['orgs'], summary: '恢复已撤销的工会', params: IdParams, response: { 200: OrgSchema, ...ErrorResponses } },
  }, async (req) => orgs.restoreOrg(ctx, actorOf(req), req.params.id));
}
