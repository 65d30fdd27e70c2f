// /api/members, /api/employers, /api/join-applications, /api/member-transfers
// and the union profile and coverage routes under /api/orgs/:id.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { ErrorResponses, IdParams, IsoDate, Page, PageQuery, StringEnum } from '../platform/schemas.ts';
import { actorOf } from '../platform/auth.routes.ts';
import { EDUCATION_LEVELS, EMPLOYMENT_FORM_NAMES, EMPLOYMENT_FORMS, ETHNICITIES, INDUSTRIES, INDUSTRY_CODES, MEMBER_STATUSES, MEMBER_STATUS_NAMES, OWNERSHIPS, OWNERSHIP_NAMES } from './membership.rules.ts';
import * as members from './member.service.ts';
import * as employers from './employer.service.ts';
import * as joins from './join.service.ts';
import * as accounts from './member-account.service.ts';
import '../statistics/sources.ts';

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Name = Type.String({ minLength: 2, maxLength: 30 });
const IdNumber = Type.String({ minLength: 15, maxLength: 20, description: '18 位公民身份号码' });
const Phone = Type.String({ minLength: 7, maxLength: 20 });
const Form = StringEnum(EMPLOYMENT_FORM_NAMES);

const MemberSchema = Type.Object({
  id: Type.Integer(), name: Type.String(), idNumberMasked: Type.String(), sex: Type.String(), birthDate: Type.String(), phoneMasked: N(Type.String()),
  orgId: Type.Integer(), orgName: Type.String(), employerId: N(Type.Integer()), employerName: N(Type.String()),
  employmentForm: Type.String(), employmentFormLabel: Type.String(), newEmploymentForm: Type.Boolean(), migrantWorker: Type.Boolean(),
  ethnicity: N(Type.String()), education: N(Type.String()), joinDate: Type.String(), cardNo: Type.String(), status: Type.String(), statusLabel: Type.String(), statusDate: N(Type.String()),
});
const TransferSchema = Type.Object({
  id: Type.Integer(), memberId: Type.Integer(), memberName: Type.String(), idNumberMasked: Type.String(), fromOrgId: Type.Integer(), fromOrgName: Type.String(),
  toOrgId: Type.Integer(), toOrgName: Type.String(), reason: Type.String(), status: Type.String(), outDate: Type.String(), inDate: N(Type.String()), rejectReason: N(Type.String()), createdAt: Type.String(),
});
const EmployerSchema = Type.Object({
  id: Type.Integer(), name: Type.String(), creditCode: N(Type.String()), industry: N(Type.String()), industryLabel: N(Type.String()), ownership: N(Type.String()), ownershipLabel: N(Type.String()),
  headcount: Type.Integer(), divisionCode: N(Type.String()), address: N(Type.String()), areaOrgId: Type.Integer(), areaOrgName: Type.String(), registeredOn: Type.String(), status: Type.String(), closedOn: N(Type.String()),
  unionOrgId: N(Type.Integer()), unionOrgName: N(Type.String()), coveredFrom: N(Type.String()), members: Type.Integer(),
});
const ApplicationSchema = Type.Object({
  id: Type.Integer(), appNo: Type.String(), name: Type.String(), idNumberMasked: Type.String(), phoneMasked: Type.String(), employerName: N(Type.String()), noUnionAtWork: Type.Boolean(),
  employmentForm: Type.String(), employmentFormLabel: Type.String(), migrantWorker: Type.Boolean(), targetOrgId: Type.Integer(), targetOrgName: Type.String(), targetOrgKind: Type.String(), targetOrgKindLabel: Type.String(),
  status: Type.String(), statusLabel: Type.String(), rejectReason: N(Type.String()), memberId: N(Type.Integer()), createdAt: Type.String(), decidedAt: N(Type.String()),
});
const Committee = Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 30 }), role: Type.String({ minLength: 1, maxLength: 30 }) }), { maxItems: 50 });
const ProfileBody = {
  chairName: Type.Optional(N(Type.String({ maxLength: 30 }))),
  chairPhone: Type.Optional(N(Phone)),
  committee: Type.Optional(Committee),
  electedOn: Type.Optional(N(IsoDate)),
  termYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  congressHeldOn: Type.Optional(N(IsoDate)),
};
const ProfileSchema = Type.Object({
  orgId: Type.Integer(), chairName: N(Type.String()), chairPhoneMasked: N(Type.String()), committee: Committee, electedOn: N(Type.String()), termYears: Type.Integer(),
  nextElectionDue: N(Type.String()), congressHeldOn: N(Type.String()),
  employers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), headcount: Type.Integer(), coveredFrom: Type.String() })),
});
const CoverageSchema = Type.Object({
  orgId: Type.Integer(), date: Type.String(), unions: Type.Integer(), baseUnions: Type.Integer(), jointUnions: Type.Integer(), employers: Type.Integer(), employersCovered: Type.Integer(),
  employers25: Type.Integer(), employers25NoUnion: Type.Integer(), employers100: Type.Integer(), employers100NoUnion: Type.Integer(), employees: Type.Integer(), members: Type.Integer(),
  newFormMembers: Type.Integer(), migrantMembers: Type.Integer(), unionRate: N(Type.Number()), unionRate25: N(Type.Number()), joinRate: N(Type.Number()),
  definitions: Type.Record(Type.String(), Type.String()),
});

export async function membershipRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/members/options', {
    config: { access: 'authenticated' },
    schema: { tags: ['members'], summary: '会员登记用的选项(用工形式、民族、学历、状态、行业、经济类型)', response: { 200: Type.Unknown() } },
  }, async () => ({
    employmentForms: EMPLOYMENT_FORM_NAMES.map((k) => ({ value: k, label: EMPLOYMENT_FORMS[k].label, newForm: EMPLOYMENT_FORMS[k].newForm })),
    statuses: MEMBER_STATUS_NAMES.map((k) => ({ value: k, label: MEMBER_STATUSES[k] })),
    ethnicities: [...ETHNICITIES], education: [...EDUCATION_LEVELS],
    industries: INDUSTRY_CODES.map((k) => ({ value: k, label: INDUSTRIES[k] })),
    ownerships: OWNERSHIP_NAMES.map((k) => ({ value: k, label: OWNERSHIPS[k] })),
  }));

  // ---- members ----
  r.get('/api/members', {
    config: { access: 'member:read' },
    schema: {
      tags: ['members'], summary: '会员查询:姓名(前缀)、会员卡号、手机号或身份证号(精确)',
      querystring: Type.Object({ ...PageQuery, employerId: Type.Optional(Type.Integer({ minimum: 1 })), employmentForm: Type.Optional(Form), status: Type.Optional(StringEnum(MEMBER_STATUS_NAMES)), newFormOnly: Type.Optional(Type.Boolean()), migrantWorker: Type.Optional(Type.Boolean()) }),
      response: { 200: Page(MemberSchema), ...ErrorResponses },
    },
  }, async (req) => members.listMembers(ctx, actorOf(req), req.query));

  r.get('/api/members/:id', {
    config: { access: 'member:read' },
    schema: { tags: ['members'], summary: '会员(身份证号、手机号脱敏)', params: IdParams, response: { 200: MemberSchema, ...ErrorResponses } },
  }, async (req) => members.getMember(ctx, actorOf(req), req.params.id));

  r.post('/api/members/:id/reveal', {
    config: { access: 'member:reveal' },
    schema: {
      tags: ['members'], summary: '查看完整身份证号和手机号(记入审计日志)', params: IdParams,
      body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: Type.Object({ idNumber: Type.String(), phone: N(Type.String()) }), ...ErrorResponses },
    },
  }, async (req) => members.revealMember(ctx, actorOf(req), req.params.id, req.body.reason));

  r.get('/api/members/:id/history', {
    config: { access: 'member:read' },
    schema: { tags: ['members'], summary: '会员的全部变动', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Type.Unknown()) }), ...ErrorResponses } },
  }, async (req) => members.memberHistory(ctx, actorOf(req), req.params.id));

  r.post('/api/members', {
    config: { access: 'member:write' },
    schema: {
      tags: ['members'], summary: '登记会员(实名)',
      body: Type.Object({
        name: Name, idNumber: IdNumber, phone: Type.Optional(N(Phone)), orgId: Type.Integer({ minimum: 1 }), employerId: Type.Optional(N(Type.Integer({ minimum: 1 }))),
        employmentForm: Form, migrantWorker: Type.Optional(Type.Boolean()), ethnicity: Type.Optional(N(StringEnum(ETHNICITIES))), education: Type.Optional(N(StringEnum(EDUCATION_LEVELS))), joinDate: Type.Optional(IsoDate),
      }),
      response: { 200: MemberSchema, ...ErrorResponses },
    },
  }, async (req) => members.createMember(ctx, actorOf(req), req.body));

  r.patch('/api/members/:id', {
    config: { access: 'member:write' },
    schema: {
      tags: ['members'], summary: '修改会员信息(身份证号不可改)', params: IdParams,
      body: Type.Object({
        name: Type.Optional(Name), phone: Type.Optional(N(Phone)), employerId: Type.Optional(N(Type.Integer({ minimum: 1 }))), employmentForm: Type.Optional(Form),
        migrantWorker: Type.Optional(Type.Boolean()), ethnicity: Type.Optional(N(StringEnum(ETHNICITIES))), education: Type.Optional(N(StringEnum(EDUCATION_LEVELS))),
      }),
      response: { 200: MemberSchema, ...ErrorResponses },
    },
  }, async (req) => members.updateMember(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/members/:id/leave', {
    config: { access: 'member:write' },
    schema: {
      tags: ['members'], summary: '退会或去世', params: IdParams,
      body: Type.Object({ status: StringEnum(['withdrawn', 'deceased'] as const), date: Type.Optional(IsoDate), reason: Type.String({ minLength: 2, maxLength: 200 }) }),
      response: { 200: MemberSchema, ...ErrorResponses },
    },
  }, async (req) => members.endMembership(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/members/:id/transfer', {
    config: { access: 'member:write' },
    schema: {
      tags: ['members'], summary: '会员关系转出(转入方在本人权限范围内时直接办结,否则待转入方接收)', params: IdParams,
      body: Type.Object({ toOrgId: Type.Integer({ minimum: 1 }), toEmployerId: Type.Optional(N(Type.Integer({ minimum: 1 }))), reason: Type.String({ minLength: 2, maxLength: 200 }), outDate: Type.Optional(IsoDate) }),
      response: { 200: TransferSchema, ...ErrorResponses },
    },
  }, async (req) => members.transferMember(ctx, actorOf(req), req.params.id, req.body));

  r.get('/api/member-transfers', {
    config: { access: 'member:read' },
    schema: {
      tags: ['members'], summary: '会员关系转接(转入、转出)',
      querystring: Type.Object({ ...PageQuery, direction: Type.Optional(StringEnum(['in', 'out'] as const)), status: Type.Optional(StringEnum(['pending', 'completed', 'rejected', 'cancelled'] as const)) }),
      response: { 200: Page(TransferSchema), ...ErrorResponses },
    },
  }, async (req) => members.listTransfers(ctx, actorOf(req), req.query));

  r.post('/api/member-transfers/:id/accept', {
    config: { access: 'member:write' },
    schema: { tags: ['members'], summary: '接收转入', params: IdParams, body: Type.Object({ inDate: Type.Optional(IsoDate) }), response: { 200: TransferSchema, ...ErrorResponses } },
  }, async (req) => members.acceptTransfer(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/member-transfers/:id/reject', {
    config: { access: 'member:write' },
    schema: { tags: ['members'], summary: '拒收(转入方)或撤回(转出方)', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }), response: { 200: TransferSchema, ...ErrorResponses } },
  }, async (req) => members.rejectTransfer(ctx, actorOf(req), req.params.id, req.body));

  // ---- a worker's own account ----
  r.post('/api/members/:id/account', {
    config: { access: 'member:write' },
    schema: {
      tags: ['members'], summary: '为会员开通本人账号(用户名为会员卡号)', params: IdParams,
      body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: Type.Object({ username: Type.String() }), ...ErrorResponses },
    },
  }, async (req) => accounts.openMemberAccount(ctx, actorOf(req), req.params.id, req.body.password));

  r.post('/api/auth/member-register', {
    config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: '会员自助开通账号(会员卡号 + 身份证号 + 登记的手机号)',
      body: Type.Object({ cardNo: Type.String({ minLength: 16, maxLength: 16 }), idNumber: IdNumber, phone: Phone, password: Type.String({ minLength: 1, maxLength: 128 }) }),
      response: { 200: Type.Object({ username: Type.String() }), ...ErrorResponses },
    },
  }, async (req) => accounts.registerMemberAccount(ctx, req.body, { ip: req.ip }));

  r.get('/api/me/membership', {
    config: { access: 'self' },
    schema: { tags: ['members'], summary: '本人会籍(会员本人)', response: { 200: MemberSchema, ...ErrorResponses } },
  }, async (req) => accounts.myMembership(ctx, actorOf(req)));

  // ---- employers ----
  const EmployerBody = {
    name: Type.String({ minLength: 2, maxLength: 100 }), creditCode: Type.Optional(N(Type.String({ minLength: 18, maxLength: 18 }))),
    industry: Type.Optional(N(StringEnum(INDUSTRY_CODES))), ownership: Type.Optional(N(StringEnum(OWNERSHIP_NAMES))), headcount: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    divisionCode: Type.Optional(N(Type.String({ pattern: '^\\d{6}(\\d{3})?$' }))), address: Type.Optional(N(Type.String({ maxLength: 200 }))), areaOrgId: Type.Integer({ minimum: 1 }),
    registeredOn: Type.Optional(IsoDate),
  };
  r.get('/api/employers', {
    config: { access: 'org:read' },
    schema: {
      tags: ['employers'], summary: '单位列表(按所在地或覆盖工会)',
      querystring: Type.Object({ ...PageQuery, hasUnion: Type.Optional(Type.Boolean()), minHeadcount: Type.Optional(Type.Integer({ minimum: 0 })), industry: Type.Optional(StringEnum(INDUSTRY_CODES)), status: Type.Optional(StringEnum(['active', 'closed'] as const)) }),
      response: { 200: Page(EmployerSchema), ...ErrorResponses },
    },
  }, async (req) => employers.listEmployers(ctx, actorOf(req), req.query));

  r.get('/api/employers/:id', {
    config: { access: 'org:read' },
    schema: { tags: ['employers'], summary: '单位', params: IdParams, response: { 200: EmployerSchema, ...ErrorResponses } },
  }, async (req) => employers.getEmployer(ctx, actorOf(req), req.params.id));

  r.post('/api/employers', {
    config: { access: 'org:write' },
    schema: { tags: ['employers'], summary: '登记单位', body: Type.Object(EmployerBody), response: { 200: EmployerSchema, ...ErrorResponses } },
  }, async (req) => employers.createEmployer(ctx, actorOf(req), req.body));

  r.patch('/api/employers/:id', {
    config: { access: 'org:write' },
    schema: { tags: ['employers'], summary: '修改单位', params: IdParams, body: Type.Partial(Type.Object(EmployerBody)), response: { 200: EmployerSchema, ...ErrorResponses } },
  }, async (req) => employers.updateEmployer(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/employers/:id/close', {
    config: { access: 'org:write' },
    schema: { tags: ['employers'], summary: '单位注销(工会覆盖同日结束)', params: IdParams, body: Type.Object({ date: Type.Optional(IsoDate), reason: Type.String({ minLength: 2, maxLength: 200 }) }), response: { 200: EmployerSchema, ...ErrorResponses } },
  }, async (req) => employers.closeEmployer(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/employers/:id/union', {
    config: { access: 'org:write' },
    schema: {
      tags: ['employers'], summary: '组建工会:为单位新建基层工会,或纳入联合工会', params: IdParams,
      body: Type.Object({ mode: StringEnum(['new', 'join'] as const), unionName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })), jointOrgId: Type.Optional(Type.Integer({ minimum: 1 })), establishedOn: Type.Optional(IsoDate), ...ProfileBody }),
      response: { 200: EmployerSchema, ...ErrorResponses },
    },
  }, async (req) => employers.establishUnion(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/employers/:id/union/end', {
    config: { access: 'org:write' },
    schema: { tags: ['employers'], summary: '结束工会对单位的覆盖', params: IdParams, body: Type.Object({ date: Type.Optional(IsoDate), reason: Type.String({ minLength: 2, maxLength: 200 }) }), response: { 200: EmployerSchema, ...ErrorResponses } },
  }, async (req) => employers.endCoverage(ctx, actorOf(req), req.params.id, req.body));

  // ---- union profile, elections, coverage ----
  r.get('/api/orgs/:id/profile', {
    config: { access: 'org:read' },
    schema: { tags: ['orgs'], summary: '工会主席、委员、换届与覆盖单位', params: IdParams, response: { 200: ProfileSchema, ...ErrorResponses } },
  }, async (req) => employers.getProfile(ctx, actorOf(req), req.params.id));

  r.put('/api/orgs/:id/profile', {
    config: { access: 'org:write' },
    schema: { tags: ['orgs'], summary: '修改工会主席、委员、选举日期、任期、职代会', params: IdParams, body: Type.Object(ProfileBody), response: { 200: ProfileSchema, ...ErrorResponses } },
  }, async (req) => employers.updateProfile(ctx, actorOf(req), req.params.id, req.body));

  r.get('/api/orgs/elections-due', {
    config: { access: 'org:read' },
    schema: {
      tags: ['orgs'], summary: '换届到期(含已逾期)的工会',
      querystring: Type.Object({ ...PageQuery, withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })) }),
      response: { 200: Page(Type.Object({ orgId: Type.Integer(), orgName: Type.String(), chairName: N(Type.String()), electedOn: Type.String(), termYears: Type.Integer(), dueOn: Type.String(), overdue: Type.Boolean() })), ...ErrorResponses },
    },
  }, async (req) => employers.electionsDue(ctx, actorOf(req), req.query));

  r.get('/api/orgs/:id/coverage', {
    config: { access: 'org:read' },
    schema: { tags: ['orgs'], summary: '覆盖情况:工会数、单位数、建会率、入会率(任一日期)', params: IdParams, querystring: Type.Object({ date: Type.Optional(IsoDate) }), response: { 200: CoverageSchema, ...ErrorResponses } },
  }, async (req) => employers.coverage(ctx, actorOf(req), req.params.id, req.query.date));

  // ---- online joining ----
  r.get('/api/public/orgs', {
    config: { access: 'public' },
    schema: {
      tags: ['join'], summary: '入会申请页的工会查找(按名称或逐级选择地方)',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), parentId: Type.Optional(Type.Integer({ minimum: 1 })) }),
      response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), kindLabel: Type.String(), acceptsMembers: Type.Boolean(), childCount: Type.Integer() })) }), ...ErrorResponses },
    },
  }, async (req) => joins.publicOrgs(ctx, req.query));

  r.post('/api/join-applications', {
    config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['join'], summary: '网上申请入会(无需登录)',
      body: Type.Object({
        name: Name, idNumber: IdNumber, phone: Phone, targetOrgId: Type.Integer({ minimum: 1 }), employerName: Type.Optional(N(Type.String({ maxLength: 100 }))),
        noUnionAtWork: Type.Optional(Type.Boolean()), employmentForm: Form, migrantWorker: Type.Optional(Type.Boolean()),
      }),
      response: { 200: Type.Object({ appNo: Type.String(), status: Type.String(), statusLabel: Type.String(), targetOrgName: Type.String() }), ...ErrorResponses },
    },
  }, async (req) => joins.submitApplication(ctx, req.body, { ip: req.ip }));

  r.get('/api/join-applications/status', {
    config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['join'], summary: '用申请编号和手机号查询申请进度',
      querystring: Type.Object({ appNo: Type.String({ minLength: 8, maxLength: 20 }), phone: Phone }),
      response: { 200: Type.Object({ appNo: Type.String(), name: Type.String(), status: Type.String(), statusLabel: Type.String(), targetOrgName: Type.String(), submittedAt: Type.String(), decidedAt: N(Type.String()), rejectReason: N(Type.String()), cardNo: N(Type.String()), memberOrgName: N(Type.String()) }), ...ErrorResponses },
    },
  }, async (req) => joins.applicationStatus(ctx, req.query.appNo, req.query.phone));

  r.get('/api/join-applications', {
    config: { access: 'member:read' },
    schema: { tags: ['join'], summary: '入会申请(审核)', querystring: Type.Object({ ...PageQuery, status: Type.Optional(StringEnum(['pending', 'approved', 'rejected'] as const)) }), response: { 200: Page(ApplicationSchema), ...ErrorResponses } },
  }, async (req) => joins.listApplications(ctx, actorOf(req), req.query));

  r.get('/api/join-applications/:id', {
    config: { access: 'member:read' },
    schema: { tags: ['join'], summary: '入会申请', params: IdParams, response: { 200: ApplicationSchema, ...ErrorResponses } },
  }, async (req) => joins.getApplication(ctx, actorOf(req), req.params.id));

  r.post('/api/join-applications/:id/approve', {
    config: { access: 'member:write' },
    schema: {
      tags: ['join'], summary: '审核通过:登记为会员(可指定其下的基层工会)', params: IdParams,
      body: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), employerId: Type.Optional(N(Type.Integer({ minimum: 1 }))), joinDate: Type.Optional(IsoDate) }),
      response: { 200: Type.Object({ application: ApplicationSchema, member: MemberSchema }), ...ErrorResponses },
    },
  }, async (req) => joins.approveApplication(ctx, actorOf(req), req.params.id, req.body));

  r.post('/api/join-applications/:id/reject', {
    config: { access: 'member:write' },
    schema: { tags: ['join'], summary: '驳回(须说明理由)', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }), response: { 200: ApplicationSchema, ...ErrorResponses } },
  }, async (req) => joins.rejectApplication(ctx, actorOf(req), req.params.id, req.body));
}
