import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { createTestApp, T, type Client, type TestApp } from '../../test/support/app.ts';

for (const backend of backends()) {
  describe(`the union tree [${backend}]`, () => {
    let t: TestApp;
    let zs: Client;
    beforeAll(async () => {
      t = await createTestApp(backend);
      zs = await t.login('zs_org');
    });
    afterAll(() => t.close());

    const pathOf = async (id: number) => (await t.ctx.db.selectFrom('org').select(['path', 'depth']).where('id', '=', id).executeTakeFirstOrThrow());

    it('lists a subtree with one condition and shows the scope root', async () => {
      const root = await zs.get('/api/orgs/root');
      expect(root.json()).toMatchObject({ id: T.zhoushan, name: '舟山市总工会', childCount: 2 });
      const list = await zs.get(`/api/orgs?orgId=${T.dinghai}&pageSize=50`);
      expect(list.json().items.map((o: { name: string }) => o.name)).toEqual(['定海区总工会', '昌国街道总工会', '东海海运有限公司工会委员会', '昌国小微企业联合工会', '岑港街道总工会']);
      expect(list.json().total).toBe(5);
      const kids = await zs.get(`/api/orgs/${T.changguo}/children`);
      expect(kids.json().items.map((o: { kind: string }) => o.kind)).toEqual(['base', 'joint']);
      const anc = await zs.get(`/api/orgs/${T.donghaiBase}/ancestors`);
      // From the caller's scope root down, not above it.
      expect(anc.json().items.map((o: { id: number }) => o.id)).toEqual([T.zhoushan, T.dinghai, T.changguo, T.donghaiBase]);
    });

    it('creates a union under a parent with its path, and refuses bad placements and duplicate names', async () => {
      const r = await zs.post('/api/orgs', { parentId: T.cengang, name: '岑港船厂工会委员会', kind: 'base', establishedOn: '2024-05-01' });
      expect(r.statusCode).toBe(200);
      const created = r.json();
      expect(created).toMatchObject({ parentId: T.cengang, kind: 'base', kindLabel: '基层工会', depth: 4, establishedOn: '2024-05-01' });
      expect(created.path).toBe(`/1/2/3/7/${created.id}/`);
      const dup = await zs.post('/api/orgs', { parentId: T.cengang, name: '岑港船厂工会委员会', kind: 'base' });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('ORG_NAME_TAKEN');
      const under = await zs.post('/api/orgs', { parentId: created.id, name: '车间分工会', kind: 'base' });
      expect(under.statusCode).toBe(422);
      expect(under.json().error).toMatchObject({ code: 'ORG_PLACEMENT', message: '基层工会下不能再设下级工会' });
      const bad = await zs.post('/api/orgs', { parentId: T.cengang, name: 'x', kind: 'nonsense' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['kind', 'name']);
    });

    it('renames, keeping the old name in history', async () => {
      const r = await zs.patch(`/api/orgs/${T.cengang}`, { name: '岑港街道工会联合会' });
      expect(r.json().name).toBe('岑港街道工会联合会');
      const h = await zs.get(`/api/orgs/${T.cengang}/history`);
      expect(h.json().items[0]).toMatchObject({ action: 'rename', before: { name: '岑港街道总工会' }, after: { name: '岑港街道工会联合会' }, username: 'zs_org' });
    });

    it('moves a union with its whole subtree', async () => {
      const r = await zs.post(`/api/orgs/${T.changguo}/move`, { parentId: T.putuo });
      expect(r.statusCode).toBe(200);
      expect(await pathOf(T.changguo)).toEqual({ path: '/1/2/8/4/', depth: 3 });
      expect(await pathOf(T.donghaiBase)).toEqual({ path: '/1/2/8/4/5/', depth: 4 });
      expect(await pathOf(T.changguoJoint)).toEqual({ path: '/1/2/8/4/6/', depth: 4 });
      const putuo = await zs.get(`/api/orgs?orgId=${T.putuo}&pageSize=50`);
      expect(putuo.json().items.map((o: { id: number }) => o.id)).toContain(T.donghaiBase);
      const dinghai = await zs.get(`/api/orgs?orgId=${T.dinghai}&pageSize=50`);
      expect(dinghai.json().items.map((o: { id: number }) => o.id)).not.toContain(T.donghaiBase);
      // Back again, so later tests see the original tree.
      expect((await zs.post(`/api/orgs/${T.changguo}/move`, { parentId: T.dinghai })).statusCode).toBe(200);
      expect(await pathOf(T.donghaiBase)).toEqual({ path: '/1/2/3/4/5/', depth: 4 });
    });

    it('refuses to move a union under itself or its own descendants', async () => {
      const r = await zs.post(`/api/orgs/${T.dinghai}/move`, { parentId: T.changguo });
      expect(r.statusCode).toBe(422);
      expect(r.json().error.code).toBe('ORG_MOVE_CYCLE');
      expect(await pathOf(T.dinghai)).toEqual({ path: '/1/2/3/', depth: 2 });
      const self = await zs.post(`/api/orgs/${T.zhoushan}/move`, { parentId: T.dinghai });
      expect(self.statusCode).toBe(422);
    });

    it('dissolves a union without deleting it, and refuses while it has active children', async () => {
      const busy = await zs.post(`/api/orgs/${T.changguo}/dissolve`, { reason: '区划调整' });
      expect(busy.statusCode).toBe(422);
      expect(busy.json().error.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
      const r = await zs.post(`/api/orgs/${T.changguoJoint}/dissolve`, { reason: '覆盖企业均已单独建会', date: '2025-06-30' });
      expect(r.json()).toMatchObject({ status: 'dissolved', dissolvedOn: '2025-06-30', dissolveReason: '覆盖企业均已单独建会' });
      const kids = await zs.get(`/api/orgs/${T.changguo}/children`);
      expect(kids.json().items.map((o: { id: number }) => o.id)).toEqual([T.donghaiBase]);
      const all = await zs.get(`/api/orgs/${T.changguo}/children?includeDissolved=true`);
      expect(all.json().items.map((o: { id: number }) => o.id)).toEqual([T.donghaiBase, T.changguoJoint]);
      expect((await zs.get(`/api/orgs?orgId=${T.changguo}&status=dissolved`)).json().total).toBe(1);
      expect((await zs.post(`/api/orgs/${T.changguoJoint}/restore`)).json().status).toBe('active');
    });

    it('records every change in the audit log with before and after', async () => {
      const log = await zs.get(`/api/audit-log?entity=org&entityId=${T.cengang}`);
      expect(log.statusCode).toBe(403); // an organisation officer does not read the audit log
      const admin = await t.login('zs_admin');
      const entries = (await admin.get(`/api/audit-log?entity=org&entityId=${T.cengang}`)).json().items;
      expect(entries[0]).toMatchObject({ action: 'update', username: 'zs_org', before: { name: '岑港街道总工会' }, after: { name: '岑港街道工会联合会' } });
    });
  });
}
