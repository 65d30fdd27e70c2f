// Demo data for a first start: a region that looks real. Each area adds its own
// part (organisation first; membership, hardship... build on it).
import type { AppContext } from '../context.ts';
import { hashPassword } from '../platform/password.ts';
import { recordAudit } from '../platform/audit.ts';
import { buildFederationTree, baseUnionName, demoEmployerName, insertOrgs, type DemoOrg } from '../organisation/org.demo.ts';
import { childPath } from '../organisation/org.rules.ts';
import { Random } from './random.ts';
import { DEMO_PARTS } from './parts.ts';

export interface DemoOptions {
  /** Base unions per township outside Zhoushan (Zhoushan, the seeds' city, gets more). */
  baseUnionsPerTownship?: number;
  seed?: number;
  onProgress?: (message: string) => void;
}

export interface DemoAccount { username: string; displayName: string; orgName: string; roles: string[] }

export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; division: string; kind: string; roles: string[] }> = [
  { username: 'zj_leader', displayName: '省总领导', division: '330000', kind: 'province', roles: ['leader'] },
  { username: 'zs_admin', displayName: '舟山市总管理员', division: '330900', kind: 'city', roles: ['admin'] },
  { username: 'zs_leader', displayName: '舟山市总领导', division: '330900', kind: 'city', roles: ['leader'] },
  { username: 'zs_org', displayName: '舟山组织部干部', division: '330900', kind: 'city', roles: ['org_officer'] },
  { username: 'zs_hardship', displayName: '舟山帮扶中心干部', division: '330900', kind: 'city', roles: ['hardship_officer'] },
  { username: 'zs_mutual', displayName: '舟山互助保障干部', division: '330900', kind: 'city', roles: ['mutual_aid_officer'] },
  { username: 'zs_rights', displayName: '舟山法律部干部', division: '330900', kind: 'city', roles: ['rights_officer'] },
  { username: 'zs_honours', displayName: '舟山经济部干部', division: '330900', kind: 'city', roles: ['honours_officer'] },
  { username: 'zs_services', displayName: '舟山服务中心干部', division: '330900', kind: 'city', roles: ['services_officer'] },
  { username: 'zs_finance', displayName: '舟山财务部干部', division: '330900', kind: 'city', roles: ['finance_officer'] },
  { username: 'dh_org', displayName: '定海区总组织干部', division: '330902', kind: 'county', roles: ['org_officer'] },
  { username: 'dh_hardship', displayName: '定海区总帮扶干部', division: '330902', kind: 'county', roles: ['hardship_officer'] },
  { username: 'pt_org', displayName: '普陀区总组织干部', division: '330903', kind: 'county', roles: ['org_officer'] },
  { username: 'fh_org', displayName: '奉化区总组织干部', division: '330213', kind: 'county', roles: ['org_officer'] },
  { username: 'fh_leader', displayName: '奉化区总领导', division: '330213', kind: 'county', roles: ['leader'] },
  { username: 'hz_org', displayName: '湖州市总组织干部', division: '330500', kind: 'city', roles: ['org_officer'] },
];

/** Whether the database has been set up (the union tree exists). */
export async function isEmpty(ctx: AppContext): Promise<boolean> {
  const row = await ctx.db.selectFrom('org').select('id').limit(1).executeTakeFirst();
  return !row;
}

export function buildDemoTree(opts: DemoOptions = {}): DemoOrg[] {
  const rnd = new Random(opts.seed ?? 20261123);
  const orgs = buildFederationTree();
  let nextId = orgs.length + 1;
  const add = (parent: DemoOrg, name: string, kind: string, sort: number) => {
    const id = nextId++;
    orgs.push({ id, parent_id: parent.id, name, kind, division_code: parent.division_code, path: childPath(parent.path, id), depth: parent.depth + 1, established_on: `${rnd.int(1985, 2023)}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`, sort_order: sort });
  };
  const perTownship = opts.baseUnionsPerTownship ?? 1;
  const zhoushan = orgs.find((o) => o.division_code === '330900')!;
  add(zhoushan, '舟山市海员工会', 'industry', 900);
  for (const town of orgs.filter((o) => o.kind === 'township')) {
    const inZhoushan = town.division_code!.startsWith('3309');
    const n = inZhoushan ? perTownship + rnd.int(3, 6) : perTownship + (rnd.chance(0.3) ? 1 : 0);
    const names = new Set<string>();
    while (names.size < n) names.add(baseUnionName(demoEmployerName(rnd, town.name)));
    let i = 0;
    for (const name of names) add(town, name, 'base', i++);
    if (inZhoushan || rnd.chance(0.15)) add(town, `${town.name.replace(/总工会$/, '')}小微企业联合工会`, 'joint', 100);
  }
  return orgs;
}

export async function seedDemo(ctx: AppContext, password: string, opts: DemoOptions = {}): Promise<{ orgs: number; accounts: DemoAccount[] }> {
  const say = opts.onProgress ?? (() => {});
  say('生成工会组织树(浙江省行政区划)…');
  const orgs = buildDemoTree(opts);
  await insertOrgs(ctx.db, orgs);
  say(`已建立 ${orgs.length} 个工会组织`);
  const hash = await hashPassword(password);
  const accounts: DemoAccount[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of DEMO_ACCOUNTS) {
      const org = orgs.find((o) => o.division_code === a.division && o.kind === a.kind);
      if (!org) continue;
      const row = await trx.insertInto('app_user').values({ username: a.username, display_name: a.displayName, org_id: org.id, roles: a.roles, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
      accounts.push({ username: a.username, displayName: a.displayName, orgName: org.name, roles: a.roles });
      await recordAudit(trx, { userId: null, username: 'system', orgId: 1 }, { action: 'create', entity: 'user', entityId: row.id, orgId: org.id, after: { username: a.username, roles: a.roles }, detail: { demo: true } });
    }
    await recordAudit(trx, { userId: null, username: 'system', orgId: 1 }, { action: 'import', entity: 'org', orgId: 1, detail: { demo: true, orgs: orgs.length } });
  });
  // Each area's demo data, in order (see parts.ts).
  const rnd = new Random((opts.seed ?? 20261123) + 1);
  for (const part of DEMO_PARTS) await part({ ctx, rnd, say });
  return { orgs: orgs.length, accounts };
}
