// The API's shared behaviour: the error format everywhere, the OpenAPI document
// and the docs page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/db.ts';
import { createTestApp, type TestApp } from './support/app.ts';

for (const backend of backends()) {
  describe(`the API's shared behaviour [${backend}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend);
    });
    afterAll(() => t.close());

    it('answers unknown routes with the error format', async () => {
      const r = await t.anonymous().get('/api/no-such-thing');
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({ error: { code: 'NOT_FOUND', message: '接口不存在: GET /api/no-such-thing' } });
    });

    it('names every bad field of a refused body in Chinese', async () => {
      const c = await t.login('zs_admin');
      const r = await c.post('/api/users', { username: 'a', orgId: 'x', roles: [] });
      expect(r.statusCode).toBe(400);
      const body = r.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      const fields = Object.fromEntries(body.error.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      expect(fields).toMatchObject({ username: '至少 3 个字符', displayName: '必填', password: '必填', roles: '至少 1 项', orgId: '类型应为整数' });
    });

    it('refuses a body that is not JSON', async () => {
      const c = await t.login('zs_admin');
      const r = await c.request('POST', '/api/orgs', undefined, { 'content-type': 'application/json', 'x-csrf-token': c.csrfToken! });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toMatch(/BAD_REQUEST_BODY|VALIDATION_FAILED/);
    });

    it('hides unexpected errors behind a reference number and logs the detail', async () => {
      const t2 = await createTestApp(backend);
      try {
        const c = await t2.login('zs_org');
        await t2.breakDatabase();
        const r = await c.get('/api/orgs/2/children');
        expect(r.statusCode).toBe(500);
        const body = r.json();
        expect(body.error.code).toBe('INTERNAL_ERROR');
        expect(body.error.message).toMatch(/^服务器内部错误,请联系管理员并提供参考编号 [0-9A-F]{8}$/);
        expect(body.error.details.reference).toMatch(/^[0-9A-F]{8}$/);
        expect(r.body).not.toMatch(/at .*\.ts|stack|PGlite|ECONN/i);
      } finally {
        await t2.close();
      }
    });

    it('publishes the OpenAPI document and the docs page', async () => {
      const doc = (await t.anonymous().get('/api/openapi.json')).json();
      expect(doc.openapi).toMatch(/^3\./);
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orgs', '/api/orgs/{id}/children', '/api/users', '/api/audit-log', '/api/auth/login', '/api/health']));
      expect(doc.paths['/api/orgs'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['parentId', 'name', 'kind']));
      const page = await t.anonymous().get('/api/docs/');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('swagger');
    });
  });
}
