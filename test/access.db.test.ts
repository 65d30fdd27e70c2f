// Who may call what, walked route by route: every API route, every role, inside
// and outside the caller's scope. The cases live with each area
// (src/<area>/<area>.access.ts, listed in test/access/areas.ts); a new route
// without a case fails the first test, so no route can slip through unchecked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/db.ts';
import { createTestApp, USERS, type Client, type TestApp } from './support/app.ts';
import type { AccessCase, Ids } from './support/access.ts';
import { allows, permissionsOf, type Access } from '../src/platform/policy.ts';
import { AREAS } from './access/areas.ts';

const CASES: Record<string, AccessCase> = Object.assign({}, ...AREAS.map((a) => a.cases));

// Callers: one per role at the Zhoushan city federation, the base-union member, and nobody.
const CALLERS = ['anonymous', 'zs_admin', 'zs_org', 'zs_leader', 'zs_hardship', 'zs_mutual', 'zs_rights', 'zs_honours', 'zs_services', 'zs_finance', 'base_member'];

for (const backend of backends()) {
  describe(`access: every route × every role × inside/outside the scope [${backend}]`, () => {
    let t: TestApp;
    let ids: Ids;
    const clients = new Map<string, Client>();
    beforeAll(async () => {
      t = await createTestApp(backend);
      const admin = await t.login('admin');
      ids = {};
      for (const area of AREAS) if (area.seed) Object.assign(ids, await area.seed(t, admin, ids));
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
