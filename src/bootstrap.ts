// Start-up shared by the server, the CLI and tests: open the database, migrate,
// load the data key, make sure the admin account exists, and fill an empty
// database with demo data.
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createDataProtector, generateDataKey, parseDataKey } from './core/crypto.ts';
import { systemClock, type Clock } from './core/dates.ts';
import { hashPassword, passwordProblem, randomPassword } from './platform/password.ts';
import { recordAudit } from './platform/audit.ts';
import { isEmpty, seedDemo, type DemoAccount } from './demo/demo.ts';
import { insertOrgs } from './organisation/org.demo.ts';

export class StartupError extends Error {}

/** The data key: GONGHUI_DATA_KEY, else (embedded database only) a key kept in the data directory. */
export function loadDataKey(config: Config): Buffer {
  if (config.dataKey) return parseDataKey(config.dataKey);
  if (config.databaseUrl) {
    throw new StartupError('使用 PostgreSQL 服务器 (DATABASE_URL) 时必须设置 GONGHUI_DATA_KEY(64 位十六进制的数据加密密钥,可用 "gonghui keygen" 生成),并妥善保管。');
  }
  const file = path.join(config.dataDir, 'data.key');
  if (fs.existsSync(file)) return parseDataKey(fs.readFileSync(file, 'utf8').trim());
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = generateDataKey();
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600 });
  return key;
}

export interface Started {
  ctx: AppContext;
  database: Database;
  close(): Promise<void>;
}

export async function openContext(config: Config, opts: { database?: Database; clock?: Clock } = {}): Promise<Started> {
  const key = loadDataKey(config);
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    await migrateToLatest(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  const ctx: AppContext = {
    db: database.db,
    dbKind: database.kind,
    config,
    protector: createDataProtector(key),
    clock: opts.clock ?? systemClock,
  };
  return { ctx, database, close: () => database.close() };
}

/**
 * The built-in admin account at the root union. Returns the password when a
 * new account was made with a generated one (to print once).
 */
export async function ensureAdmin(ctx: AppContext, rootOrgId: number, password: string = initialPassword(ctx.config)): Promise<{ created: boolean; password?: string }> {
  const existing = await ctx.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (existing) return { created: false };
  const given = ctx.config.adminPassword;
  const hash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('app_user').values({ username: 'admin', display_name: '系统管理员', org_id: rootOrgId, roles: ['admin'], password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { userId: null, username: 'system', orgId: rootOrgId }, { action: 'create', entity: 'user', entityId: row.id, orgId: rootOrgId, after: { username: 'admin', roles: ['admin'] } });
  });
  return { created: true, password: given ? undefined : password };
}

/** GONGHUI_ADMIN_PASSWORD (checked against the password rule) or a random one. */
export function initialPassword(config: Config): string {
  if (!config.adminPassword) return randomPassword();
  const problem = passwordProblem(config.adminPassword);
  if (problem) throw new StartupError(`GONGHUI_ADMIN_PASSWORD 不符合密码规则: ${problem}`);
  return config.adminPassword;
}

/**
 * First start: an empty database gets the demo region (or, with GONGHUI_DEMO=0,
 * just a root union) and the admin account.
 */
export async function prepareData(ctx: AppContext, say: (msg: string) => void = () => {}): Promise<{ adminPassword?: string; demoAccounts?: DemoAccount[] }> {
  if (!(await isEmpty(ctx))) {
    const root = await ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    const admin = await ensureAdmin(ctx, root.id);
    return { adminPassword: admin.password };
  }
  const password = initialPassword(ctx.config);
  let accounts: DemoAccount[] | undefined;
  if (ctx.config.demo) {
    const seeded = await seedDemo(ctx, password, { onProgress: say });
    accounts = seeded.accounts;
  } else {
    await insertOrgs(ctx.db, [{ id: 1, parent_id: null, name: process.env.GONGHUI_ROOT_NAME ?? '浙江省总工会', kind: 'province', division_code: '330000', path: '/1/', depth: 0, established_on: '1950-01-01', sort_order: 0 }]);
  }
  const admin = await ensureAdmin(ctx, 1, password);
  return { adminPassword: admin.created && !ctx.config.adminPassword ? password : undefined, demoAccounts: accounts };
}

/**
 * The built-in admin as an actor, for command-line work (imports, exports,
 * reports): the root scope, every permission, audited as `admin` via the CLI.
 */
export async function adminActor(ctx: AppContext): Promise<import('./platform/scope.ts').Actor> {
  const { permissionsOf } = await import('./platform/policy.ts');
  const u = await ctx.db.selectFrom('app_user as u').innerJoin('org as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'u.roles', 'o.path', 'o.name']).where('u.username', '=', 'admin').executeTakeFirst();
  if (!u) throw new StartupError('数据库中还没有 admin 账号:请先启动一次服务 (npm start)');
  return { userId: u.id, username: u.username, displayName: u.display_name, orgId: u.org_id, orgPath: u.path, orgName: u.name, roles: u.roles, permissions: permissionsOf(u.roles), memberId: null, sessionId: 'cli', ip: 'cli' };
}
