// HTTP plumbing shared by every route: the error format of api.md, Chinese
// validation messages, and the rule that every /api route names its access.
import crypto from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.ts';
import type { Access } from './policy.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its declared access (for the access test and docs). */
    apiRoutes: Array<{ method: string; url: string; access: Access }>;
  }
  interface FastifyContextConfig {
    /** Who may call the route: a permission, 'authenticated' or 'public'. */
    access?: Access;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, any>;
  message?: string;
}

function fieldName(e: AjvError): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (e.keyword === 'required') return base ? `${base}.${e.params.missingProperty}` : e.params.missingProperty;
  if (e.keyword === 'additionalProperties') return base ? `${base}.${e.params.additionalProperty}` : e.params.additionalProperty;
  return base || '(body)';
}

/** Chinese wording for JSON-schema validation failures. */
export function validationMessage(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required': return '必填';
    case 'type': return `类型应为${({ string: '文本', integer: '整数', number: '数字', boolean: '是/否', array: '列表', object: '对象' } as Record<string, string>)[p.type] ?? p.type}`;
    case 'minLength': return p.limit === 1 ? '不能为空' : `至少 ${p.limit} 个字符`;
    case 'maxLength': return `不能超过 ${p.limit} 个字符`;
    case 'minimum': return `不能小于 ${p.limit}`;
    case 'maximum': return `不能大于 ${p.limit}`;
    case 'exclusiveMinimum': return `必须大于 ${p.limit}`;
    case 'enum': return `应为以下之一: ${(p.allowedValues ?? []).join('、')}`;
    case 'const': return `应为 ${p.allowedValue}`;
    case 'pattern': return '格式不正确';
    case 'format': return ({ date: '日期格式应为 YYYY-MM-DD', 'date-time': '时间格式不正确', email: '邮箱格式不正确' } as Record<string, string>)[p.format] ?? '格式不正确';
    case 'minItems': return `至少 ${p.limit} 项`;
    case 'maxItems': return `最多 ${p.limit} 项`;
    case 'additionalProperties': return '不允许的字段';
    case 'anyOf': case 'oneOf': return '不符合任何允许的形式';
    default: return e.message ?? '不正确';
  }
}

export function sendError(reply: FastifyReply, status: number, code: string, message: string, details?: Record<string, unknown>) {
  const body: ErrorBody = { error: { code, message, ...(details ? { details } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return sendError(reply, err.status, err.code, err.message, err.details);
    }
    if (err.validation) {
      const where = err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '提交的数据';
      const fields = err.validation.map((e) => ({ field: fieldName(e), code: e.keyword.toUpperCase(), message: validationMessage(e) }));
      const summary = fields.map((f) => `${f.field}: ${f.message}`).join(';');
      return sendError(reply, 400, 'VALIDATION_FAILED', `${where}不正确: ${summary}`, { fields });
    }
    if (err.statusCode === 429) {
      return sendError(reply, 429, 'RATE_LIMITED', '请求过于频繁,请稍后再试');
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err.code?.startsWith('FST_ERR_CTP'))) {
      return sendError(reply, 400, 'BAD_REQUEST_BODY', '请求内容不是有效的 JSON');
    }
    if (err.statusCode === 413) {
      return sendError(reply, 413, 'PAYLOAD_TOO_LARGE', '上传内容过大');
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return sendError(reply, err.statusCode, 'BAD_REQUEST', '请求不正确');
    }
    const reference = crypto.randomBytes(4).toString('hex').toUpperCase();
    req.log.error({ err, reference }, 'unexpected error');
    return sendError(reply, 500, 'INTERNAL_ERROR', `服务器内部错误,请联系管理员并提供参考编号 ${reference}`, { reference });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api') {
      return sendError(reply, 404, 'NOT_FOUND', `接口不存在: ${req.method} ${req.url.split('?')[0]}`);
    }
    return sendError(reply, 404, 'NOT_FOUND', '页面不存在');
  });

  // Every API route must say who may call it; a route without `access` is a bug
  // that would otherwise fall open or shut by accident.
  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.method === 'HEAD' || (Array.isArray(route.method) && route.method.includes('HEAD'))) return;
    if (route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} does not declare config.access`);
    for (const method of [route.method].flat()) app.apiRoutes.push({ method, url: route.url, access: route.config.access });
  });
}
