import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Run `fn` in a transaction: a new one, or the caller's when `db` already is
 * one, so that services compose (one service calling another inside its own
 * transaction commits or rolls back as one).
 */
export function inTransaction<T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<DB>) => fn(trx));
}

/** Whether an error is PostgreSQL's unique violation on the named index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code !== '23505') return false;
  return !constraint || e.constraint === constraint || (e.message ?? '').includes(constraint);
}
