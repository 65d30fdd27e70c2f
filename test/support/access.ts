// The route-access table: each domain area lists, for every route it adds, a
// request aimed inside the Zhoushan scope and (for scoped routes) the same
// request aimed at Huzhou, outside it; and seeds the records those requests
// need. test/access.db.test.ts walks them all with every role.
import type { Client, TestApp } from './app.ts';

export interface Target { url: string; body?: unknown }

/** Ids of seeded records, by name, shared by all areas' cases. */
export type Ids = Record<string, number>;

export interface AccessCase {
  /** Inside the Zhoushan scope. */
  inside: (ids: Ids) => Target;
  /** The same request aimed at Huzhou, outside the Zhoushan scope (omit when the route has no scope). */
  outside?: (ids: Ids) => Target;
  /** Sign in afresh for each call (the route ends the session). */
  freshSession?: boolean;
}

export interface AccessArea {
  name: string;
  /** Make the records the cases aim at (as the province admin); return their ids. */
  seed?: (t: TestApp, admin: Client, ids: Ids) => Promise<Ids>;
  cases: Record<string, AccessCase>;
}

/** Throws unless the response is 200; returns its JSON. */
export async function ok(p: Promise<{ statusCode: number; json(): any; body: string }>) {
  const r = await p;
  if (r.statusCode !== 200) throw new Error(`seed failed: ${r.statusCode} ${r.body}`);
  return r.json();
}
