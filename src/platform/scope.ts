// The data scope: an officer sees and changes only their own union and the
// unions beneath it. Every query that reads or writes union-owned records goes
// through these helpers, so the rule lives here and nowhere else.
//
// The union tree is stored with a materialised path ('/1/12/345/'), so "this
// union and everything beneath it" is `org.path like '/1/12/%'`: one range scan
// on a C-collated btree index.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { forbidden, notFound } from '../core/errors.ts';
import type { Permission } from './policy.ts';

export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgPath: string;
  orgName: string;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  memberId: number | null;
  sessionId: string;
  ip?: string;
}

export interface ScopedOrg {
  id: number;
  path: string;
  name: string;
  depth: number;
  status: string;
}

export class Scope {
  constructor(readonly rootPath: string) {}

  static of(actor: Pick<Actor, 'orgPath'>): Scope {
    return new Scope(actor.orgPath);
  }

  /** Whether an org path lies within this scope. */
  contains(path: string): boolean {
    return path.startsWith(this.rootPath);
  }

  /** Condition on the org table itself: `org.path` within `path` (default: the whole scope). */
  orgPathIn(pathColumn: string, subtreePath: string = this.rootPath): Expression<SqlBool> {
    this.check(subtreePath);
    return sql<SqlBool>`${sql.ref(pathColumn)} like ${subtreePath + '%'}`;
  }

  /** Condition on any table with an org id column: the org lies within `path` (default: the scope). */
  orgIdIn(orgIdColumn: string, subtreePath: string = this.rootPath): Expression<SqlBool> {
    this.check(subtreePath);
    return sql<SqlBool>`${sql.ref(orgIdColumn)} in (select id from org where path like ${subtreePath + '%'})`;
  }

  /**
   * The subtree a list asks for: `orgId` when given (it must lie within the
   * scope), else the scope's own root. Throws 403 for an org outside the scope.
   */
  async subtree(db: Kysely<DB>, orgId?: number | null): Promise<ScopedOrg> {
    if (orgId == null) {
      const root = await db.selectFrom('org').select(['id', 'path', 'name', 'depth', 'status']).where('path', '=', this.rootPath).executeTakeFirst();
      if (!root) throw notFound('ORG_NOT_FOUND', '您所在的工会不存在');
      return root;
    }
    const org = await db.selectFrom('org').select(['id', 'path', 'name', 'depth', 'status']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound('ORG_NOT_FOUND', `工会组织 ${orgId} 不存在`);
    if (!this.contains(org.path)) throw forbidden('SCOPE_FORBIDDEN', `「${org.name}」不在您的数据权限范围内`);
    return org;
  }

  /** Assert that a union (by id) lies within the scope; returns it. */
  async requireOrg(db: Kysely<DB>, orgId: number): Promise<ScopedOrg> {
    return this.subtree(db, orgId);
  }

  private check(path: string) {
    // Paths are built only from ids and slashes; anything else would be a bug
    // that could widen a LIKE pattern.
    if (!/^\/(\d+\/)+$/.test(path)) throw new Error(`invalid org path ${path}`);
  }
}
