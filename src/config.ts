// Settings read from the environment (api.md: PORT, DATA_DIR, DATABASE_URL,
// GONGHUI_ADMIN_PASSWORD, GONGHUI_DATA_KEY).
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  dataKey?: string;
  /** Minutes a session may sit idle before it ends. */
  sessionIdleMinutes: number;
  /** Serve the built web app from web/dist. */
  serveWeb: boolean;
  /** Seed demo data into an empty database. */
  demo: boolean;
  /** Secure cookies (behind HTTPS). */
  secureCookies: boolean;
  /** Login attempts allowed per minute from one address. */
  loginRateLimit: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.GONGHUI_ADMIN_PASSWORD || undefined,
    dataKey: env.GONGHUI_DATA_KEY || undefined,
    sessionIdleMinutes: Number(env.GONGHUI_SESSION_IDLE_MINUTES ?? 30),
    serveWeb: env.GONGHUI_SERVE_WEB !== '0',
    demo: env.GONGHUI_DEMO !== '0',
    secureCookies: env.GONGHUI_SECURE_COOKIES === '1',
    loginRateLimit: Number(env.GONGHUI_LOGIN_RATE_LIMIT ?? 10),
  };
}
