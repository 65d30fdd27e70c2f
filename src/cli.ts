// The gonghui command-line tool.
import { Command } from 'commander';
import { loadConfig } from './config.ts';
import { handleSignals, serve } from './main.ts';
import { backupPGlite, backupPostgres, restorePGlite, restorePostgres } from './db/backup.ts';
import { generateDataKey } from './core/crypto.ts';

const program = new Command();
program
  .name('gonghui')
  .description('gonghui 工会工作平台的命令行工具。环境变量: PORT, DATA_DIR, DATABASE_URL, GONGHUI_ADMIN_PASSWORD, GONGHUI_DATA_KEY')
  .showHelpAfterError('(用 --help 查看用法)');

program
  .command('serve')
  .description('启动服务(网页与 API),首次启动时填入演示数据')
  .option('-p, --port <port>', '端口 (默认 PORT 或 3000)')
  .action(async (opts: { port?: string }) => {
    const config = loadConfig();
    if (opts.port) config.port = Number(opts.port);
    const { stop } = await serve(config);
    handleSignals(stop);
  });

program
  .command('backup')
  .description('把数据库备份到一个文件(内嵌数据库: .tar.gz;PostgreSQL: pg_dump 格式)')
  .argument('<file>', '备份文件路径')
  .action(async (file: string) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      backupPostgres(config.databaseUrl, file);
      console.log(`已备份到 ${file}`);
    } else {
      const { bytes } = await backupPGlite(config.dataDir, file);
      console.log(`已备份到 ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
      console.log(`注意: 备份不含数据加密密钥 ${config.dataDir}/data.key;恢复到其他位置时需要同一个密钥(或设置 GONGHUI_DATA_KEY)。`);
    }
  });

program
  .command('restore')
  .description('从备份文件恢复数据库')
  .argument('<file>', '备份文件路径')
  .option('--force', '数据目录已有数据时,改名保留原数据后恢复')
  .action(async (file: string, opts: { force?: boolean }) => {
    const config = loadConfig();
    if (config.databaseUrl) {
      restorePostgres(config.databaseUrl, file);
      console.log('已恢复');
    } else {
      const r = await restorePGlite(config.dataDir, file, opts);
      console.log(`已从 ${file} 恢复到 ${config.dataDir}${r.movedAside ? `(原数据已改名为 ${r.movedAside})` : ''}`);
    }
  });

program
  .command('report')
  .description('生成工作成绩单(Word、Excel 或 JSON),数字与网页、API 完全一致')
  .requiredOption('-o, --out <file>', '输出文件 (.docx、.xlsx 或 .json)')
  .option('--org <id>', '工会组织 id(默认:根工会)')
  .option('--from <date>', '开始日期 YYYY-MM-DD(默认:今年 1 月 1 日)')
  .option('--to <date>', '结束日期 YYYY-MM-DD(默认:今天)')
  .action(async (opts: { out: string; org?: string; from?: string; to?: string }) => {
    const fs = await import('node:fs');
    const { openContext, adminActor } = await import('./bootstrap.ts');
    const { summary } = await import('./statistics/stats.service.ts');
    const { buildReport } = await import('./statistics/report.ts');
    const { reportDocx, reportXlsx } = await import('./statistics/report.files.ts');
    const { recordAudit, auditActor } = await import('./platform/audit.ts');
    const format = opts.out.toLowerCase().endsWith('.docx') ? 'docx' : opts.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : opts.out.toLowerCase().endsWith('.json') ? 'json' : null;
    if (!format) throw new Error('输出文件的扩展名应为 .docx、.xlsx 或 .json');
    const started = await openContext(loadConfig());
    try {
      const actor = await adminActor(started.ctx);
      process.stdout.write('汇总指标…\n');
      const s = await summary(started.ctx, actor, { orgId: opts.org ? Number(opts.org) : undefined, from: opts.from, to: opts.to });
      const report = buildReport(s);
      const data = format === 'docx' ? await reportDocx(report) : format === 'xlsx' ? await reportXlsx(report) : Buffer.from(JSON.stringify(report, null, 2));
      fs.writeFileSync(opts.out, data);
      const { inTransaction } = await import('./db/tx.ts');
      await inTransaction(started.ctx.db, (trx) => recordAudit(trx, auditActor(actor), { action: 'export', entity: 'work_report', entityId: s.org.id, orgId: s.org.id, detail: { from: s.from, to: s.to, format, via: 'cli' } }));
      console.log(`已生成 ${opts.out}:${report.title},${report.sections.length} 个板块,${report.table.length} 项指标`);
    } finally {
      await started.close();
    }
  });

program
  .command('keygen')
  .description('生成一个新的数据加密密钥(GONGHUI_DATA_KEY)')
  .action(() => {
    console.log(generateDataKey().toString('hex'));
  });

program.parseAsync(process.argv).catch((err: Error) => {
  // Expected failures (locked or damaged data directory, bad settings) carry a
  // Chinese message for the operator; no stack trace.
  console.error(`错误: ${err.message}`);
  if (process.env.GONGHUI_DEBUG) console.error(err.stack);
  process.exit(1);
});
