// Employers (单位), the unions that cover them (组建), union profiles (chair,
// committee, elections) and the coverage figures of a subtree at a date.
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { inTransaction } from '../db/tx.ts';
import { conflict, fieldError, notFound, ruleRefused } from '../core/errors.ts';
import { parseCreditCode } from '../core/creditcode.ts';
import { addYears, todayCN } from '../core/dates.ts';
import { auditActor, recordAudit } from '../platform/audit.ts';
import { Scope, type Actor } from '../platform/scope.ts';
import { paging } from '../platform/schemas.ts';
import { createOrg } from '../organisation/org.service.ts';
import { baseUnionName } from '../organisation/org.demo.ts';
import { protectPhone } from './personal.ts';
import { INDUSTRIES, OWNERSHIPS, rate, type Industry, type Ownership } from './membership.rules.ts';

export interface EmployerInput {
  name: string;
  creditCode?: string | null;
  industry?: string | null;
  ownership?: string | null;
  headcount: number;
  divisionCode?: string | null;
  address?: string | null;
  areaOrgId: number;
  /** 成立(登记)日期; today when not given. */
  registeredOn?: string;
}

export interface EmployerView {
  id: number; name: string; creditCode: string | null; industry: string | null; industryLabel: string | null; ownership: string | null; ownershipLabel: string | null;
  headcount: number; divisionCode: string | null; address: string | null; areaOrgId: number; areaOrgName: string; registeredOn: string; status: string; closedOn: string | null;
  unionOrgId: number | null; unionOrgName: string | null; coveredFrom: string | null; members: number;
}

function baseQuery(db: Kysely<DB>) {
  return db.selectFrom('employer as e')
    .innerJoin('org as a', 'a.id', 'e.area_org_id')
    .leftJoin('employer_coverage as c', (j) => j.onRef('c.employer_id', '=', 'e.id').on('c.covered_to', 'is', null))
    .leftJoin('org as u', 'u.id', 'c.org_id')
    .select(['e.id', 'e.name', 'e.credit_code', 'e.industry', 'e.ownership', 'e.headcount', 'e.division_code', 'e.address', 'e.area_org_id', 'a.name as area_name', 'e.registered_on', 'e.status', 'e.closed_on', 'c.org_id as union_id', 'u.name as union_name', 'c.covered_from'])
    .select((eb) => eb.selectFrom('member as m').select((x) => x.fn.countAll<number>().as('n')).whereRef('m.employer_id', '=', 'e.id').where('m.status', '=', 'active').as('members'));
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function view(r: Row): EmployerView {
  return {
    id: r.id, name: r.name, creditCode: r.credit_code, industry: r.industry, industryLabel: r.industry ? INDUSTRIES[r.industry as Industry] ?? null : null,
    ownership: r.ownership, ownershipLabel: r.ownership ? OWNERSHIPS[r.ownership as Ownership] ?? null : null, headcount: r.headcount,
    divisionCode: r.division_code, address: r.address, areaOrgId: r.area_org_id, areaOrgName: r.area_name, registeredOn: r.registered_on, status: r.status, closedOn: r.closed_on,
    unionOrgId: r.union_id, unionOrgName: r.union_name, coveredFrom: r.covered_from, members: Number(r.members ?? 0),
  };
}

/** An employer is in scope when the place it is registered, or the union covering it, is. */
function inScope(scope: Scope, path: string) {
  return (eb: any) => eb.or([scope.orgPathIn('a.path', path), scope.orgPathIn('u.path', path)]);
}

async function loadInScope(db: Kysely<DB>, actor: Actor, id: number): Promise<EmployerView> {
  const scope = Scope.of(actor);
  const row = await baseQuery(db).where('e.id', '=', id).where(inScope(scope, scope.rootPath)).executeTakeFirst();
  if (!row) throw notFound('EMPLOYER_NOT_FOUND', '单位不存在或不在您的数据权限范围内');
  return view(row);
}

export const getEmployer = (ctx: AppContext, actor: Actor, id: number) => loadInScope(ctx.db, actor, id);

export interface EmployerQuery { page?: number; pageSize?: number; q?: string; orgId?: number; hasUnion?: boolean; minHeadcount?: number; industry?: string; status?: string }

export async function listEmployers(ctx: AppContext, actor: Actor, q: EmployerQuery) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  let query = baseQuery(ctx.db).where(inScope(scope, subtree.path));
  if (q.q?.trim()) {
    const text = q.q.trim().toUpperCase();
    query = /^[0-9A-Z]{18}$/.test(text) ? query.where('e.credit_code', '=', text) : query.where('e.name', 'like', `%${q.q.trim().replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  }
  if (q.hasUnion === true) query = query.where('c.org_id', 'is not', null);
  if (q.hasUnion === false) query = query.where('c.org_id', 'is', null);
  if (q.minHeadcount) query = query.where('e.headcount', '>=', q.minHeadcount);
  if (q.industry) query = query.where('e.industry', '=', q.industry);
  query = query.where('e.status', '=', (q.status ?? 'active') as 'active');
  const [rows, count] = await Promise.all([
    query.orderBy('e.headcount', 'desc').orderBy('e.id').limit(pageSize).offset(offset).execute(),
    query.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(view), total: Number(count.n), page, pageSize };
}

function checkCreditCode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const r = parseCreditCode(raw);
  if (!r.ok) throw fieldError('creditCode', r.code, r.message, r.code);
  return r.value.code;
}

async function areaOrg(db: Kysely<DB>, actor: Actor, orgId: number) {
  const org = await Scope.of(actor).requireOrg(db, orgId);
  const row = await db.selectFrom('org').select(['kind', 'division_code']).where('id', '=', orgId).executeTakeFirstOrThrow();
  if (!['township', 'county', 'city', 'province'].includes(row.kind)) throw fieldError('areaOrgId', 'AREA_ORG_KIND', '单位所在地应为乡镇(街道)或县级以上总工会', 'AREA_ORG_KIND');
  if (org.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${org.name}」已撤销`);
  return { ...org, kind: row.kind, divisionCode: row.division_code };
}

export async function createEmployer(ctx: AppContext, actor: Actor, input: EmployerInput): Promise<EmployerView> {
  const code = checkCreditCode(input.creditCode);
  if (input.industry && !(input.industry in INDUSTRIES)) throw fieldError('industry', 'INDUSTRY_UNKNOWN', '行业门类不正确');
  if (input.ownership && !(input.ownership in OWNERSHIPS)) throw fieldError('ownership', 'OWNERSHIP_UNKNOWN', '经济类型不正确');
  const area = await areaOrg(ctx.db, actor, input.areaOrgId);
  if (code) {
    const dup = await ctx.db.selectFrom('employer').select(['id', 'name']).where('credit_code', '=', code).executeTakeFirst();
    if (dup) throw conflict('EMPLOYER_EXISTS', `统一社会信用代码 ${code} 已登记为「${dup.name}」`, { fields: [{ field: 'creditCode', code: 'EMPLOYER_EXISTS', message: '该信用代码已登记' }] });
  }
  const id = await inTransaction(ctx.db, async (trx) => {
    const row = await trx.insertInto('employer').values({
      name: input.name.trim(), credit_code: code, industry: input.industry ?? null, ownership: input.ownership ?? null, headcount: input.headcount,
      division_code: input.divisionCode ?? area.divisionCode, address: input.address ?? null, area_org_id: area.id,
      registered_on: input.registeredOn ?? todayCN(ctx.clock.now()),
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { action: 'create', entity: 'employer', entityId: row.id, orgId: area.id, after: { ...input, creditCode: code } });
    return row.id;
  });
  return loadInScope(ctx.db, actor, id);
}

export async function updateEmployer(ctx: AppContext, actor: Actor, id: number, patch: Partial<EmployerInput>): Promise<EmployerView> {
  const before = await loadInScope(ctx.db, actor, id);
  const code = patch.creditCode !== undefined ? checkCreditCode(patch.creditCode) : undefined;
  if (code && code !== before.creditCode) {
    const dup = await ctx.db.selectFrom('employer').select(['name']).where('credit_code', '=', code).where('id', '!=', id).executeTakeFirst();
    if (dup) throw conflict('EMPLOYER_EXISTS', `统一社会信用代码 ${code} 已登记为「${dup.name}」`);
  }
  if (patch.areaOrgId !== undefined) await areaOrg(ctx.db, actor, patch.areaOrgId);
  if (patch.industry && !(patch.industry in INDUSTRIES)) throw fieldError('industry', 'INDUSTRY_UNKNOWN', '行业门类不正确');
  if (patch.ownership && !(patch.ownership in OWNERSHIPS)) throw fieldError('ownership', 'OWNERSHIP_UNKNOWN', '经济类型不正确');
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('employer').set({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(code !== undefined ? { credit_code: code } : {}),
      ...(patch.industry !== undefined ? { industry: patch.industry } : {}),
      ...(patch.ownership !== undefined ? { ownership: patch.ownership } : {}),
      ...(patch.headcount !== undefined ? { headcount: patch.headcount } : {}),
      ...(patch.divisionCode !== undefined ? { division_code: patch.divisionCode } : {}),
      ...(patch.address !== undefined ? { address: patch.address } : {}),
      ...(patch.areaOrgId !== undefined ? { area_org_id: patch.areaOrgId } : {}),
      ...(patch.registeredOn !== undefined ? { registered_on: patch.registeredOn } : {}),
      updated_at: ctx.clock.now(),
    }).where('id', '=', id).execute();
    const after = await baseQuery(trx).where('e.id', '=', id).executeTakeFirstOrThrow();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'employer', entityId: id, orgId: before.areaOrgId, before, after: view(after) });
  });
  return loadInScope(ctx.db, actor, id);
}

/** The employer closes: its union coverage ends the same day. */
export async function closeEmployer(ctx: AppContext, actor: Actor, id: number, input: { date?: string; reason: string }): Promise<EmployerView> {
  const e = await loadInScope(ctx.db, actor, id);
  if (e.status !== 'active') throw ruleRefused('EMPLOYER_CLOSED', `「${e.name}」已注销`);
  const date = input.date ?? todayCN(ctx.clock.now());
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('employer').set({ status: 'closed', closed_on: date, updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.updateTable('employer_coverage').set({ covered_to: date }).where('employer_id', '=', id).where('covered_to', 'is', null).execute();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'employer', entityId: id, orgId: e.areaOrgId, before: { status: 'active' }, after: { status: 'closed', closedOn: date, reason: input.reason } });
  });
  return loadInScope(ctx.db, actor, id);
}

export interface ProfileInput {
  chairName?: string | null;
  chairPhone?: string | null;
  committee?: Array<{ name: string; role: string }>;
  electedOn?: string | null;
  termYears?: number;
  congressHeldOn?: string | null;
}

export interface EstablishInput extends ProfileInput {
  /** 'new': a base union for this employer; 'join': covered by an existing joint union. */
  mode: 'new' | 'join';
  unionName?: string;
  jointOrgId?: number;
  establishedOn?: string;
}

/** 组建: a new base union for the employer, or coverage by a joint union. */
export async function establishUnion(ctx: AppContext, actor: Actor, employerId: number, input: EstablishInput): Promise<EmployerView> {
  const e = await loadInScope(ctx.db, actor, employerId);
  if (e.status !== 'active') throw ruleRefused('EMPLOYER_CLOSED', `「${e.name}」已注销`);
  if (e.unionOrgId) throw conflict('EMPLOYER_HAS_UNION', `「${e.name}」已由「${e.unionOrgName}」覆盖`);
  const date = input.establishedOn ?? todayCN(ctx.clock.now());
  await inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    let orgId: number;
    if (input.mode === 'new') {
      const org = await createOrg(tctx, actor, { parentId: e.areaOrgId, name: input.unionName?.trim() || baseUnionName(e.name), kind: 'base', divisionCode: e.divisionCode, establishedOn: date });
      orgId = org.id;
      await saveProfile(tctx, actor, orgId, input);
    } else {
      if (!input.jointOrgId) throw fieldError('jointOrgId', 'REQUIRED', '请选择联合工会');
      const joint = await Scope.of(actor).requireOrg(trx, input.jointOrgId);
      const kind = (await trx.selectFrom('org').select('kind').where('id', '=', joint.id).executeTakeFirstOrThrow()).kind;
      if (!['joint', 'community'].includes(kind)) throw ruleRefused('NOT_JOINT_UNION', `「${joint.name}」不是联合工会`);
      if (joint.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${joint.name}」已撤销`);
      orgId = joint.id;
    }
    await trx.insertInto('employer_coverage').values({ employer_id: employerId, org_id: orgId, covered_from: date }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'create', entity: 'employer_coverage', entityId: employerId, orgId, after: { employerId, orgId, coveredFrom: date, mode: input.mode } });
  });
  return loadInScope(ctx.db, actor, employerId);
}

/** The union stops covering the employer (e.g. the employer leaves a joint union). */
export async function endCoverage(ctx: AppContext, actor: Actor, employerId: number, input: { date?: string; reason: string }): Promise<EmployerView> {
  const e = await loadInScope(ctx.db, actor, employerId);
  if (!e.unionOrgId) throw ruleRefused('EMPLOYER_NO_UNION', `「${e.name}」目前没有工会覆盖`);
  const date = input.date ?? todayCN(ctx.clock.now());
  if (e.coveredFrom && date < e.coveredFrom) throw fieldError('date', 'DATE_BEFORE_COVERAGE', '日期不能早于建会日期');
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('employer_coverage').set({ covered_to: date }).where('employer_id', '=', employerId).where('covered_to', 'is', null).execute();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'employer_coverage', entityId: employerId, orgId: e.unionOrgId, before: { orgId: e.unionOrgId }, after: { coveredTo: date, reason: input.reason } });
  });
  return loadInScope(ctx.db, actor, employerId);
}

export interface ProfileView {
  orgId: number; chairName: string | null; chairPhoneMasked: string | null; committee: Array<{ name: string; role: string }>; electedOn: string | null; termYears: number;
  nextElectionDue: string | null; congressHeldOn: string | null; employers: Array<{ id: number; name: string; headcount: number; coveredFrom: string }>;
}

async function saveProfile(ctx: AppContext, actor: Actor, orgId: number, input: ProfileInput) {
  const phone = input.chairPhone ? protectPhone(ctx, input.chairPhone, 'chairPhone') : null;
  const values = {
    chair_name: input.chairName ?? null,
    chair_phone_enc: phone?.enc ?? null,
    committee: JSON.stringify(input.committee ?? []),
    elected_on: input.electedOn ?? null,
    term_years: input.termYears ?? 5,
    congress_held_on: input.congressHeldOn ?? null,
    updated_at: ctx.clock.now(),
  };
  await ctx.db.insertInto('union_profile').values({ org_id: orgId, ...values }).onConflict((oc) => oc.column('org_id').doUpdateSet(values)).execute();
  await recordAudit(ctx.db, auditActor(actor), { action: 'update', entity: 'union_profile', entityId: orgId, orgId, after: { ...input, chairPhone: phone?.masked ?? null } });
}

export async function getProfile(ctx: AppContext, actor: Actor, orgId: number): Promise<ProfileView> {
  await Scope.of(actor).requireOrg(ctx.db, orgId);
  const p = await ctx.db.selectFrom('union_profile').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  const employers = await ctx.db.selectFrom('employer_coverage as c').innerJoin('employer as e', 'e.id', 'c.employer_id')
    .select(['e.id', 'e.name', 'e.headcount', 'c.covered_from']).where('c.org_id', '=', orgId).where('c.covered_to', 'is', null).orderBy('e.name').execute();
  const phone = p?.chair_phone_enc ? ctx.protector.decrypt(p.chair_phone_enc) : null;
  return {
    orgId, chairName: p?.chair_name ?? null, chairPhoneMasked: phone ? phone.slice(0, 3) + '****' + phone.slice(-4) : null,
    committee: p?.committee ?? [], electedOn: p?.elected_on ?? null, termYears: p?.term_years ?? 5,
    nextElectionDue: p?.elected_on ? addYears(p.elected_on, p.term_years) : null, congressHeldOn: p?.congress_held_on ?? null,
    employers: employers.map((x) => ({ id: x.id, name: x.name, headcount: x.headcount, coveredFrom: x.covered_from })),
  };
}

export async function updateProfile(ctx: AppContext, actor: Actor, orgId: number, input: ProfileInput): Promise<ProfileView> {
  const org = await Scope.of(actor).requireOrg(ctx.db, orgId);
  if (org.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${org.name}」已撤销`);
  await inTransaction(ctx.db, (trx) => saveProfile({ ...ctx, db: trx }, actor, orgId, input));
  return getProfile(ctx, actor, orgId);
}

/** 换届: unions whose term ends within `withinDays` (or is already overdue). */
export async function electionsDue(ctx: AppContext, actor: Actor, q: { orgId?: number; withinDays?: number; page?: number; pageSize?: number }) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  const today = todayCN(ctx.clock.now());
  const within = q.withinDays ?? 180;
  const due = sql<string>`(p.elected_on + make_interval(years => p.term_years))::date`;
  const query = ctx.db.selectFrom('union_profile as p').innerJoin('org as o', 'o.id', 'p.org_id')
    .where(scope.orgPathIn('o.path', subtree.path)).where('o.status', '=', 'active').where('p.elected_on', 'is not', null)
    .where(sql<boolean>`${due} <= ${today}::date + ${within}::int`);
  const [rows, count] = await Promise.all([
    query.select(['o.id', 'o.name', 'p.chair_name', 'p.elected_on', 'p.term_years']).select(due.as('due_on')).orderBy(due).limit(pageSize).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ orgId: r.id, orgName: r.name, chairName: r.chair_name, electedOn: r.elected_on!, termYears: r.term_years, dueOn: String(r.due_on).slice(0, 10), overdue: String(r.due_on).slice(0, 10) < today })),
    total: Number(count.n), page, pageSize,
  };
}

export interface Coverage {
  orgId: number; date: string;
  unions: number; baseUnions: number; jointUnions: number;
  employers: number; employersCovered: number; employers25: number; employers25NoUnion: number; employers100: number; employers100NoUnion: number;
  employees: number; members: number; newFormMembers: number; migrantMembers: number;
  unionRate: number | null; unionRate25: number | null; joinRate: number | null;
  definitions: Record<string, string>;
}

export const COVERAGE_DEFINITIONS = {
  unions: '该日在册(已成立、未撤销)的基层工会、联合工会和村(社区)联合工会数',
  employers: '该日辖区内(按单位所在地)未注销的单位数',
  employersCovered: '该日有工会覆盖(单独建会或加入联合工会)的单位数',
  employers25NoUnion: '职工 25 人以上、该日尚无工会覆盖的单位数("25人以上应建尽建")',
  employers100NoUnion: '职工 100 人以上、该日尚无工会覆盖的单位数("100人以上动态清零")',
  employees: '辖区单位的职工人数合计(单位登记的当前人数)',
  members: '该日会籍在该工会及其下级工会的会员数(按会籍起止日期)',
  unionRate: '建会率 = 有工会覆盖的单位数 / 辖区单位数',
  unionRate25: '25 人以上单位建会率 = 有工会的 25 人以上单位数 / 25 人以上单位数',
  joinRate: '入会率 = 会员数 / 辖区单位职工人数',
};

/** Coverage of a union's subtree on a date (建会率, 入会率, 应建尽建, 动态清零). */
export async function coverage(ctx: AppContext, actor: Actor, orgId: number | undefined, date?: string): Promise<Coverage> {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, orgId);
  const d = date ?? todayCN(ctx.clock.now());
  const prefix = subtree.path + '%';
  const { rows } = await sql<Record<string, number>>`
    with sub as (select id, kind from org where path like ${prefix}),
    live_unions as (
      select o.kind from org o join sub on sub.id = o.id
      where o.kind in ('base', 'joint', 'community') and (o.established_on is null or o.established_on <= ${d}::date)
        and (o.dissolved_on is null or o.dissolved_on > ${d}::date)
    ),
    emp as (
      select e.id, e.headcount,
        exists (select 1 from employer_coverage c where c.employer_id = e.id and c.covered_from <= ${d}::date and (c.covered_to is null or c.covered_to > ${d}::date)) as covered
      from employer e where e.area_org_id in (select id from sub) and e.registered_on <= ${d}::date and (e.closed_on is null or e.closed_on > ${d}::date)
    ),
    mem as (
      select s.member_id, m.employment_form, m.migrant_worker from membership_spell s join member m on m.id = s.member_id
      where s.org_id in (select id from sub) and s.from_date <= ${d}::date and (s.to_date is null or s.to_date >= ${d}::date)
    )
    select
      (select count(*) from live_unions) as unions,
      (select count(*) from live_unions where kind = 'base') as base_unions,
      (select count(*) from live_unions where kind in ('joint', 'community')) as joint_unions,
      (select count(*) from emp) as employers,
      (select count(*) from emp where covered) as employers_covered,
      (select count(*) from emp where headcount >= 25) as employers25,
      (select count(*) from emp where headcount >= 25 and not covered) as employers25_no_union,
      (select count(*) from emp where headcount >= 25 and covered) as employers25_covered,
      (select count(*) from emp where headcount >= 100) as employers100,
      (select count(*) from emp where headcount >= 100 and not covered) as employers100_no_union,
      (select coalesce(sum(headcount), 0) from emp)::int8 as employees,
      (select count(*) from mem) as members,
      (select count(*) from mem where employment_form in ('courier', 'food_delivery', 'ride_hailing', 'truck_driver', 'housekeeping', 'online_host', 'other_new_form')) as new_form_members,
      (select count(*) from mem where migrant_worker) as migrant_members
  `.execute(ctx.db);
  const r = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
  return {
    orgId: subtree.id, date: d,
    unions: r.unions, baseUnions: r.base_unions, jointUnions: r.joint_unions,
    employers: r.employers, employersCovered: r.employers_covered, employers25: r.employers25, employers25NoUnion: r.employers25_no_union,
    employers100: r.employers100, employers100NoUnion: r.employers100_no_union, employees: r.employees,
    members: r.members, newFormMembers: r.new_form_members, migrantMembers: r.migrant_members,
    unionRate: rate(r.employers_covered, r.employers), unionRate25: rate(r.employers25_covered, r.employers25), joinRate: rate(r.members, r.employees),
    definitions: COVERAGE_DEFINITIONS,
  };
}
