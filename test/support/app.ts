// A real app over a real, fresh database with a small known union tree and one
// account per role at several levels, plus a client that signs in and sends the
// session cookie and CSRF token like the browser does.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openContext } from '../../src/bootstrap.ts';
import { buildApp } from '../../src/app.ts';
import type { AppContext } from '../../src/context.ts';
import { hashPassword } from '../../src/platform/password.ts';
import { insertOrgs, type DemoOrg } from '../../src/organisation/org.demo.ts';
import { childPath } from '../../src/organisation/org.rules.ts';
import { freshDatabase, type Backend } from './db.ts';

export const PASSWORD = 'Test@2026pw';
export const TEST_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

/** A mutable clock for deadlines, lockouts and idle timeouts. */
export class TestClock {
  constructor(public current = new Date()) {}
  now = () => new Date(this.current.getTime());
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

// The test tree:
// 浙江省总工会 (1)
// ├─ 舟山市总工会 (2)
// │  ├─ 定海区总工会 (3)
// │  │  ├─ 昌国街道总工会 (4)
// │  │  │  ├─ 东海海运有限公司工会委员会 (5)
// │  │  │  └─ 昌国小微企业联合工会 (6)
// │  │  └─ 岑港街道总工会 (7)
// │  └─ 普陀区总工会 (8)
// │     └─ 沈家门街道总工会 (9)
// │        └─ 普陀水产有限公司工会委员会 (10)
// └─ 湖州市总工会 (11)
//    └─ 吴兴区总工会 (12)
export const T = { province: 1, zhoushan: 2, dinghai: 3, changguo: 4, donghaiBase: 5, changguoJoint: 6, cengang: 7, putuo: 8, shenjiamen: 9, putuoBase: 10, huzhou: 11, wuxing: 12 } as const;

const TREE: Array<[number, number | null, string, string, string]> = [
  [1, null, '浙江省总工会', 'province', '330000'],
  [2, 1, '舟山市总工会', 'city', '330900'],
  [3, 2, '定海区总工会', 'county', '330902'],
  [4, 3, '昌国街道总工会', 'township', '330902002'],
  [5, 4, '东海海运有限公司工会委员会', 'base', '330902002'],
  [6, 4, '昌国小微企业联合工会', 'joint', '330902002'],
  [7, 3, '岑港街道总工会', 'township', '330902007'],
  [8, 2, '普陀区总工会', 'county', '330903'],
  [9, 8, '沈家门街道总工会', 'township', '330903001'],
  [10, 9, '普陀水产有限公司工会委员会', 'base', '330903001'],
  [11, 1, '湖州市总工会', 'city', '330500'],
  [12, 11, '吴兴区总工会', 'county', '330502'],
];

export function testTree(): DemoOrg[] {
  const byId = new Map<number, DemoOrg>();
  for (const [id, parent, name, kind, division] of TREE) {
    const p = parent ? byId.get(parent)! : null;
    byId.set(id, { id, parent_id: parent, name, kind, division_code: division, path: childPath(p?.path ?? null, id), depth: p ? p.depth + 1 : 0, established_on: '2000-01-01', sort_order: id });
  }
  return [...byId.values()];
}

/** username → [org id, roles]. */
export const USERS: Record<string, [number, string[]]> = {
  admin: [T.province, ['admin']],
  prov_leader: [T.province, ['leader']],
  zs_admin: [T.zhoushan, ['admin']],
  zs_org: [T.zhoushan, ['org_officer']],
  zs_leader: [T.zhoushan, ['leader']],
  zs_hardship: [T.zhoushan, ['hardship_officer']],
  zs_mutual: [T.zhoushan, ['mutual_aid_officer']],
  zs_rights: [T.zhoushan, ['rights_officer']],
  zs_honours: [T.zhoushan, ['honours_officer']],
  zs_services: [T.zhoushan, ['services_officer']],
  zs_finance: [T.zhoushan, ['finance_officer']],
  dh_org: [T.dinghai, ['org_officer']],
  dh_admin: [T.dinghai, ['admin']],
  pt_org: [T.putuo, ['org_officer']],
  hz_org: [T.huzhou, ['org_officer']],
  base_member: [T.donghaiBase, ['member']],
};

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  backend: Backend;
  /** Break the database under the running app (to provoke unexpected errors). */
  breakDatabase(): Promise<void>;
  close(): Promise<void>;
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
}

export interface Client {
  csrfToken: string | null;
  cookie: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function makeClient(app: FastifyInstance, cookie: string | null, csrfToken: string | null): Client {
  const client: Client = {
    cookie,
    csrfToken,
    request(method, url, body, headers = {}) {
      return app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrfToken && method !== 'GET' ? { 'x-csrf-token': client.csrfToken } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
    put: (url, body) => client.request('PUT', url, body ?? {}),
    delete: (url) => client.request('DELETE', url),
  };
  return client;
}

export async function createTestApp(backend: Backend, opts: { seedUsers?: boolean; loginRateLimit?: number; serveWeb?: boolean } = {}): Promise<TestApp> {
  const database = await freshDatabase(backend);
  const clock = new TestClock();
  const config = { ...loadConfig({}), dataKey: TEST_KEY, demo: false, serveWeb: false, loginRateLimit: opts.loginRateLimit ?? 10_000 };
  const started = await openContext(config, { database, clock });
  const ctx = started.ctx;
  await insertOrgs(ctx.db, testTree());
  if (opts.seedUsers !== false) {
    const hash = await hashPassword(PASSWORD);
    await ctx.db.insertInto('app_user').values(Object.entries(USERS).map(([username, [org, roles]]) => ({ username, display_name: username, org_id: org, roles, password_hash: hash }))).execute();
  }
  const app = await buildApp(ctx, { serveWeb: opts.serveWeb ?? false });
  await app.ready();
  let dropped = false;
  return {
    app, ctx, clock, backend,
    async breakDatabase() {
      await database.drop();
      dropped = true;
    },
    async close() {
      await app.close();
      if (!dropped) await database.drop();
    },
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return makeClient(app, cookie, res.json().csrfToken);
    },
    anonymous: () => makeClient(app, null, null),
  };
}
