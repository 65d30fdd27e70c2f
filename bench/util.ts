import crypto from 'node:crypto';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openMemoryPGlite, openPostgres } from '../src/db/database.ts';

export interface BenchDb {
  db: Kysely<any>;
  kind: 'pglite' | 'postgres';
  url?: string;
  close(): Promise<void>;
}

/** A fresh database for one benchmark: PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, else PGlite. */
export async function benchDatabase(): Promise<BenchDb> {
  const admin = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!admin) {
    const d = await openMemoryPGlite();
    return { db: d.db, kind: 'pglite', close: () => d.close() };
  }
  const name = `gh_bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const d = await openPostgres(url.toString());
  return {
    db: d.db, kind: 'postgres', url: url.toString(),
    async close() {
      await d.close();
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`drop database if exists ${name} with (force)`);
      await c2.end();
    },
  };
}

export async function timeIt<T>(rounds: number, inputs: T[], fn: (x: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const x of inputs) {
      const t = performance.now();
      await fn(x);
      times.push(performance.now() - t);
    }
  }
  return times;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
