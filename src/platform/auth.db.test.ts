import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { createTestApp, PASSWORD, type TestApp } from '../../test/support/app.ts';

for (const backend of backends()) {
  describe(`sign-in, sessions and lockout [${backend}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(backend);
    });
    afterAll(() => t.close());

    it('signs in, tells who I am and my scope, and signs out', async () => {
      const c = await t.login('dh_org');
      const me = await c.get('/api/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username: 'dh_org', org: { name: '定海区总工会' }, scope: { orgName: '定海区总工会' } });
      expect(me.json().permissions).toContain('org:write');
      expect(me.json().permissions).not.toContain('user:write');
      const cookie = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dh_org', password: PASSWORD } })).cookies[0];
      expect(cookie).toMatchObject({ name: 'gh_session', httpOnly: true, sameSite: 'Strict' });
      expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('refuses a wrong password with the same message as an unknown user', async () => {
      const wrong = await t.anonymous().post('/api/auth/login', { username: 'zs_org', password: 'Nope@12345' });
      const unknown = await t.anonymous().post('/api/auth/login', { username: 'nobody', password: 'Nope@12345' });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('LOGIN_FAILED');
      expect(unknown.json().error).toEqual({ code: 'LOGIN_FAILED', message: '用户名或密码错误' });
    });

    it('locks an account for 15 minutes after 5 wrong passwords', async () => {
      const anon = t.anonymous();
      for (let i = 1; i <= 4; i++) {
        const r = await anon.post('/api/auth/login', { username: 'pt_org', password: 'Wrong@pass1' });
        expect(r.statusCode).toBe(401);
        expect(r.json().error.details.remainingAttempts).toBe(5 - i);
      }
      const fifth = await anon.post('/api/auth/login', { username: 'pt_org', password: 'Wrong@pass1' });
      expect(fifth.statusCode).toBe(403);
      expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
      // Even the right password is refused while locked.
      const locked = await anon.post('/api/auth/login', { username: 'pt_org', password: PASSWORD });
      expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
      expect(locked.json().error.message).toContain('锁定');
      t.clock.advance(14 * 60_000);
      expect((await anon.post('/api/auth/login', { username: 'pt_org', password: PASSWORD })).statusCode).toBe(403);
      t.clock.advance(2 * 60_000);
      expect((await anon.post('/api/auth/login', { username: 'pt_org', password: PASSWORD })).statusCode).toBe(200);
      const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('username', '=', 'pt_org').orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['login_failed', 'login_failed', 'login_failed', 'login_failed', 'locked', 'login']);
    });

    it('ends a session that sat idle longer than the timeout', async () => {
      const c = await t.login('zs_leader');
      t.clock.advance(29 * 60_000);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      t.clock.advance(29 * 60_000); // touched at minute 29: still alive at 58
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      t.clock.advance(31 * 60_000);
      const r = await c.get('/api/auth/me');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toBe('登录已超时,请重新登录');
    });

    it('refuses writes without the CSRF token and from another site', async () => {
      const c = await t.login('zs_org');
      const noToken = await c.request('POST', '/api/orgs', { parentId: 3, name: '新工会', kind: 'township' }, { 'x-csrf-token': '' });
      expect(noToken.statusCode).toBe(403);
      expect(noToken.json().error.code).toBe('CSRF_FAILED');
      const crossSite = await c.request('POST', '/api/orgs', { parentId: 3, name: '新工会', kind: 'township' }, { origin: 'https://evil.example' });
      expect(crossSite.statusCode).toBe(403);
      expect(crossSite.json().error.code).toBe('CSRF_FAILED');
      expect(await t.ctx.db.selectFrom('org').select('id').where('name', '=', '新工会').execute()).toEqual([]);
    });

    it('enforces the password rule when changing a password', async () => {
      const c = await t.login('hz_org');
      const weak = await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'abcdefgh' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().error.code).toBe('PASSWORD_WEAK');
      expect((await c.post('/api/auth/password', { oldPassword: 'Bad@old123', newPassword: 'Good@pass99' })).json().error.code).toBe('OLD_PASSWORD_WRONG');
      expect((await c.post('/api/auth/password', { oldPassword: PASSWORD, newPassword: 'Good@pass99' })).statusCode).toBe(200);
      expect((await t.anonymous().post('/api/auth/login', { username: 'hz_org', password: PASSWORD })).statusCode).toBe(401);
      await t.login('hz_org', 'Good@pass99');
    });

    it('sends security headers', async () => {
      const r = await t.anonymous().get('/api/health');
      expect(r.json()).toEqual({ status: 'ok', database: backend });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(String(r.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    });
  });
}

describe('login rate limit', () => {
  it('refuses the 4th login a minute from one address when the limit is 3', async () => {
    const t = await createTestApp('pglite', { loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.anonymous().post('/api/auth/login', { username: 'nobody', password: 'x' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const r = await t.anonymous().post('/api/auth/login', { username: 'zs_org', password: PASSWORD });
      expect(r.json().error).toEqual({ code: 'RATE_LIMITED', message: '请求过于频繁,请稍后再试' });
    } finally {
      await t.close();
    }
  });
});
