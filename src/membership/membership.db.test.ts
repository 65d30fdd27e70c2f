import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { createTestApp, T, type Client, type TestApp } from '../../test/support/app.ts';
import { makeIdNumber } from '../core/idnumber.ts';
import { makeCreditCode } from '../core/creditcode.ts';

const ID_A = makeIdNumber('330902', '1988-03-15', 11); // male
const ID_B = makeIdNumber('330903', '1995-07-02', 22); // female
const ID_C = makeIdNumber('330502', '1979-12-01', 31);

for (const backend of backends()) {
  describe(`members by real name [${backend}]`, () => {
    let t: TestApp;
    let zs: Client;
    let dh: Client;
    let pt: Client;
    let employerId: number;
    beforeAll(async () => {
      t = await createTestApp(backend);
      zs = await t.login('zs_org');
      dh = await t.login('dh_org');
      pt = await t.login('pt_org');
      const e = await zs.post('/api/employers', { name: '舟山东海海运有限公司', creditCode: makeCreditCode('330902', 17), industry: 'G', ownership: 'private', headcount: 120, areaOrgId: T.changguo });
      expect(e.statusCode).toBe(200);
      employerId = e.json().id;
    });
    afterAll(() => t.close());

    let memberA: number;

    it('registers a member with birth date and sex from the ID number, masked, with a card number', async () => {
      const r = await dh.post('/api/members', { name: '王海明', idNumber: ID_A, phone: '138 0580 1234', orgId: T.donghaiBase, employerId, employmentForm: 'full_time', ethnicity: '汉族', education: '大专', joinDate: '2020-05-01' });
      expect(r.statusCode).toBe(200);
      const m = r.json();
      memberA = m.id;
      expect(m).toMatchObject({ name: '王海明', sex: 'M', birthDate: '1988-03-15', phoneMasked: '138****1234', orgName: '东海海运有限公司工会委员会', employerName: '舟山东海海运有限公司', status: 'active', statusLabel: '在会', joinDate: '2020-05-01' });
      expect(m.idNumberMasked).toBe(`${ID_A.slice(0, 6)}********${ID_A.slice(-4)}`);
      expect(m.cardNo).toMatch(/^330902\d{10}$/);
      expect(JSON.stringify(m)).not.toContain(ID_A);
      // Stored encrypted: the table never holds the whole number.
      const row = await t.ctx.db.selectFrom('member').selectAll().where('id', '=', m.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(ID_A);
      expect(JSON.stringify(row)).not.toContain('13805801234');
    });

    it('refuses bad ID numbers and phones with the reason', async () => {
      const badCheck = ID_B.slice(0, 17) + (ID_B[17] === '0' ? '1' : '0');
      const r1 = await dh.post('/api/members', { name: '李四', idNumber: badCheck, orgId: T.donghaiBase, employmentForm: 'full_time' });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error).toMatchObject({ code: 'ID_NUMBER_CHECK_DIGIT', details: { fields: [{ field: 'idNumber' }] } });
      const r2 = await dh.post('/api/members', { name: '李四', idNumber: ID_B, phone: '1234567', orgId: T.donghaiBase, employmentForm: 'full_time' });
      expect(r2.json().error.code).toBe('PHONE_FORMAT');
      const r3 = await dh.post('/api/members', { name: '李四', idNumber: ID_B, orgId: T.dinghai, employmentForm: 'full_time' });
      expect(r3.statusCode).toBe(422);
      expect(r3.json().error.code).toBe('ORG_NOT_FOR_MEMBERS');
      expect((await t.ctx.db.selectFrom('member').select('id').execute()).length).toBe(1);
    });

    it('allows one active membership per person nationwide, and says where, masked', async () => {
      const r = await pt.post('/api/members', { name: '王海明', idNumber: ID_A, orgId: T.putuoBase, employmentForm: 'courier' });
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('MEMBER_EXISTS');
      expect(r.json().error.message).toContain('东海海运有限公司工会委员会');
      expect(r.json().error.message).toContain(`${ID_A.slice(0, 6)}********`);
      expect(r.json().error.message).not.toContain(ID_A);
    });

    it('holds the rule under concurrent inserts of the same person', async () => {
      const attempts = await Promise.all([T.donghaiBase, T.putuoBase, T.changguoJoint, T.putuoBase, T.donghaiBase].map((orgId) =>
        zs.post('/api/members', { name: '陈静', idNumber: ID_B, orgId, employmentForm: 'food_delivery' })));
      const codes = attempts.map((a) => a.statusCode).sort();
      expect(codes).toEqual([200, 409, 409, 409, 409]);
      const rows = await t.ctx.db.selectFrom('member').select('id').where('name', '=', '陈静').execute();
      expect(rows.length).toBe(1);
    });

    it('finds members by name prefix, card number, phone or ID number, within scope', async () => {
      const m = (await dh.get(`/api/members/${memberA}`)).json();
      for (const q of ['王海', m.cardNo, '13805801234', ID_A]) {
        const r = await dh.get(`/api/members?q=${encodeURIComponent(q)}`);
        expect(r.json().items.map((x: { id: number }) => x.id), q).toEqual([memberA]);
      }
      expect((await dh.get('/api/members?q=海明')).json().total).toBe(0); // prefix, not infix
      // 陈静 joined somewhere in Zhoushan; the Putuo officer sees her only if she is in Putuo.
      const chen = (await zs.get(`/api/members?q=${encodeURIComponent('陈静')}`)).json().items[0];
      const seenByPt = (await pt.get(`/api/members?q=${encodeURIComponent(ID_B)}`)).json().total;
      expect(seenByPt).toBe(chen.orgName.includes('普陀') ? 1 : 0);
      expect((await pt.get(`/api/members/${memberA}`)).statusCode).toBe(404);
      expect((await pt.get(`/api/members?orgId=${T.dinghai}`)).statusCode).toBe(403);
      expect((await dh.get('/api/members?newFormOnly=true')).json().items.every((x: { newEmploymentForm: boolean }) => x.newEmploymentForm)).toBe(true);
    });

    it('shows the whole ID number only with permission, and audits it', async () => {
      const r = await dh.post(`/api/members/${memberA}/reveal`, { reason: '核对身份' });
      expect(r.json()).toEqual({ idNumber: ID_A, phone: '13805801234' });
      const leader = await t.login('zs_leader');
      expect((await leader.post(`/api/members/${memberA}/reveal`, {})).statusCode).toBe(403);
      const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'reveal').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ username: 'dh_org', entity: 'member', entity_id: String(memberA) });
      expect(JSON.stringify(audit)).not.toContain(ID_A);
    });

    it('transfers within the scope at once, keeping one history', async () => {
      const r = await zs.post(`/api/members/${memberA}/transfer`, { toOrgId: T.putuoBase, reason: '调动到普陀工作', outDate: '2024-03-01' });
      expect(r.json()).toMatchObject({ status: 'completed', fromOrgName: '东海海运有限公司工会委员会', toOrgName: '普陀水产有限公司工会委员会', inDate: '2024-03-01' });
      const m = (await zs.get(`/api/members/${memberA}`)).json();
      expect(m.orgId).toBe(T.putuoBase);
      const h = (await zs.get(`/api/members/${memberA}/history`)).json().items.map((e: { action: string }) => e.action);
      expect(h).toEqual(['join', 'transfer_out', 'transfer_in']);
      const spells = await t.ctx.db.selectFrom('membership_spell').select(['org_id', 'from_date', 'to_date']).where('member_id', '=', memberA).orderBy('id').execute();
      expect(spells).toEqual([{ org_id: T.donghaiBase, from_date: '2020-05-01', to_date: '2024-02-29' }, { org_id: T.putuoBase, from_date: '2024-03-01', to_date: null }]);
    });

    it('transfers across scopes: out by one officer, in by the other', async () => {
      const hz = await t.login('hz_org');
      const hzBase = (await hz.post('/api/orgs', { parentId: T.wuxing, name: '吴兴织里童装有限公司工会委员会', kind: 'base' })).json().id;
      const out = await pt.post(`/api/members/${memberA}/transfer`, { toOrgId: hzBase, reason: '到湖州就业' });
      expect(out.json().status).toBe('pending');
      expect((await pt.get(`/api/members/${memberA}`)).json().orgId).toBe(T.putuoBase);
      // The sending side cannot complete it.
      const self = await pt.post(`/api/member-transfers/${out.json().id}/accept`, {});
      expect(self.statusCode).toBe(422);
      expect(self.json().error.code).toBe('TRANSFER_NOT_RECEIVER');
      const incoming = (await hz.get('/api/member-transfers?direction=in&status=pending')).json();
      expect(incoming.items.map((x: { memberName: string }) => x.memberName)).toEqual(['王海明']);
      const accepted = await hz.post(`/api/member-transfers/${out.json().id}/accept`, {});
      expect(accepted.json().status).toBe('completed');
      expect((await hz.get(`/api/members/${memberA}`)).json().orgId).toBe(hzBase);
      expect((await pt.get(`/api/members/${memberA}`)).statusCode).toBe(404);
    });

    it('ends a membership with a reason; the person may then join again', async () => {
      const c = await dh.post('/api/members', { name: '赵六', idNumber: ID_C, orgId: T.donghaiBase, employmentForm: 'truck_driver', migrantWorker: true, joinDate: '2022-01-10' });
      const id = c.json().id;
      const left = await dh.post(`/api/members/${id}/leave`, { status: 'withdrawn', date: '2023-06-30', reason: '本人申请退会' });
      expect(left.json()).toMatchObject({ status: 'withdrawn', statusLabel: '退会', statusDate: '2023-06-30' });
      const again = await dh.post('/api/members', { name: '赵六', idNumber: ID_C, orgId: T.donghaiBase, employmentForm: 'truck_driver', joinDate: '2024-01-01' });
      expect(again.statusCode).toBe(200);
      expect(again.json().id).not.toBe(id);
    });

    it('opens a worker\'s own account, by an officer or by the worker proving who they are', async () => {
      const c = await dh.post('/api/members', { name: '孙丽', idNumber: makeIdNumber('330902', '1993-09-09', 77), phone: '13912345678', orgId: T.donghaiBase, employmentForm: 'courier' });
      const m = c.json();
      const wrong = await t.anonymous().post('/api/auth/member-register', { cardNo: m.cardNo, idNumber: makeIdNumber('330902', '1993-09-09', 77), phone: '13900000000', password: 'Worker@2026' });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('MEMBER_NOT_VERIFIED');
      const ok = await t.anonymous().post('/api/auth/member-register', { cardNo: m.cardNo, idNumber: makeIdNumber('330902', '1993-09-09', 77), phone: '13912345678', password: 'Worker@2026' });
      expect(ok.json()).toEqual({ username: m.cardNo });
      const again = await dh.post(`/api/members/${m.id}/account`, { password: 'Worker@2027' });
      expect(again.statusCode).toBe(409);
      const worker = await t.login(m.cardNo, 'Worker@2026');
      expect((await worker.get('/api/me/membership')).json()).toMatchObject({ id: m.id, name: '孙丽', cardNo: m.cardNo });
      expect((await worker.get('/api/members')).statusCode).toBe(403);
      expect((await worker.get(`/api/members/${m.id}`)).statusCode).toBe(403);
    });

    it('refuses to dissolve a union that still has members', async () => {
      const r = await zs.post(`/api/orgs/${T.donghaiBase}/dissolve`, { reason: '企业关闭' });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.message).toMatch(/还有 \d+ 名在会会员/);
    });
  });

  describe(`employers, unions and coverage [${backend}]`, () => {
    let t: TestApp;
    let zs: Client;
    beforeAll(async () => {
      t = await createTestApp(backend);
      zs = await t.login('zs_org');
    });
    afterAll(() => t.close());

    it('checks the credit code and refuses a second registration', async () => {
      const code = makeCreditCode('330902', 5);
      const bad = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
      const r1 = await zs.post('/api/employers', { name: '错误代码公司', creditCode: bad, headcount: 10, areaOrgId: T.changguo });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error.code).toMatch(/^CREDIT_CODE/);
      expect((await zs.post('/api/employers', { name: '定海甲公司', creditCode: code, headcount: 30, areaOrgId: T.changguo })).statusCode).toBe(200);
      const dup = await zs.post('/api/employers', { name: '定海乙公司', creditCode: code, headcount: 30, areaOrgId: T.changguo });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('EMPLOYER_EXISTS');
    });

    it('sets up a base union for an employer and a joint union for small ones, and counts coverage at any date', async () => {
      const big = (await zs.post('/api/employers', { name: '岑港船舶修造有限公司', creditCode: makeCreditCode('330902', 6), headcount: 150, areaOrgId: T.cengang, industry: 'C', registeredOn: '2010-01-01' })).json();
      const mid = (await zs.post('/api/employers', { name: '岑港水产加工厂', creditCode: makeCreditCode('330902', 7), headcount: 40, areaOrgId: T.cengang, registeredOn: '2015-01-01' })).json();
      const small = (await zs.post('/api/employers', { name: '岑港便利店', headcount: 8, areaOrgId: T.cengang, ownership: 'individual', registeredOn: '2020-01-01' })).json();

      const before = (await zs.get(`/api/orgs/${T.cengang}/coverage?date=2024-12-31`)).json();
      expect(before).toMatchObject({ employers: 3, employersCovered: 0, employers25: 2, employers25NoUnion: 2, employers100: 1, employers100NoUnion: 1, employees: 198, unionRate: 0 });

      const est = await zs.post(`/api/employers/${big.id}/union`, { mode: 'new', chairName: '林国强', electedOn: '2021-03-01', termYears: 5, committee: [{ name: '周敏', role: '女职工委员' }], establishedOn: '2021-03-01' });
      expect(est.statusCode).toBe(200);
      expect(est.json().unionOrgName).toBe('岑港船舶修造有限公司工会委员会');
      const joint = (await zs.post('/api/orgs', { parentId: T.cengang, name: '岑港小微企业联合工会', kind: 'joint', establishedOn: '2023-01-01' })).json();
      expect((await zs.post(`/api/employers/${mid.id}/union`, { mode: 'join', jointOrgId: joint.id, establishedOn: '2023-06-01' })).statusCode).toBe(200);
      expect((await zs.post(`/api/employers/${small.id}/union`, { mode: 'join', jointOrgId: joint.id, establishedOn: '2025-01-01' })).statusCode).toBe(200);
      const again = await zs.post(`/api/employers/${big.id}/union`, { mode: 'new' });
      expect(again.statusCode).toBe(409);

      const shipUnion = est.json().unionOrgId;
      for (let i = 0; i < 3; i++) {
        expect((await zs.post('/api/members', { name: `船厂职工${'甲乙丙'[i]}`, idNumber: makeIdNumber('330902', '1990-01-0' + (i + 1), 40 + i), orgId: shipUnion, employerId: big.id, employmentForm: 'full_time', joinDate: '2022-01-01' })).statusCode).toBe(200);
      }
      const at2022 = (await zs.get(`/api/orgs/${T.cengang}/coverage?date=2022-06-30`)).json();
      expect(at2022).toMatchObject({ unions: 1, employersCovered: 1, employers25NoUnion: 1, employers100NoUnion: 0, members: 3, unionRate: 33.3, unionRate25: 50 });
      const at2025 = (await zs.get(`/api/orgs/${T.cengang}/coverage?date=2025-06-30`)).json();
      expect(at2025).toMatchObject({ unions: 2, jointUnions: 1, employersCovered: 3, employers25NoUnion: 0, unionRate: 100, joinRate: 1.5 });
      expect(at2025.definitions.unionRate).toContain('建会率');

      const profile = (await zs.get(`/api/orgs/${shipUnion}/profile`)).json();
      expect(profile).toMatchObject({ chairName: '林国强', electedOn: '2021-03-01', nextElectionDue: '2026-03-01', employers: [{ name: '岑港船舶修造有限公司' }] });
      const due = (await zs.get('/api/orgs/elections-due?withinDays=3650')).json();
      expect(due.items.map((d: { orgName: string }) => d.orgName)).toContain('岑港船舶修造有限公司工会委员会');
    });
  });
}
