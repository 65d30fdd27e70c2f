// The embedded database's reliability: one process per data directory, backup
// and restore that round-trip, and clear messages instead of stack traces.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { backupPGlite, restorePGlite } from './backup.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/gonghui.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });

describe('the embedded database', () => {
  it('backs up and restores, round trip', async () => {
    const dir = path.join(tmp, 'a');
    const db1 = await openPGlite(dir);
    await migrateToLatest(db1.db);
    await db1.db.insertInto('org').values({ id: 1, name: '浙江省总工会', kind: 'province', path: '/1/', depth: 0 }).execute();
    await db1.close();

    const file = path.join(tmp, 'backup.tar.gz');
    const { bytes } = await backupPGlite(dir, file);
    expect(bytes).toBeGreaterThan(1000);

    // Change the data after the backup; restoring brings the old state back.
    const db2 = await openPGlite(dir);
    await db2.db.updateTable('org').set({ name: '改过的名字' }).execute();
    await db2.close();

    await expect(restorePGlite(dir, file)).rejects.toThrow(/已有数据.*--force/);
    const r = await restorePGlite(dir, file, { force: true });
    expect(r.movedAside && fs.existsSync(r.movedAside)).toBe(true);
    const db3 = await openPGlite(dir);
    expect(await db3.db.selectFrom('org').select('name').execute()).toEqual([{ name: '浙江省总工会' }]);
    await db3.close();

    // Restore into a brand-new directory works too.
    const fresh = path.join(tmp, 'fresh');
    await restorePGlite(fresh, file);
    const db4 = await openPGlite(fresh);
    expect(await db4.db.selectFrom('org').select('name').execute()).toEqual([{ name: '浙江省总工会' }]);
    await db4.close();
  });

  it('refuses a file that is not a backup, keeping the current data', async () => {
    const dir = path.join(tmp, 'b');
    const junk = path.join(tmp, 'junk.tar.gz');
    fs.writeFileSync(junk, 'not a backup');
    await expect(restorePGlite(dir, junk, { force: true })).rejects.toThrow(/无法恢复/);
    expect(fs.existsSync(path.join(dir, 'pgdata'))).toBe(false);
  });

  it('lets only one process open a data directory, with a clear message', async () => {
    const dir = path.join(tmp, 'c');
    const db = await openPGlite(dir);
    try {
      const r = cli(['backup', path.join(tmp, 'c.tar.gz')], { DATA_DIR: dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/错误: 数据目录 .* 正被另一个 gonghui 进程 \(pid \d+/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
  });

  it('takes over the lock of a process that died', async () => {
    const dir = path.join(tmp, 'd');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'gonghui.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: 'long ago' }));
    const db = await openPGlite(dir);
    await db.close();
  });

  it('says plainly when the data directory is damaged', async () => {
    const dir = path.join(tmp, 'e');
    fs.mkdirSync(path.join(dir, 'pgdata'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pgdata', 'PG_VERSION'), 'garbage');
    await expect(openPGlite(dir)).rejects.toThrow(/无法打开,可能已损坏.*gonghui restore/);
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
  });

  it('has --help on the command and its subcommands', () => {
    const top = cli(['--help']);
    expect(top.status).toBe(0);
    for (const sub of ['serve', 'backup', 'restore', 'keygen']) expect(top.stdout).toContain(sub);
    const backup = cli(['backup', '--help']);
    expect(backup.stdout).toContain('备份文件路径');
  });
});

describe('the server process', () => {
  it('starts on an empty data directory, prints the admin password, and closes cleanly on SIGTERM', async () => {
    const { spawn } = await import('node:child_process');
    const dir = path.join(tmp, 'serve');
    const port = String(35000 + Math.floor(Math.random() * 5000));
    const child = spawn(process.execPath, ['bin/gonghui.js', 'serve'], { env: { ...process.env, DATA_DIR: dir, PORT: port, GONGHUI_DEMO: '0', GONGHUI_SERVE_WEB: '0' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${out}`)), 60_000);
      child.stdout.on('data', () => out.includes('管理员账号') && (clearTimeout(timer), resolve()));
    });
    expect(out).toMatch(/管理员账号: admin {3}初始密码: \S{8,}/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(true);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
    expect(code).toBe(0);
    expect(out).toContain('正在保存并关闭数据库');
    expect(fs.existsSync(path.join(dir, 'gonghui.lock'))).toBe(false);
    const db = await openPGlite(dir);
    expect((await db.db.selectFrom('app_user').select('username').execute()).map((u) => u.username)).toEqual(['admin']);
    await db.close();

    // The same data directory, from the command line: the work report as Word.
    const reportFile = path.join(tmp, 'report.docx');
    const r = cli(['report', '--out', reportFile, '--from', '2025-01-01', '--to', '2025-12-31'], { DATA_DIR: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/已生成 .*report\.docx:浙江省总工会工作成绩单\(2025年\)/);
    expect(fs.readFileSync(reportFile).subarray(0, 2).toString()).toBe('PK');
  });
});
