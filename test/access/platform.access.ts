// Route access: the platform and the union tree.
import { T } from '../support/app.ts';
import type { AccessArea, AccessCase } from '../support/access.ts';

const CASES: Record<string, AccessCase> = {
  'GET /api/health': { inside: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { inside: () => ({ url: '/api/openapi.json' }) },
  'POST /api/auth/login': { inside: () => ({ url: '/api/auth/login', body: { username: 'nobody', password: 'x' } }) },
  'POST /api/auth/logout': { inside: () => ({ url: '/api/auth/logout' }), freshSession: true },
  'GET /api/auth/me': { inside: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/password': { inside: () => ({ url: '/api/auth/password', body: { oldPassword: 'Wrong@123x', newPassword: 'Other@123x' } }) },
  'GET /api/roles': { inside: () => ({ url: '/api/roles' }) },
  'POST /api/attachments': { inside: () => ({ url: '/api/attachments?fileName=a.pdf', body: {} }) },
  'GET /api/attachments/:id': { inside: () => ({ url: '/api/attachments/999999' }) },
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

export const platformAccess: AccessArea = {
  name: 'platform',
  async seed(t) {
    const users = await t.ctx.db.selectFrom('app_user').select(['id', 'username']).execute();
    const id = (u: string) => users.find((x) => x.username === u)!.id;
    return { dhOrgUser: id('dh_org'), hzOrgUser: id('hz_org') };
  },
  cases: CASES,
};
