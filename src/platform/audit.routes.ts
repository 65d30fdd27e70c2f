// /api/audit-log: search the log (entries about records in scope, or made by
// people in scope) and check the hash chain.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { ErrorResponses, Page, PageQuery, paging } from './schemas.ts';
import { actorOf } from './auth.routes.ts';
import { Scope } from './scope.ts';
import { verifyChain } from './audit.ts';

const Entry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Type.Union([Type.Integer(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  orgId: Type.Union([Type.Integer(), Type.Null()]),
  orgName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  detail: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
  prevHash: Type.String(),
});

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/audit-log', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'], summary: '审计日志查询',
      querystring: Type.Object({
        ...PageQuery,
        username: Type.Optional(Type.String({ maxLength: 64 })),
        action: Type.Optional(Type.String({ maxLength: 40 })),
        entity: Type.Optional(Type.String({ maxLength: 40 })),
        entityId: Type.Optional(Type.String({ maxLength: 40 })),
        from: Type.Optional(Type.String({ format: 'date' })),
        to: Type.Optional(Type.String({ format: 'date' })),
      }),
      response: { 200: Page(Entry), ...ErrorResponses },
    },
  }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    const scope = Scope.of(actor);
    const subtree = await scope.subtree(ctx.db, q.orgId);
    const { page, pageSize, offset } = paging(q);
    let query = ctx.db.selectFrom('audit_log as a').leftJoin('org as o', 'o.id', 'a.org_id')
      .where((eb) => eb.or([scope.orgIdIn('a.org_id', subtree.path), scope.orgIdIn('a.actor_org_id', subtree.path)]));
    if (q.username) query = query.where('a.username', '=', q.username);
    if (q.action) query = query.where('a.action', '=', q.action);
    if (q.entity) query = query.where('a.entity', '=', q.entity);
    if (q.entityId) query = query.where('a.entity_id', '=', q.entityId);
    // Dates are China dates: a day runs from 00:00 to 24:00 at UTC+8.
    if (q.from) query = query.where('a.at', '>=', new Date(`${q.from}T00:00:00+08:00`));
    if (q.to) query = query.where('a.at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000));
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
      query = query.where((eb) => eb.or([eb('a.username', 'ilike', like), eb('a.entity_id', '=', q.q!), eb(sql`a.detail::text`, 'ilike', like), eb(sql`a.after::text`, 'ilike', like)]));
    }
    const [rows, count] = await Promise.all([
      query.select(['a.id', 'a.at', 'a.user_id', 'a.username', 'a.org_id', 'o.name as org_name', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after', 'a.detail', 'a.ip', 'a.hash', 'a.prev_hash'])
        .orderBy('a.id', 'desc').limit(pageSize).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((a) => ({
        id: a.id, at: a.at.toISOString(), userId: a.user_id, username: a.username, orgId: a.org_id, orgName: a.org_name,
        action: a.action, entity: a.entity, entityId: a.entity_id, before: a.before, after: a.after, detail: a.detail, ip: a.ip,
        hash: a.hash, prevHash: a.prev_hash,
      })),
      total: Number(count.n), page, pageSize,
    };
  });

  r.get('/api/audit-log/verify', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'], summary: '校验审计日志的 SM3 哈希链',
      response: { 200: Type.Object({ ok: Type.Boolean(), checked: Type.Integer(), brokenAt: Type.Optional(Type.Integer()) }), ...ErrorResponses },
    },
  }, async () => verifyChain(ctx.db));
}
