// The HTTP application: plugins, security headers, the auth hook, every domain
// area's routes, the OpenAPI document and the built web app.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import type { AppContext } from './context.ts';
import { installErrorHandling, sendError } from './platform/http.ts';
import { authRoutes, installAuth } from './platform/auth.routes.ts';
import { userRoutes } from './platform/users.routes.ts';
import { auditRoutes } from './platform/audit.routes.ts';
import { jobRoutes } from './platform/jobs.ts';
import { attachmentRoutes } from './platform/attachments.ts';
import { orgRoutes } from './organisation/org.routes.ts';
import { membershipRoutes } from './membership/membership.routes.ts';
import { statsRoutes } from './statistics/stats.routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../web/dist');

/** Every domain area's routes. A new area adds its plugin here. */
const AREAS: Array<(app: FastifyInstance, ctx: AppContext) => Promise<void>> = [
  authRoutes,
  userRoutes,
  auditRoutes,
  jobRoutes,
  attachmentRoutes,
  orgRoutes,
  membershipRoutes,
  statsRoutes,
];

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  serveWeb?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: process.env.GONGHUI_TRUST_PROXY === '1',
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: true } },
  });

  installErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Plain http on a LAN address must keep working; behind HTTPS turn it on.
        upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: ctx.config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'gonghui 工会工作平台 API', version: '0.1.0', description: '错误格式: { "error": { "code", "message", "details" } }。金额为两位小数的十进制字符串(元)。列表的 orgId 包括其全部下级工会。' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  installAuth(app, ctx);

  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: '健康检查', response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) } },
  }, async () => {
    await ctx.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return { status: 'ok', database: ctx.dbKind };
  });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const area of AREAS) await area(app, ctx);

  const serveWeb = opts.serveWeb ?? ctx.config.serveWeb;
  if (serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
    // Client-side routes: anything that is not an API call or a file gets the app.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return sendError(reply, 404, 'NOT_FOUND', `接口不存在: ${req.method} ${req.url.split('?')[0]}`);
      return reply.sendFile('index.html');
    });
  }
  return app;
}
