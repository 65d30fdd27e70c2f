// `npm start` / `gonghui serve`: open the database, prepare data on first start,
// serve the API and the web app, and close cleanly on SIGINT and SIGTERM.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { openContext, prepareData, type Started } from './bootstrap.ts';
import { buildApp } from './app.ts';
import { drainJobs } from './platform/jobs.ts';
import { redactUrl } from './db/database.ts';

export async function serve(config: Config = loadConfig()): Promise<{ app: FastifyInstance; started: Started; stop: () => Promise<void> }> {
  const log = (msg: string) => process.stdout.write(msg + '\n');
  log(`gonghui 工会工作平台 — 数据库: ${config.databaseUrl ? `PostgreSQL ${redactUrl(config.databaseUrl)}` : `内嵌 PGlite (${config.dataDir})`}`);
  const started = await openContext(config);
  const prepared = await prepareData(started.ctx, (m) => log(`  ${m}`));
  const app = await buildApp(started.ctx, { logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  log(`\n  已启动: ${url}   (API 文档: ${url}/api/docs)`);
  if (prepared.adminPassword) {
    log(`  管理员账号: admin   初始密码: ${prepared.adminPassword}   (只显示这一次,请登录后修改)`);
  } else if (config.adminPassword) {
    log('  管理员账号: admin   密码: GONGHUI_ADMIN_PASSWORD 所设');
  }
  if (prepared.demoAccounts?.length) {
    log(`  演示账号(密码同 admin): ${prepared.demoAccounts.map((a) => a.username).join(', ')}`);
  }
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await drainJobs();
      await started.close();
    })());
  return { app, started, stop };
}

export function handleSignals(stop: () => Promise<void>) {
  let count = 0;
  const onSignal = (signal: string) => {
    if (++count > 1) {
      process.stderr.write('再次收到信号,立即退出\n');
      process.exit(130);
    }
    process.stdout.write(`\n收到 ${signal},正在保存并关闭数据库…\n`);
    stop().then(
      () => process.exit(0),
      (err) => {
        process.stderr.write(`关闭时出错: ${(err as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}
