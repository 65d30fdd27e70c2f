// The audit log: every write (who, when, which record, before and after), every
// read of an unmasked personal value and every export. Append-only (a trigger
// refuses UPDATE, DELETE and TRUNCATE) and chained: each entry's hash is
// SM3(previous hash | canonical JSON of the entry), so any change to an old
// entry breaks the chain from there on, and verifyChain() finds where.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sm3 } from '../core/crypto.ts';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction =
  | 'create' | 'update' | 'delete' | 'move' | 'dissolve' | 'restore'
  | 'login' | 'login_failed' | 'logout' | 'locked' | 'password_change'
  | 'reveal' | 'export' | 'import' | 'approve' | 'reject' | 'transfer' | string;

export interface AuditEntry {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  /** The union the record belongs to (for scoping the audit search). */
  orgId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: unknown;
}

export interface AuditActor {
  userId: number | null;
  username: string | null;
  orgId: number | null;
  ip?: string | null;
}

/** JSON with object keys sorted at every level: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  return JSON.stringify(value, (_k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}

interface HashedFields {
  at: Date;
  user_id: number | null;
  username: string | null;
  actor_org_id: number | null;
  org_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  ip: string | null;
}

export function entryHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    at: e.at.toISOString(),
    userId: e.user_id,
    username: e.username,
    actorOrgId: e.actor_org_id,
    orgId: e.org_id,
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    before: e.before ?? null,
    after: e.after ?? null,
    detail: e.detail ?? null,
    ip: e.ip,
  });
  return sm3(prevHash + '|' + body);
}

// A normalised copy (dates to ISO strings, undefined dropped) so that what is
// hashed equals what jsonb gives back later.
function normalise(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(canonicalJson(v));
}

const CHAIN_LOCK = 7_262_001;

/**
 * Append entries to the log inside the caller's transaction, so that the record
 * and its audit entry commit (or roll back) together.
 */
export async function recordAudit(trx: Kysely<DB>, actor: AuditActor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // Serialise appends so the chain has no forks.
  await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = list.map((e) => {
    const fields: HashedFields = {
      at,
      user_id: actor.userId,
      username: actor.username,
      actor_org_id: actor.orgId,
      org_id: e.orgId ?? null,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      before: normalise(e.before),
      after: normalise(e.after),
      detail: normalise(e.detail),
      ip: actor.ip ?? null,
    };
    const hash = entryHash(prev, fields);
    const row = {
      ...fields,
      before: fields.before === null ? null : JSON.stringify(fields.before),
      after: fields.after === null ? null : JSON.stringify(fields.after),
      detail: fields.detail === null ? null : JSON.stringify(fields.detail),
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  await trx.insertInto('audit_log').values(rows).execute();
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry whose hash does not match. */
  brokenAt?: number;
}

/** Walk the whole chain in id order and recompute every hash. */
export async function verifyChain(db: Kysely<DB>, batch = 5000): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(batch).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const expect = entryHash(prev, {
        at: r.at,
        user_id: r.user_id,
        username: r.username,
        actor_org_id: r.actor_org_id,
        org_id: r.org_id,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        before: r.before,
        after: r.after,
        detail: r.detail,
        ip: r.ip,
      });
      if (r.prev_hash !== prev || r.hash !== expect) return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked };
}

/** The audit identity of a signed-in actor. */
export function auditActor(actor: { userId: number; username: string; orgId: number; ip?: string | null }): AuditActor {
  return { userId: actor.userId, username: actor.username, orgId: actor.orgId, ip: actor.ip ?? null };
}
