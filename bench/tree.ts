// The union tree at the scale of a province: 150,000 unions. Measures "this
// union and everything beneath it" through the materialised path (one indexed
// range condition) against a recursive walk of parent ids (the baseline), in
// the same run, on the same data. Both must give the same answer.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { percentile, timeIt, type BenchDb } from './util.ts';

export async function benchTree(b: BenchDb) {
  const db = b.db as Kysely<DB>;
  await migrateToLatest(db);
  const t0 = performance.now();
  // 1 province, 11 cities, 90 counties, 1,400 townships, ~148,500 base unions:
  // generated in SQL, not row by row.
  await sql`
    insert into org (id, parent_id, name, kind, path, depth) values (1, null, '浙江省总工会', 'province', '/1/', 0);
    insert into org (id, parent_id, name, kind, path, depth)
      select 1 + c, 1, '市总工会' || c, 'city', '/1/' || (1 + c) || '/', 1 from generate_series(1, 11) c;
    insert into org (id, parent_id, name, kind, path, depth)
      select 100 + k, 1 + (1 + (k - 1) % 11), '县总工会' || k, 'county', '/1/' || (1 + (1 + (k - 1) % 11)) || '/' || (100 + k) || '/', 2 from generate_series(1, 90) k;
    insert into org (id, parent_id, name, kind, path, depth)
      select 1000 + t, p.id, '乡镇总工会' || t, 'township', p.path || (1000 + t) || '/', 3
      from generate_series(1, 1400) t join org p on p.id = 100 + (1 + (t - 1) % 90);
    insert into org (id, parent_id, name, kind, path, depth)
      select 10000 + u, p.id, '基层工会' || u, 'base', p.path || (10000 + u) || '/', 4
      from generate_series(1, 148500) u join org p on p.id = 1000 + (1 + (u - 1) % 1400);
    analyze org;
  `.execute(db);
  const total = Number((await sql<{ n: number }>`select count(*) as n from org`.execute(db)).rows[0].n);
  const genMs = performance.now() - t0;

  const cities = Array.from({ length: 11 }, (_, i) => 2 + i);
  const counties = Array.from({ length: 90 }, (_, i) => 101 + i);
  const targets = [1, ...cities, ...counties];

  // As the app does (platform/scope.ts): look the union's path up, then one
  // range condition with the path as a parameter.
  const pathOf = async (id: number) => (await db.selectFrom('org').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;
  const byPath = async (id: number) => {
    const prefix = (await pathOf(id)) + '%';
    const { rows } = await sql<{ n: number }>`select count(*) as n from org where path like ${prefix}`.execute(db);
    return Number(rows[0].n);
  };
  const byRecursion = async (id: number) => {
    const { rows } = await sql<{ n: number }>`
      with recursive sub(id) as (select ${id}::bigint union all select o.id from org o join sub on o.parent_id = sub.id)
      select count(*) as n from sub`.execute(db);
    return Number(rows[0].n);
  };
  for (const id of targets) {
    const [a, c] = [await byPath(id), await byRecursion(id)];
    if (a !== c) throw new Error(`subtree of ${id}: path ${a} != recursive ${c}`);
  }
  const plan = (await sql<{ 'QUERY PLAN': string }>`explain select id from org where path like '/1/2/%'`.execute(db)).rows.map((r) => r['QUERY PLAN']).join(' ');
  const rounds = 5;
  const pathTimes = await timeIt(rounds, targets, byPath);
  const recTimes = await timeIt(rounds, targets, byRecursion);
  // The list an officer pages through: one page of a city's subtree.
  const pageTimes = await timeIt(rounds, cities, async (id) => sql`select id, name from org where path like ${(await pathOf(id)) + '%'} order by path limit 20 offset 1000`.execute(db));
  return {
    name: 'union tree: subtree of a union at 150,000 unions',
    rows: [
      { what: 'unions generated', value: total, note: `${(genMs / 1000).toFixed(1)} s in SQL` },
      { what: 'subtree count via path (p50 / p95 ms)', value: `${percentile(pathTimes, 50).toFixed(2)} / ${percentile(pathTimes, 95).toFixed(2)}` },
      { what: 'subtree count via recursive CTE, baseline (p50 / p95 ms)', value: `${percentile(recTimes, 50).toFixed(2)} / ${percentile(recTimes, 95).toFixed(2)}` },
      { what: 'speed-up of path over baseline (p50 / p95)', value: `${(percentile(recTimes, 50) / percentile(pathTimes, 50)).toFixed(1)}× / ${(percentile(recTimes, 95) / percentile(pathTimes, 95)).toFixed(1)}×` },
      { what: 'page 51 of a city subtree (p95 ms)', value: percentile(pageTimes, 95).toFixed(2) },
      { what: 'plan uses the path index', value: /Index|Bitmap/.test(plan) ? 'yes' : `no: ${plan}` },
    ],
  };
}
