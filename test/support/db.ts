// Database tests run on every backend at hand: the embedded PGlite always, and a
// PostgreSQL server too when TEST_DATABASE_URL is set (CI sets it). Each test
// file gets a fresh database of its own.
import crypto from 'node:crypto';
import pg from 'pg';
import { openMemoryPGlite, openPostgres, type Database } from '../../src/db/database.ts';

export type Backend = 'pglite' | 'postgres';

export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/** A fresh, empty database on the backend; `drop()` removes it. */
export async function freshDatabase(backend: Backend): Promise<Database & { drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openMemoryPGlite();
    return { ...database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `gh_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 5 });
  return {
    ...database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
