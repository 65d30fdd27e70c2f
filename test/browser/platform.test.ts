// The platform in a real browser: log in, choose a union in the tree, open the
// audit log. Each step takes a screenshot (test-results/screens/) to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { PASSWORD } from '../support/app.ts';
import type { Page } from 'playwright-core';

describe('the platform in Chromium', () => {
  let env: BrowserEnv;
  let page: Page;
  beforeAll(async () => {
    env = await startBrowserEnv();
    page = await env.newPage();
  });
  afterAll(() => env?.close());

  it('refuses a wrong password in Chinese, then logs in', async () => {
    await page.goto(env.baseUrl + '/');
    await page.waitForURL(/\/login/);
    await page.getByTestId('login-username').fill('zs_admin');
    await page.getByTestId('login-password').fill('Wrong@pass1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByText('用户名或密码错误').first().isVisible()).toBe(true);
    await env.shot(page, '01-login-wrong-password');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
    expect(await page.getByTestId('current-org').innerText()).toContain('舟山市总工会');
    await env.shot(page, '02-home');
  });

  it('shows every area in the menu, the unbuilt ones marked', async () => {
    const menu = await page.getByTestId('main-menu').innerText();
    for (const area of ['组织建设', '会员管理', '困难帮扶', '医疗互助', '权益维护', '建功立业', '普惠服务', '经费管理', '规范化建设', '统计分析', '系统管理']) {
      expect(menu).toContain(area);
    }
    expect(menu).toContain('建设中');
  });

  it('chooses a union in the tree, and the pages follow it', async () => {
    await page.goto(env.baseUrl + '/orgs');
    const tree = page.getByTestId('org-tree');
    await tree.getByText('舟山市总工会').first().waitFor();
    // Expand 舟山 if needed, then choose 定海区总工会.
    if (!(await tree.getByText('定海区总工会').first().isVisible().catch(() => false))) {
      await tree.locator('.ant-tree-switcher').first().click();
    }
    await tree.getByText('定海区总工会').first().click();
    await expect.poll(() => page.getByTestId('current-org').innerText()).toContain('定海区总工会');
    await expect.poll(() => page.url()).toContain('org=3');
    await page.getByText('昌国街道总工会').first().waitFor();
    await env.shot(page, '03-tree-dinghai');
    // The choice survives a reload.
    await page.reload();
    await expect.poll(() => page.getByTestId('current-org').innerText()).toContain('定海区总工会');
  });

  it('finds a union by name in the tree search', async () => {
    await page.getByTestId('org-tree-search').fill('普陀水产');
    const hit = page.getByTestId('org-tree-results').getByText('普陀水产有限公司工会委员会');
    await hit.waitFor();
    await env.shot(page, '04-tree-search');
    await hit.click();
    // Choosing the hit opens the tree down to it and makes it the current union.
    await expect.poll(() => page.getByTestId('current-org').innerText()).toBe('普陀水产有限公司工会委员会');
    await page.getByTestId('org-tree').getByText('沈家门街道总工会').first().waitFor();
    await env.shot(page, '04b-tree-search-chosen');
  });

  it('opens the audit log with the sign-ins on it and checks the chain', async () => {
    await page.goto(env.baseUrl + '/audit');
    const table = page.getByTestId('audit-table');
    await table.getByText('zs_admin').first().waitFor();
    expect(await table.innerText()).toMatch(/登录/);
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByText(/完整/).first().isVisible()).toBe(true);
    await env.shot(page, '05-audit-log');
  });

  it('switches to English', async () => {
    await page.getByTestId('lang-switch').click();
    await expect.poll(async () => (await page.getByTestId('main-menu').innerText()).includes('Organisation')).toBe(true);
    await env.shot(page, '06-english');
    await page.getByTestId('lang-switch').click();
  });

  it('shows the login page on a phone', async () => {
    const phone = await env.newPage({ width: 390, height: 844 });
    await phone.goto(env.baseUrl + '/login');
    await phone.getByTestId('login-submit').waitFor();
    const box = await phone.getByTestId('login-submit').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await env.shot(phone, '07-login-phone');
  });

  it('raised no console errors or CSP violations', () => {
    expect(env.errors).toEqual([]);
  });
});
