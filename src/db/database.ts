// Opening the database: embedded PGlite in DATA_DIR by default, or a PostgreSQL
// server when DATABASE_URL is set. One SQL dialect (PostgreSQL) either way.
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from './pglite-dialect.ts';
import { acquireDirLock, type DirLock } from './lock.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** The PGlite instance, when embedded (for backup). */
  pglite?: PGlite;
  close(): Promise<void>;
}

// Type parsers shared by both drivers: int8 (counts, ids) as JS numbers, dates as
// 'YYYY-MM-DD' strings (never shifted by a time zone), numeric as exact strings.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const parsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
  [NUMERIC]: (v: string) => v,
};

let pgTypesSet = false;
function setPgTypes() {
  if (pgTypesSet) return;
  pg.types.setTypeParser(INT8, parsers[INT8]);
  pg.types.setTypeParser(DATE, parsers[DATE]);
  pg.types.setTypeParser(NUMERIC, parsers[NUMERIC]);
  pgTypesSet = true;
}

export class DatabaseOpenError extends Error {}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Database> {
  setPgTypes();
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle client whose server connection ends (a restart, an administrator)
  // must not crash the process; the pool replaces it on next use.
  pool.on('error', (err) => process.stderr.write(`PostgreSQL 连接中断: ${err.message}\n`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseOpenError(`无法连接 PostgreSQL 数据库 (${redactUrl(url)}): ${(err as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    async close() {
      await db.destroy();
    },
  };
}

/** An in-memory PGlite, for tests. */
export async function openMemoryPGlite(): Promise<Database> {
  const pglite = await PGlite.create({ parsers });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * The embedded database in `dataDir/pgdata`, held by a lock file so that two
 * processes never open it. Closing runs CHECKPOINT first.
 */
export async function openPGlite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DirLock = acquireDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: pgdata, parsers, loadDataDir: opts.loadDataDir });
    await pglite.query('select 1');
  } catch (err) {
    lock.release();
    throw new DatabaseOpenError(
      `数据目录 ${pgdata} 无法打开,可能已损坏或不是 gonghui 的数据目录 (${(err as Error).message ?? err})。` +
        `可以用 "gonghui restore <备份文件>" 从备份恢复,或换一个 DATA_DIR。`,
    );
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    db,
    kind: 'pglite',
    pglite,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await sql`checkpoint`.execute(db);
      } finally {
        await db.destroy();
        await pglite.close();
        lock.release();
      }
    },
  };
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir: string;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPGlite(opts.dataDir);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, '//$1:***@');
}
