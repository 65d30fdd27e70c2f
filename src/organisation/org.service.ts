// The union tree: create, rename, move (with the subtree), dissolve (kept in
// history, never deleted), and the reads the tree browser needs.
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { conflict, notFound, ruleRefused } from '../core/errors.ts';
import { todayCN } from '../core/dates.ts';
import { auditActor, recordAudit } from '../platform/audit.ts';
import { Scope, type Actor } from '../platform/scope.ts';
import { paging } from '../platform/schemas.ts';
import { inTransaction } from '../db/tx.ts';
import { ORG_KINDS, childPath, idsOfPath, placementProblem, type OrgKind } from './org.rules.ts';

export interface OrgView {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  kindLabel: string;
  divisionCode: string | null;
  path: string;
  depth: number;
  status: string;
  establishedOn: string | null;
  dissolvedOn: string | null;
  dissolveReason: string | null;
  childCount: number;
}

const cols = ['o.id', 'o.parent_id', 'o.name', 'o.kind', 'o.division_code', 'o.path', 'o.depth', 'o.status', 'o.established_on', 'o.dissolved_on', 'o.dissolve_reason'] as const;

function withChildCount(db: Kysely<DB>, includeDissolved = false) {
  return db.selectFrom('org as o').select(cols).select((eb) =>
    eb.selectFrom('org as c').select((e) => e.fn.countAll<number>().as('n')).whereRef('c.parent_id', '=', 'o.id')
      .$if(!includeDissolved, (q) => q.where('c.status', '=', 'active')).as('child_count'));
}

type Row = Awaited<ReturnType<ReturnType<typeof withChildCount>['executeTakeFirstOrThrow']>>;

function view(r: Row): OrgView {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    kindLabel: ORG_KINDS[r.kind as OrgKind]?.label ?? r.kind,
    divisionCode: r.division_code,
    path: r.path,
    depth: r.depth,
    status: r.status,
    establishedOn: r.established_on,
    dissolvedOn: r.dissolved_on,
    dissolveReason: r.dissolve_reason,
    childCount: Number(r.child_count ?? 0),
  };
}

async function loadInScope(ctx: AppContext, actor: Actor, id: number, db: Kysely<DB> = ctx.db): Promise<OrgView> {
  const row = await withChildCount(db).where('o.id', '=', id).where(Scope.of(actor).orgPathIn('o.path')).executeTakeFirst();
  if (!row) throw notFound('ORG_NOT_FOUND', '工会组织不存在或不在您的数据权限范围内');
  return view(row);
}

export async function getOrg(ctx: AppContext, actor: Actor, id: number) {
  return loadInScope(ctx, actor, id);
}

/** The root of the actor's scope: where their tree starts. */
export async function scopeRoot(ctx: AppContext, actor: Actor) {
  const row = await withChildCount(ctx.db).where('o.path', '=', actor.orgPath).executeTakeFirstOrThrow();
  return view(row);
}

export async function children(ctx: AppContext, actor: Actor, id: number, includeDissolved: boolean) {
  await loadInScope(ctx, actor, id);
  const rows = await withChildCount(ctx.db, includeDissolved).where('o.parent_id', '=', id)
    .$if(!includeDissolved, (q) => q.where('o.status', '=', 'active'))
    .orderBy('o.sort_order').orderBy('o.division_code').orderBy('o.id').execute();
  return { items: rows.map(view) };
}

/** The chain from the scope root down to the org (for breadcrumbs and tree expansion). */
export async function ancestors(ctx: AppContext, actor: Actor, id: number) {
  const org = await loadInScope(ctx, actor, id);
  const scope = Scope.of(actor);
  const ids = idsOfPath(org.path);
  const rows = await withChildCount(ctx.db).where('o.id', 'in', ids).where(scope.orgPathIn('o.path')).orderBy('o.depth').execute();
  return { items: rows.map(view) };
}

export interface OrgListQuery { page?: number; pageSize?: number; q?: string; orgId?: number; kind?: string; status?: string; divisionCode?: string }

export async function listOrgs(ctx: AppContext, actor: Actor, q: OrgListQuery) {
  const scope = Scope.of(actor);
  const subtree = await scope.subtree(ctx.db, q.orgId);
  const { page, pageSize, offset } = paging(q);
  let query = ctx.db.selectFrom('org as o').where(scope.orgPathIn('o.path', subtree.path));
  if (q.q) query = query.where('o.name', 'like', `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
  if (q.kind) query = query.where('o.kind', '=', q.kind);
  if (q.status) query = query.where('o.status', '=', q.status as 'active');
  else query = query.where('o.status', '=', 'active');
  if (q.divisionCode) query = query.where('o.division_code', 'like', `${q.divisionCode.replace(/\D/g, '')}%`);
  const [rows, count] = await Promise.all([
    query.select(cols).select(sql<number>`0`.as('child_count')).orderBy('o.path').limit(pageSize).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => view(r as Row)), total: Number(count.n), page, pageSize };
}

async function siblingNameTaken(db: Kysely<DB>, parentId: number, name: string, exceptId?: number) {
  const row = await db.selectFrom('org').select('id').where('parent_id', '=', parentId).where('name', '=', name).where('status', '=', 'active')
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!)).executeTakeFirst();
  return !!row;
}

export interface CreateOrgInput { parentId: number; name: string; kind: string; divisionCode?: string | null; establishedOn?: string | null }

export async function createOrg(ctx: AppContext, actor: Actor, input: CreateOrgInput): Promise<OrgView> {
  const parent = await loadInScope(ctx, actor, input.parentId);
  if (parent.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `上级工会「${parent.name}」已撤销`);
  const problem = placementProblem(parent.kind, input.kind);
  if (problem) throw ruleRefused('ORG_PLACEMENT', problem, { fields: [{ field: 'kind', code: 'ORG_PLACEMENT', message: problem }] });
  const name = input.name.trim();
  if (await siblingNameTaken(ctx.db, parent.id, name)) throw conflict('ORG_NAME_TAKEN', `「${parent.name}」下已有名为「${name}」的工会`, { fields: [{ field: 'name', code: 'ORG_NAME_TAKEN', message: '同级已有同名工会' }] });
  const id = await inTransaction(ctx.db, async (trx) => {
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('org', 'id'))::int8 as id`.execute(trx);
    const newId = Number(rows[0].id);
    const values = {
      id: newId, parent_id: parent.id, name, kind: input.kind, division_code: input.divisionCode ?? null,
      path: childPath(parent.path, newId), depth: parent.depth + 1, established_on: input.establishedOn ?? todayCN(ctx.clock.now()),
    };
    await trx.insertInto('org').values(values).execute();
    await trx.insertInto('org_history').values({ org_id: newId, effective_on: values.established_on, action: 'create', after: JSON.stringify(values), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'create', entity: 'org', entityId: newId, orgId: newId, after: values });
    return newId;
  });
  return getOrg(ctx, actor, id);
}

export async function updateOrg(ctx: AppContext, actor: Actor, id: number, input: { name?: string; kind?: string; divisionCode?: string | null }): Promise<OrgView> {
  const before = await loadInScope(ctx, actor, id);
  if (before.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${before.name}」已撤销,不能修改`);
  const name = input.name?.trim();
  if (name && name !== before.name && before.parentId && (await siblingNameTaken(ctx.db, before.parentId, name, id))) {
    throw conflict('ORG_NAME_TAKEN', `同级已有名为「${name}」的工会`, { fields: [{ field: 'name', code: 'ORG_NAME_TAKEN', message: '同级已有同名工会' }] });
  }
  if (input.kind && input.kind !== before.kind) {
    if (before.parentId) {
      const parent = await ctx.db.selectFrom('org').select('kind').where('id', '=', before.parentId).executeTakeFirstOrThrow();
      const problem = placementProblem(parent.kind, input.kind);
      if (problem) throw ruleRefused('ORG_PLACEMENT', problem);
    }
    if (input.kind === 'base' && before.childCount > 0) throw ruleRefused('ORG_PLACEMENT', '该工会有下级工会,不能改为基层工会');
  }
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('org').set({
      ...(name ? { name } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.divisionCode !== undefined ? { division_code: input.divisionCode } : {}),
      updated_at: ctx.clock.now(),
    }).where('id', '=', id).execute();
    const after = await loadInScope(ctx, actor, id, trx);
    await trx.insertInto('org_history').values({ org_id: id, effective_on: todayCN(ctx.clock.now()), action: name && name !== before.name ? 'rename' : 'update', before: JSON.stringify(before), after: JSON.stringify(after), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'update', entity: 'org', entityId: id, orgId: id, before, after });
  });
  return getOrg(ctx, actor, id);
}

/** Move a union with everything beneath it under a new parent. */
export async function moveOrg(ctx: AppContext, actor: Actor, id: number, newParentId: number, effectiveOn?: string): Promise<OrgView> {
  const org = await loadInScope(ctx, actor, id);
  if (org.path === actor.orgPath) throw ruleRefused('ORG_MOVE_OWN_ROOT', '不能移动您本人所在的工会');
  const target = await loadInScope(ctx, actor, newParentId);
  if (org.status !== 'active' || target.status !== 'active') throw ruleRefused('ORG_DISSOLVED', '已撤销的工会不能移动,也不能作为新的上级');
  if (target.path.startsWith(org.path)) throw ruleRefused('ORG_MOVE_CYCLE', `不能把「${org.name}」移到它自己或它的下级之下`);
  if (org.parentId === target.id) throw ruleRefused('ORG_MOVE_SAME_PARENT', `「${org.name}」已在「${target.name}」之下`);
  const problem = placementProblem(target.kind, org.kind);
  if (problem) throw ruleRefused('ORG_PLACEMENT', problem);
  if (await siblingNameTaken(ctx.db, target.id, org.name)) throw conflict('ORG_NAME_TAKEN', `「${target.name}」下已有名为「${org.name}」的工会`);
  const newPath = childPath(target.path, id);
  const depthDelta = target.depth + 1 - org.depth;
  const effective = effectiveOn ?? todayCN(ctx.clock.now());
  await inTransaction(ctx.db, async (trx) => {
    // One statement rewrites the prefix of every path in the subtree.
    const moved = await sql`
      update org set path = ${newPath} || substr(path, ${org.path.length + 1}), depth = depth + ${depthDelta}, updated_at = now()
      where path like ${org.path + '%'}`.execute(trx);
    await trx.updateTable('org').set({ parent_id: target.id }).where('id', '=', id).execute();
    const before = { parentId: org.parentId, path: org.path };
    const after = { parentId: target.id, path: newPath };
    await trx.insertInto('org_history').values({ org_id: id, effective_on: effective, action: 'move', before: JSON.stringify(before), after: JSON.stringify(after), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'move', entity: 'org', entityId: id, orgId: id, before, after, detail: { subtreeSize: Number(moved.numAffectedRows ?? 0), effectiveOn: effective } });
  });
  return getOrg(ctx, actor, id);
}

export type DissolveCheck = (trx: Kysely<DB>, org: OrgView) => Promise<string | null>;
/** Other areas add checks (e.g. membership: no active members left). */
export const dissolveChecks: DissolveCheck[] = [];

export async function dissolveOrg(ctx: AppContext, actor: Actor, id: number, input: { reason: string; date?: string }): Promise<OrgView> {
  const org = await loadInScope(ctx, actor, id);
  if (org.path === actor.orgPath) throw ruleRefused('ORG_DISSOLVE_OWN_ROOT', '不能撤销您本人所在的工会');
  if (org.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `「${org.name}」已经撤销`);
  if (org.childCount > 0) throw ruleRefused('ORG_HAS_ACTIVE_CHILDREN', `「${org.name}」下还有 ${org.childCount} 个未撤销的下级工会,请先撤销或移走它们`);
  for (const check of dissolveChecks) {
    const problem = await check(ctx.db, org);
    if (problem) throw ruleRefused('ORG_DISSOLVE_REFUSED', problem);
  }
  const date = input.date ?? todayCN(ctx.clock.now());
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('org').set({ status: 'dissolved', dissolved_on: date, dissolve_reason: input.reason, updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.insertInto('org_history').values({ org_id: id, effective_on: date, action: 'dissolve', before: JSON.stringify({ status: 'active' }), after: JSON.stringify({ status: 'dissolved', reason: input.reason }), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'dissolve', entity: 'org', entityId: id, orgId: id, before: { status: 'active' }, after: { status: 'dissolved', dissolvedOn: date, reason: input.reason } });
  });
  return getOrg(ctx, actor, id);
}

export async function restoreOrg(ctx: AppContext, actor: Actor, id: number): Promise<OrgView> {
  const org = await loadInScope(ctx, actor, id);
  if (org.status === 'active') throw ruleRefused('ORG_ACTIVE', `「${org.name}」未撤销`);
  if (org.parentId) {
    const parent = await ctx.db.selectFrom('org').select(['status', 'name']).where('id', '=', org.parentId).executeTakeFirstOrThrow();
    if (parent.status !== 'active') throw ruleRefused('ORG_DISSOLVED', `上级工会「${parent.name}」已撤销,请先恢复上级`);
    if (await siblingNameTaken(ctx.db, org.parentId, org.name, id)) throw conflict('ORG_NAME_TAKEN', `同级已有名为「${org.name}」的工会`);
  }
  await inTransaction(ctx.db, async (trx) => {
    await trx.updateTable('org').set({ status: 'active', dissolved_on: null, dissolve_reason: null, updated_at: ctx.clock.now() }).where('id', '=', id).execute();
    await trx.insertInto('org_history').values({ org_id: id, effective_on: todayCN(ctx.clock.now()), action: 'restore', before: JSON.stringify({ status: 'dissolved' }), after: JSON.stringify({ status: 'active' }), user_id: actor.userId }).execute();
    await recordAudit(trx, auditActor(actor), { action: 'restore', entity: 'org', entityId: id, orgId: id, before: { status: 'dissolved' }, after: { status: 'active' } });
  });
  return getOrg(ctx, actor, id);
}

export async function orgHistory(ctx: AppContext, actor: Actor, id: number) {
  await loadInScope(ctx, actor, id);
  const rows = await ctx.db.selectFrom('org_history as h').leftJoin('app_user as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.at', 'h.effective_on', 'h.action', 'h.before', 'h.after', 'u.username'])
    .where('h.org_id', '=', id).orderBy('h.id', 'desc').execute();
  return { items: rows.map((h) => ({ id: h.id, at: h.at.toISOString(), effectiveOn: h.effective_on, action: h.action, before: h.before, after: h.after, username: h.username })) };
}
