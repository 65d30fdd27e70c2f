// Who may call what, walked route by route: every API route, every role, inside
// and outside the caller's scope. A new route without a row here fails the
// first test, so no route can slip through unchecked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/db.ts';
import { createTestApp, T, USERS, type Client, type TestApp } from './support/app.ts';
import { allows, permissionsOf, type Access } from '../src/platform/policy.ts';
import { makeIdNumber } from '../src/core/idnumber.ts';
import { makeCreditCode } from '../src/core/creditcode.ts';

interface Target { url: string; body?: unknown }
interface Case {
  /** Inside the Zhoushan scope. */
  inside: (ids: Ids) => Target;
  /** The same request aimed at Huzhou, outside the Zhoushan scope (omit when the route has no scope). */
  outside?: (ids: Ids) => Target;
  /** Sign in afresh for each call (the route ends the session). */
  freshSession?: boolean;
}
interface Ids {
  dhOrgUser: number; hzOrgUser: number;
  hzBase: number; dhMember: number; hzMember: number; leaveMember: number; moveMember: number;
  transferIn: number; transferHz: number; dhEmployer: number; hzEmployer: number; bareEmployer: number; application: number; hzApplication: number;
}
let seq = 100;
const newId = (division: string) => makeIdNumber(division, '1991-02-03', seq++);

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
  // membership
  'GET /api/members/options': { inside: () => ({ url: '/api/members/options' }) },
  'GET /api/members': { inside: () => ({ url: `/api/members?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/members?orgId=${T.huzhou}` }) },
  'GET /api/members/:id': { inside: (i) => ({ url: `/api/members/${i.dhMember}` }), outside: (i) => ({ url: `/api/members/${i.hzMember}` }) },
  'POST /api/members/:id/reveal': { inside: (i) => ({ url: `/api/members/${i.dhMember}/reveal`, body: {} }), outside: (i) => ({ url: `/api/members/${i.hzMember}/reveal`, body: {} }) },
  'GET /api/members/:id/history': { inside: (i) => ({ url: `/api/members/${i.dhMember}/history` }), outside: (i) => ({ url: `/api/members/${i.hzMember}/history` }) },
  'POST /api/members': {
    inside: () => ({ url: '/api/members', body: { name: '测试会员', idNumber: newId('330902'), orgId: T.donghaiBase, employmentForm: 'full_time' } }),
    outside: (i) => ({ url: '/api/members', body: { name: '越权会员', idNumber: newId('330502'), orgId: i.hzBase, employmentForm: 'full_time' } }),
  },
  'PATCH /api/members/:id': { inside: (i) => ({ url: `/api/members/${i.dhMember}`, body: { education: '本科' } }), outside: (i) => ({ url: `/api/members/${i.hzMember}`, body: { education: '本科' } }) },
  'POST /api/members/:id/leave': { inside: (i) => ({ url: `/api/members/${i.leaveMember}/leave`, body: { status: 'withdrawn', reason: '本人申请' } }), outside: (i) => ({ url: `/api/members/${i.hzMember}/leave`, body: { status: 'withdrawn', reason: '越权' } }) },
  'POST /api/members/:id/transfer': { inside: (i) => ({ url: `/api/members/${i.moveMember}/transfer`, body: { toOrgId: T.putuoBase, reason: '工作调动' } }), outside: (i) => ({ url: `/api/members/${i.hzMember}/transfer`, body: { toOrgId: T.putuoBase, reason: '越权' } }) },
  'GET /api/member-transfers': { inside: () => ({ url: `/api/member-transfers?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/member-transfers?orgId=${T.huzhou}` }) },
  'POST /api/member-transfers/:id/accept': { inside: (i) => ({ url: `/api/member-transfers/${i.transferIn}/accept`, body: {} }), outside: (i) => ({ url: `/api/member-transfers/${i.transferHz}/accept`, body: {} }) },
  'POST /api/member-transfers/:id/reject': { inside: (i) => ({ url: `/api/member-transfers/${i.transferIn}/reject`, body: { reason: '不接收' } }), outside: (i) => ({ url: `/api/member-transfers/${i.transferHz}/reject`, body: { reason: '越权' } }) },
  'GET /api/employers': { inside: () => ({ url: `/api/employers?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/employers?orgId=${T.huzhou}` }) },
  'GET /api/employers/:id': { inside: (i) => ({ url: `/api/employers/${i.dhEmployer}` }), outside: (i) => ({ url: `/api/employers/${i.hzEmployer}` }) },
  'POST /api/employers': { inside: () => ({ url: '/api/employers', body: { name: '新登记单位', headcount: 30, areaOrgId: T.changguo } }), outside: () => ({ url: '/api/employers', body: { name: '越权单位', headcount: 30, areaOrgId: T.wuxing } }) },
  'PATCH /api/employers/:id': { inside: (i) => ({ url: `/api/employers/${i.dhEmployer}`, body: { headcount: 88 } }), outside: (i) => ({ url: `/api/employers/${i.hzEmployer}`, body: { headcount: 1 } }) },
  'POST /api/employers/:id/close': { inside: (i) => ({ url: `/api/employers/${i.bareEmployer}/close`, body: { reason: '企业注销' } }), outside: (i) => ({ url: `/api/employers/${i.hzEmployer}/close`, body: { reason: '越权' } }) },
  'POST /api/employers/:id/union': { inside: (i) => ({ url: `/api/employers/${i.dhEmployer}/union`, body: { mode: 'join', jointOrgId: T.changguoJoint } }), outside: (i) => ({ url: `/api/employers/${i.hzEmployer}/union`, body: { mode: 'new' } }) },
  'POST /api/employers/:id/union/end': { inside: (i) => ({ url: `/api/employers/${i.dhEmployer}/union/end`, body: { reason: '退出联合工会' } }), outside: (i) => ({ url: `/api/employers/${i.hzEmployer}/union/end`, body: { reason: '越权' } }) },
  'GET /api/orgs/:id/profile': { inside: () => ({ url: `/api/orgs/${T.donghaiBase}/profile` }), outside: (i) => ({ url: `/api/orgs/${i.hzBase}/profile` }) },
  'PUT /api/orgs/:id/profile': { inside: () => ({ url: `/api/orgs/${T.donghaiBase}/profile`, body: { chairName: '张建国', electedOn: '2022-04-01' } }), outside: (i) => ({ url: `/api/orgs/${i.hzBase}/profile`, body: { chairName: '越权' } }) },
  'GET /api/orgs/elections-due': { inside: () => ({ url: `/api/orgs/elections-due?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/orgs/elections-due?orgId=${T.huzhou}` }) },
  'GET /api/orgs/:id/coverage': { inside: () => ({ url: `/api/orgs/${T.dinghai}/coverage` }), outside: () => ({ url: `/api/orgs/${T.huzhou}/coverage` }) },
  'GET /api/public/orgs': { inside: () => ({ url: '/api/public/orgs?q=海运' }) },
  'POST /api/join-applications': { inside: () => ({ url: '/api/join-applications', body: { name: '网上申请人', idNumber: newId('330902'), phone: '13900001111', targetOrgId: T.donghaiBase, employerName: '东海海运', employmentForm: 'courier' } }) },
  'GET /api/join-applications/status': { inside: () => ({ url: '/api/join-applications/status?appNo=RH20260101000001&phone=13900001111' }) },
  'GET /api/join-applications': { inside: () => ({ url: `/api/join-applications?orgId=${T.dinghai}` }), outside: () => ({ url: `/api/join-applications?orgId=${T.huzhou}` }) },
  'GET /api/join-applications/:id': { inside: (i) => ({ url: `/api/join-applications/${i.application}` }), outside: (i) => ({ url: `/api/join-applications/${i.hzApplication}` }) },
  'POST /api/join-applications/:id/approve': { inside: (i) => ({ url: `/api/join-applications/${i.application}/approve`, body: {} }), outside: (i) => ({ url: `/api/join-applications/${i.hzApplication}/approve`, body: {} }) },
  'POST /api/join-applications/:id/reject': { inside: (i) => ({ url: `/api/join-applications/${i.application}/reject`, body: { reason: '信息不实' } }), outside: (i) => ({ url: `/api/join-applications/${i.hzApplication}/reject`, body: { reason: '越权' } }) },
};

/** Records to aim at, inside Zhoushan and in Huzhou, made through the API as the province admin. */
async function seedTargets(t: TestApp, admin: Client): Promise<Omit<Ids, 'dhOrgUser' | 'hzOrgUser'>> {
  const ok = async (p: Promise<{ statusCode: number; json(): any; body: string }>) => {
    const r = await p;
    if (r.statusCode !== 200) throw new Error(`seed failed: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const hzBase = (await ok(admin.post('/api/orgs', { parentId: T.wuxing, name: '吴兴织里童装有限公司工会委员会', kind: 'base' }))).id;
  const hzBase2 = (await ok(admin.post('/api/orgs', { parentId: T.wuxing, name: '吴兴丝绸有限公司工会委员会', kind: 'base' }))).id;
  const member = (orgId: number, division: string, name: string) => ok(admin.post('/api/members', { name, idNumber: newId(division), orgId, employmentForm: 'full_time', joinDate: '2020-01-01' }));
  const dhMember = (await member(T.donghaiBase, '330902', '定海会员')).id;
  const hzMember = (await member(hzBase, '330502', '湖州会员')).id;
  const leaveMember = (await member(T.donghaiBase, '330902', '退会会员')).id;
  const moveMember = (await member(T.donghaiBase, '330902', '调动会员')).id;
  const incoming = (await member(hzBase, '330502', '转入会员')).id;
  const transferIn = (await ok(admin.post(`/api/members/${incoming}/transfer`, { toOrgId: T.donghaiBase, reason: '来舟山工作' }))).id;
  // The province admin's own moves complete at once; make the two pending ones directly.
  await t.ctx.db.updateTable('member_transfer').set({ status: 'pending', in_date: null }).where('id', '=', transferIn).execute();
  await t.ctx.db.updateTable('member').set({ org_id: hzBase }).where('id', '=', incoming).execute();
  const hzMover = (await member(hzBase, '330502', '湖州调动会员')).id;
  const transferHz = (await t.ctx.db.insertInto('member_transfer').values({ member_id: hzMover, from_org_id: hzBase, to_org_id: hzBase2, reason: '湖州内部调动', out_date: '2025-01-01' }).returning('id').executeTakeFirstOrThrow()).id;
  const dhEmployer = (await ok(admin.post('/api/employers', { name: '昌国食品有限公司', creditCode: makeCreditCode('330902', 901), headcount: 40, areaOrgId: T.changguo }))).id;
  const bareEmployer = (await ok(admin.post('/api/employers', { name: '昌国便利店', headcount: 5, areaOrgId: T.changguo }))).id;
  const hzEmployer = (await ok(admin.post('/api/employers', { name: '吴兴丝绸有限公司', creditCode: makeCreditCode('330502', 902), headcount: 60, areaOrgId: T.wuxing }))).id;
  const apply = (orgId: number, division: string) => ok(t.anonymous().post('/api/join-applications', { name: '申请人', idNumber: newId(division), phone: '13700002222', targetOrgId: orgId, noUnionAtWork: true, employmentForm: 'food_delivery' }));
  await apply(T.changguo, '330902');
  await apply(hzBase, '330502');
  const apps = await t.ctx.db.selectFrom('join_application').select(['id', 'target_org_id']).orderBy('id').execute();
  return { hzBase, dhMember, hzMember, leaveMember, moveMember, transferIn, transferHz, dhEmployer, hzEmployer, bareEmployer, application: apps[0].id, hzApplication: apps[1].id };
}

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
      ids = { dhOrgUser: id('dh_org'), hzOrgUser: id('hz_org'), ...(await seedTargets(t, await t.login('admin'))) };
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
