import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backends } from '../../test/support/db.ts';
import { createTestApp, T, type TestApp } from '../../test/support/app.ts';
import { verifyChain } from './audit.ts';

for (const backend of backends()) {
  describe(`the audit log [${backend}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend);
      const zs = await t.login('zs_org');
      for (const name of ['甲公司工会委员会', '乙公司工会委员会', '丙公司工会委员会']) {
        expect((await zs.post('/api/orgs', { parentId: T.cengang, name, kind: 'base' })).statusCode).toBe(200);
      }
    });
    afterAll(() => t.close());

    it('chains every entry to the one before with SM3', async () => {
      const check = await verifyChain(t.ctx.db);
      expect(check.ok).toBe(true);
      expect(check.checked).toBeGreaterThanOrEqual(4);
      const admin = await t.login('admin');
      const r = await admin.get('/api/audit-log/verify');
      expect(r.json()).toMatchObject({ ok: true });
      const rows = await t.ctx.db.selectFrom('audit_log').select(['hash', 'prev_hash']).orderBy('id').execute();
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      expect(rows[0].prev_hash).toBe('0'.repeat(64));
    });

    it('refuses updates, deletes and truncation', async () => {
      await expect(sql`update audit_log set username = 'mallory'`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
      await expect(sql`truncate audit_log`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
      expect((await verifyChain(t.ctx.db)).ok).toBe(true);
    });

    it('shows where the chain breaks when someone with database rights edits an entry', async () => {
      const victim = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'create').where('entity', '=', 'org').orderBy('id').limit(1).offset(1).executeTakeFirstOrThrow();
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.ctx.db);
      await sql`update audit_log set after = jsonb_set(after, '{name}', '"丁公司工会委员会"') where id = ${victim.id}`.execute(t.ctx.db);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.ctx.db);
      const check = await verifyChain(t.ctx.db);
      expect(check).toMatchObject({ ok: false, brokenAt: victim.id });
    });

    it('searches within scope only', async () => {
      const dh = await t.login('dh_admin');
      const mine = (await dh.get('/api/audit-log?entity=org&pageSize=100')).json();
      expect(mine.total).toBeGreaterThanOrEqual(3);
      const huzhou = await dh.get(`/api/audit-log?orgId=${T.huzhou}`);
      expect(huzhou.statusCode).toBe(403);
      expect(huzhou.json().error.code).toBe('SCOPE_FORBIDDEN');
      const byUser = (await dh.get('/api/audit-log?username=zs_org&action=create')).json();
      expect(byUser.items.every((e: { username: string; action: string }) => e.username === 'zs_org' && e.action === 'create')).toBe(true);
      expect(byUser.total).toBe(3);
    });
  });
}
