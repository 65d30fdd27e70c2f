// Who may call what, walked route by route: every API route, every role, inside
// and outside the caller's scope. A new route without a row here fails the
// first test, so no route can slip through unchecked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/db.ts';
import { createTestApp, T, USERS, type Client, type TestApp } from './support/app.ts';
import { allows, permissionsOf, type Access } from '../src/platform/policy.ts';

interface Target { url: string; body?: unknown }
interface Case {
  /** Inside the Zhoushan scope. */
  inside: (ids: Ids) => Target;
  /** The same request aimed at Huzhou, outside the Zhoushan scope (omit when the route has no scope). */
  outside?: (ids: Ids) => Target;
  /** Sign in afresh for each call (the route ends the session). */
  freshSession?: boolean;
}
interface Ids { dhOrgUser: number; hzOrgUser: number }

const CASES: Record<string, Case> = {
  'GET /api/health': { inside: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { inside: () => ({ url: '/api/openapi.json' }) },
  'POST /api/auth/login': { inside: () => ({ url: '/api/auth/login', body: { username: 'nobody', password: 'x' } }) },
  'POST /api/auth/logout': { inside: () => ({ url: '/api/auth/logout' }), freshSession: true },
  'GET /api/auth/me': { inside: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': { inside: () => ({ url: '/api/auth/password', body: { oldPassword: 'Wrong@123x', newPassword: 'Other@123x' } }) },
  'GET /api/roles': { inside: () => ({ url: '/api/roles' }) },
  'GET /api/jobs/:id': { inside: () => ({ url: '/api/jobs/00000000-0000-4000-8000-000000000000' }) },
  'GET /api/users': { inside: () => ({ url: `/api/users?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/users?orgId=${T.huzhou}` }) },
  'GET /api/users/:id': { inside: (i) => ({ url: `/api/users/${i.dhOrgUser}` }), outside: (i) => ({ url: `/api/users/${i.hzOrgUser}` }) },
  'POST /api/users': {
    inside: () => ({ url: '/api/users', body: { username: `u${Math.random().toString(36).slice(2, 10)}`, displayName: '新账号', orgId: T.dinghai, roles: ['leader'], password: 'Abc@12345' } }),
    outside: () => ({ url: '/api/users', body: { username: `u${Math.random().toString(36).slice(2, 10)}`, displayName: '新账号', orgId: T.huzhou, roles: ['leader'], password: 'Abc@12345' } }),
  },
  'PATCH /api/users/:id': { inside: (i) => ({ url: `/api/users/${i.dhOrgUser}`, body: { displayName: '定海组织干部' } }), outside: (i) => ({ url: `/api/users/${i.hzOrgUser}`, body: { displayName: 'x' } }) },
  'POST /api/users/:id/reset-password': { inside: (i) => ({ url: `/api/users/${i.dhOrgUser}/reset-password`, body: { password: 'Test@2026pw' } }), outside: (i) => ({ url: `/api/users/${i.hzOrgUser}/reset-password`, body: { password: 'Test@2026pw' } }) },
  'POST /api/users/:id/unlock': { inside: (i) => ({ url: `/api/users/${i.dhOrgUser}/unlock` }), outside: (i) => ({ url: `/api/users/${i.hzOrgUser}/unlock` }) },
  'GET /api/audit-log': { inside: () => ({ url: `/api/audit-log?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/audit-log?orgId=${T.huzhou}` }) },
  'GET /api/audit-log/verify': { inside: () => ({ url: '/api/audit-log/verify' }) },
  'GET /api/orgs/kinds': { inside: () => ({ url: '/api/orgs/kinds' }) },
  'GET /api/orgs/root': { inside: () => ({ url: '/api/orgs/root' }) },
  'GET /api/orgs': { inside: () => ({ url: `/api/orgs?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/orgs?orgId=${T.huzhou}` }) },
  'GET /api/orgs/:id': { inside: () => ({ url: `/api/orgs/${T.changguo}` }), outside: () => ({ url: `/api/orgs/${T.wuxing}` }) },
  'GET /api/orgs/:id/children': { inside: () => ({ url: `/api/orgs/${T.dinghai}/children` }), outside: () => ({ url: `/api/orgs/${T.huzhou}/children` }) },
  'GET /api/orgs/:id/ancestors': { inside: () => ({ url: `/api/orgs/${T.changguo}/ancestors` }), outside: () => ({ url: `/api/orgs/${T.wuxing}/ancestors` }) },
  'GET /api/orgs/:id/history': { inside: () => ({ url: `/api/orgs/${T.changguo}/history` }), outside: () => ({ url: `/api/orgs/${T.wuxing}/history` }) },
  'POST /api/orgs': {
    inside: () => ({ url: '/api/orgs', body: { parentId: T.cengang, name: `测试${Math.random().toString(36).slice(2, 8)}有限公司工会`, kind: 'base' } }),
    outside: () => ({ url: '/api/orgs', body: { parentId: T.wuxing, name: '越权新建的工会', kind: 'township' } }),
  },
  'PATCH /api/orgs/:id': { inside: () => ({ url: `/api/orgs/${T.cengang}`, body: { name: '岑港街道总工会' } }), outside: () => ({ url: `/api/orgs/${T.wuxing}`, body: { name: '越权改名' } }) },
  'POST /api/orgs/:id/move': { inside: () => ({ url: `/api/orgs/${T.changguoJoint}/move`, body: { parentId: T.cengang } }), outside: () => ({ url: `/api/orgs/${T.wuxing}/move`, body: { parentId: T.zhoushan } }) },
  'POST /api/orgs/:id/dissolve': { inside: () => ({ url: `/api/orgs/${T.putuoBase}/dissolve`, body: { reason: '企业注销' } }), outside: () => ({ url: `/api/orgs/${T.wuxing}/dissolve`, body: { reason: '越权撤销' } }) },
  'POST /api/orgs/:id/restore': { inside: () => ({ url: `/api/orgs/${T.putuoBase}/restore` }), outside: () => ({ url: `/api/orgs/${T.wuxing}/restore` }) },
};

// Callers: one per role at the Zhoushan city federation, the base-union member, and nobody.
const CALLERS = ['anonymous', 'zs_admin', 'zs_org', 'zs_leader', 'zs_hardship', 'zs_mutual', 'zs_rights', 'zs_honours', 'zs_services', 'zs_finance', 'base_member'];

for (const backend of backends()) {
  describe(`access: every route × every role × inside/outside the scope [${backend}]`, () => {
    let t: TestApp;
    let ids: Ids;
    const clients = new Map<string, Client>();
    beforeAll(async () => {
      t = await createTestApp(backend);
      const users = await t.ctx.db.selectFrom('app_user').select(['id', 'username']).execute();
      const id = (u: string) => users.find((x) => x.username === u)!.id;
      ids = { dhOrgUser: id('dh_org'), hzOrgUser: id('hz_org') };
      for (const c of CALLERS) clients.set(c, c === 'anonymous' ? t.anonymous() : await t.login(c));
    });
    afterAll(() => t.close());

    it('has a row for every API route, and every route declares its access', () => {
      const routes = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
      expect(routes).toEqual(Object.keys(CASES).sort());
    });

    const auditCount = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const orgSnapshot = async () => JSON.stringify(await t.ctx.db.selectFrom('org').selectAll().orderBy('id').execute());

    for (const key of Object.keys(CASES)) {
      it(key, async () => {
        const [method, template] = key.split(' ');
        const route = t.app.apiRoutes.find((r) => r.method === method && r.url === template)!;
        const access: Access = route.access;
        const c = CASES[key];
        for (const caller of CALLERS) {
          const perms = permissionsOf(USERS[caller]?.[1] ?? []);
          const client = c.freshSession && caller !== 'anonymous' ? await t.login(caller) : clients.get(caller)!;
          const target = c.inside(ids);
          const res = await client.request(method, target.url, target.body ?? (method === 'GET' ? undefined : {}));
          const where = `${caller} ${key} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (access === 'public') {
            expect(['UNAUTHENTICATED', 'PERMISSION_DENIED', 'CSRF_FAILED'], where).not.toContain(res.json().error?.code);
          } else if (caller === 'anonymous') {
            expect(res.statusCode, where).toBe(401);
          } else if (!allows(perms, access)) {
            expect(res.statusCode, where).toBe(403);
            expect(res.json().error.code, where).toBe('PERMISSION_DENIED');
          } else {
            expect([401, 403], where).not.toContain(res.statusCode);
            expect(res.statusCode, where).toBeLessThan(500);
            if (c.outside) {
              const before = [await auditCount(), await orgSnapshot()];
              const out = c.outside(ids);
              const r2 = await client.request(method, out.url, out.body ?? (method === 'GET' ? undefined : {}));
              const where2 = `${caller} ${key} outside → ${r2.statusCode} ${r2.body.slice(0, 200)}`;
              expect([403, 404], where2).toContain(r2.statusCode);
              expect([await auditCount(), await orgSnapshot()], `${where2}: a refused request changes nothing`).toEqual(before);
            }
          }
        }
      });
    }
  });
}
