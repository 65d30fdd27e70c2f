// Route access: organisation and membership.
import { T, type Client, type TestApp } from '../../test/support/app.ts';
import { ok, type AccessArea, type AccessCase, type Ids } from '../../test/support/access.ts';
import { makeIdNumber } from '../core/idnumber.ts';
import { makeCreditCode } from '../core/creditcode.ts';

let seq = 100;
const newId = (division: string) => makeIdNumber(division, '1991-02-03', seq++);

const CASES: Record<string, AccessCase> = {
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
  'POST /api/members/:id/account': { inside: (i) => ({ url: `/api/members/${i.dhMember}/account`, body: { password: 'Abc@12345' } }), outside: (i) => ({ url: `/api/members/${i.hzMember}/account`, body: { password: 'Abc@12345' } }) },
  'POST /api/auth/member-register': { inside: () => ({ url: '/api/auth/member-register', body: { cardNo: '3309020000000001', idNumber: newId('330902'), phone: '13900001111', password: 'Abc@12345' } }) },
  'GET /api/me/membership': { inside: () => ({ url: '/api/me/membership' }) },
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
async function seed(t: TestApp, admin: Client): Promise<Ids> {
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

export const membershipAccess: AccessArea = { name: 'membership', seed, cases: CASES };
