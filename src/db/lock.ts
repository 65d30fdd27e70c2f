// A lock file beside the embedded database: PGlite corrupts its data directory
// when two processes open it, so the second one is refused with a clear message.
import fs from 'node:fs';
import path from 'node:path';

export interface DirLock {
  file: string;
  release(): void;
}

export class LockedError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDirLock(dir: string): DirLock {
  const file = path.join(dir, 'gonghui.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      fs.closeSync(fd);
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          try {
            fs.unlinkSync(file);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: { pid?: number; startedAt?: string } = {};
      try {
        holder = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        /* unreadable lock: treat as stale */
      }
      if (holder.pid && holder.pid !== process.pid && processAlive(holder.pid)) {
        throw new LockedError(
          `数据目录 ${dir} 正被另一个 gonghui 进程 (pid ${holder.pid}, 自 ${holder.startedAt ?? '未知时间'}) 使用。` +
            `同一数据目录只能由一个进程打开;请先停止那个进程,或设置另一个 DATA_DIR。`,
        );
      }
      // Stale lock from a process that died: take it over.
      fs.unlinkSync(file);
    }
  }
  throw new LockedError(`无法获得数据目录 ${dir} 的锁`);
}
