// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, against
// the real app over a real database. Screenshots go to test-results/screens/
// for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { WEB_DIST } from '../../src/app.ts';
import { createTestApp, type TestApp } from './app.ts';

export const SCREENS = path.resolve('test-results/screens');

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error('Chromium not found: install Debian\'s chromium package (apt-get install chromium), or set CHROMIUM_PATH');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface BrowserEnv {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** Console errors and page errors seen so far (CSP violations included). */
  errors: string[];
  newPage(opts?: { width?: number; height?: number }): Promise<Page>;
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` first (npm test does)');
  const t = await createTestApp('pglite', { serveWeb: true });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  const errors: string[] = [];
  fs.mkdirSync(SCREENS, { recursive: true });
  return {
    t, baseUrl, browser, errors,
    async newPage(opts = {}) {
      const context = await browser.newContext({ viewport: { width: opts.width ?? 1440, height: opts.height ?? 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      // Chromium logs every 4xx/5xx response as a console error ("Failed to load
      // resource"); those are answers the page handles. Anything else (script
      // errors, CSP violations) is a defect.
      page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`console: ${m.text()}`));
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      return page;
    },
    async shot(page, name) {
      const file = path.join(SCREENS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
