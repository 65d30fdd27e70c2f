// Organisation and membership figures (组织建设): unions, employers covered,
// members, 建会率, 入会率, and the period's joins, transfers and leavers.
import { sql } from 'kysely';
import { registerFigures, type Figure } from '../statistics/figures.ts';
import { rate } from './membership.rules.ts';
import { COVERAGE_DEFINITIONS } from './employer.service.ts';

registerFigures({
  area: 'membership',
  label: '组织建设',
  async compute(db, q) {
    const prefix = q.orgPath + '%';
    const d = q.to;
    const { rows } = await sql<Record<string, number>>`
      with sub as (select id from org where path like ${prefix}),
      emp as (
        select e.headcount, exists (select 1 from employer_coverage c where c.employer_id = e.id and c.covered_from <= ${d}::date and (c.covered_to is null or c.covered_to > ${d}::date)) as covered
        from employer e where e.area_org_id in (select id from sub) and e.registered_on <= ${d}::date and (e.closed_on is null or e.closed_on > ${d}::date)
      )
      select
        (select count(*) from org o where o.id in (select id from sub) and o.kind in ('base', 'joint', 'community')
           and (o.established_on is null or o.established_on <= ${d}::date) and (o.dissolved_on is null or o.dissolved_on > ${d}::date)) as unions,
        (select count(*) from emp) as employers,
        (select count(*) from emp where covered) as covered,
        (select count(*) from emp where headcount >= 25 and not covered) as no_union25,
        (select count(*) from emp where headcount >= 100 and not covered) as no_union100,
        (select coalesce(sum(headcount), 0) from emp)::int8 as employees,
        (select count(*) from membership_spell s where s.org_id in (select id from sub) and s.from_date <= ${d}::date and (s.to_date is null or s.to_date >= ${d}::date)) as members,
        (select count(*) from member_event ev where ev.action = 'join' and ev.to_org_id in (select id from sub) and ev.effective_on between ${q.from}::date and ${q.to}::date) as joined,
        (select count(*) from member_event ev where ev.action = 'transfer_in' and ev.to_org_id in (select id from sub) and ev.effective_on between ${q.from}::date and ${q.to}::date) as transferred_in,
        (select count(*) from member_event ev where ev.action in ('withdraw', 'death') and ev.from_org_id in (select id from sub) and ev.effective_on between ${q.from}::date and ${q.to}::date) as left_union,
        (select count(*) from join_application a where a.target_org_id in (select id from sub) and a.created_at >= ${q.from}::date and a.created_at < ${q.to}::date + 1) as applications,
        (select count(*) from join_application a where a.status = 'approved' and a.target_org_id in (select id from sub) and a.decided_at >= ${q.from}::date and a.decided_at < ${q.to}::date + 1) as applications_approved
    `.execute(db);
    const r = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
    const f = (key: string, label: string, unit: string, value: number | null, kind: 'flow' | 'stock', definition: string): Figure => ({ key: `membership.${key}`, label, unit, value, kind, definition });
    return [
      f('unions', '基层工会', '家', r.unions, 'stock', COVERAGE_DEFINITIONS.unions),
      f('employersCovered', '覆盖单位', '个', r.covered, 'stock', COVERAGE_DEFINITIONS.employersCovered),
      f('members', '工会会员', '人', r.members, 'stock', COVERAGE_DEFINITIONS.members),
      f('unionRate', '建会率', '%', rate(r.covered, r.employers), 'stock', COVERAGE_DEFINITIONS.unionRate),
      f('joinRate', '入会率', '%', rate(r.members, r.employees), 'stock', COVERAGE_DEFINITIONS.joinRate),
      f('employers25NoUnion', '25人以上未建会单位', '个', r.no_union25, 'stock', COVERAGE_DEFINITIONS.employers25NoUnion),
      f('employers100NoUnion', '100人以上未建会单位', '个', r.no_union100, 'stock', COVERAGE_DEFINITIONS.employers100NoUnion),
      f('joined', '新发展会员', '人', r.joined, 'flow', '期间内入会(登记、网上申请通过)的会员人数'),
      f('transferredIn', '转入会员', '人次', r.transferred_in, 'flow', '期间内办结转入该工会及其下级工会的会员关系转接人次'),
      f('left', '退会、去世会员', '人', r.left_union, 'flow', '期间内退会或去世的会员人数'),
      f('joinApplications', '网上申请入会', '件', r.applications, 'flow', '期间内提交到该工会及其下级工会的网上入会申请件数'),
      f('joinApplicationsApproved', '网上申请入会通过', '件', r.applications_approved, 'flow', '期间内审核通过的网上入会申请件数'),
    ];
  },
});
