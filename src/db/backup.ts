// `gonghui backup` and `gonghui restore`: the embedded database as one .tar.gz
// file (PGlite's own dump of its data directory); a PostgreSQL server through
// pg_dump and pg_restore.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { acquireDirLock } from './lock.ts';
import { openPGlite, redactUrl } from './database.ts';

export class BackupError extends Error {}

export async function backupPGlite(dataDir: string, file: string): Promise<{ bytes: number }> {
  const pgdata = path.join(dataDir, 'pgdata');
  if (!fs.existsSync(pgdata)) throw new BackupError(`数据目录 ${pgdata} 不存在,没有可备份的数据`);
  const database = await openPGlite(dataDir);
  try {
    await database.pglite!.query('checkpoint');
    const blob = await database.pglite!.dumpDataDir('gzip');
    const bytes = Buffer.from(await blob.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.part`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return { bytes: bytes.length };
  } finally {
    await database.close();
  }
}

export async function restorePGlite(dataDir: string, file: string, opts: { force?: boolean } = {}): Promise<{ movedAside?: string }> {
  if (!fs.existsSync(file)) throw new BackupError(`备份文件 ${file} 不存在`);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  let movedAside: string | undefined;
  try {
    const blob = new Blob([fs.readFileSync(file)]);
    // Load into a temporary directory first: a bad file must not cost the current data.
    const staging = path.join(dataDir, `pgdata.restoring-${process.pid}`);
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      const pg = await PGlite.create({ dataDir: staging, loadDataDir: blob });
      await pg.query('select count(*) from org');
      await pg.query('checkpoint');
      await pg.close();
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new BackupError(`备份文件 ${file} 无法恢复(不是有效的 gonghui 备份或已损坏): ${(err as Error).message}`);
    }
    if (fs.existsSync(pgdata)) {
      if (!opts.force) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw new BackupError(`数据目录 ${pgdata} 已有数据。若确定用备份覆盖,请加 --force(原数据会改名保留)`);
      }
      movedAside = `${pgdata}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(pgdata, movedAside);
    }
    fs.renameSync(staging, pgdata);
    return { movedAside };
  } finally {
    lock.release();
  }
}

function hasTool(tool: string): boolean {
  return spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
}

export function backupPostgres(url: string, file: string): void {
  if (!hasTool('pg_dump')) throw new BackupError('找不到 pg_dump:PostgreSQL 服务器的备份需要安装 PostgreSQL 客户端工具');
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--file', file, url], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new BackupError(`pg_dump 失败 (${redactUrl(url)}): ${r.stderr?.toString().trim()}`);
}

export function restorePostgres(url: string, file: string): void {
  if (!hasTool('pg_restore')) throw new BackupError('找不到 pg_restore:PostgreSQL 服务器的恢复需要安装 PostgreSQL 客户端工具');
  if (!fs.existsSync(file)) throw new BackupError(`备份文件 ${file} 不存在`);
  const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--dbname', url, file], { stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.status !== 0) throw new BackupError(`pg_restore 失败: ${r.stderr?.toString().trim()}`);
}
