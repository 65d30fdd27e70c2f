// `npm run bench`: every benchmark, each against a baseline measured in the same
// run. Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to run on PostgreSQL.
import { benchDatabase } from './util.ts';
import { benchTree } from './tree.ts';

const BENCHES = { tree: benchTree };

const only = process.argv.slice(2);
for (const [key, bench] of Object.entries(BENCHES)) {
  if (only.length && !only.includes(key)) continue;
  const b = await benchDatabase();
  try {
    const result = await bench(b);
    console.log(`\n## ${result.name} [${b.kind}]`);
    for (const row of result.rows) console.log(`- ${row.what}: ${row.value}${'note' in row && row.note ? ` (${row.note})` : ''}`);
  } finally {
    await b.close();
  }
}
