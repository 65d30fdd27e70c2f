// 一屏掌控 in Chromium: the figures on screen are the API's figures, the trend,
// breakdown and map render, and the work report downloads as Word.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { PASSWORD, T } from '../support/app.ts';
import { makeIdNumber } from '../../src/core/idnumber.ts';

describe('the dashboard in Chromium', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const zs = await env.t.login('zs_org');
    for (let i = 0; i < 5; i++) {
      const r = await zs.post('/api/members', { name: `职工${'甲乙丙丁戊'[i]}`, idNumber: makeIdNumber('330902', '1990-01-01', 200 + i), orgId: i < 3 ? T.donghaiBase : T.putuoBase, employmentForm: i === 4 ? 'courier' : 'full_time', joinDate: `202${2 + i}-03-01` });
      expect(r.statusCode).toBe(200);
    }
  });
  afterAll(() => env?.close());

  it('shows the API\'s figures for the province, with trend, breakdown and map', async () => {
    const page = await env.newPage({ width: 1440, height: 1000 });
    await page.goto(env.baseUrl + '/login');
    await page.getByTestId('login-username').fill('prov_leader');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('main-menu').waitFor();
    await page.goto(env.baseUrl + '/stats');
    const members = page.getByTestId('figure-membership.members');
    await members.waitFor();
    const leader = await env.t.login('prov_leader');
    const year = new Date().getFullYear();
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const s = (await leader.get(`/api/stats/summary?orgId=${T.province}&from=${year - 4}-01-01&to=${today}`)).json();
    const api = Object.fromEntries(s.areas.flatMap((a: { figures: Array<{ key: string; value: unknown }> }) => a.figures.map((f) => [f.key, f.value])));
    expect(api['membership.members']).toBe(5);
    expect(await members.innerText()).toContain('5人');
    expect(await page.getByTestId('figure-membership.joined').innerText()).toContain(`${api['membership.joined']}人`);
    await page.getByTestId('stats-map').locator('canvas').first().waitFor();
    await page.getByTestId('stats-breakdown').locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    await env.shot(page, 'stats-01-province');

    const download = page.waitForEvent('download');
    await page.getByTestId('report-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/浙江省总工会工作成绩单.*\.docx$/);

    // Drill down by choosing 舟山 in the tree: no map below the province.
    await page.getByTestId('org-tree').getByText('舟山市总工会').first().click();
    await expect.poll(() => page.getByTestId('current-org').innerText()).toBe('舟山市总工会');
    await expect.poll(async () => page.getByTestId('figure-membership.members').innerText()).toContain('5人');
    expect(await page.getByTestId('stats-map').count()).toBe(0);
    await env.shot(page, 'stats-02-zhoushan');
  });

  it('raised no console errors or CSP violations', () => {
    expect(env.errors).toEqual([]);
  });
});
