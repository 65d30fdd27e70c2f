// Long work (imports, exports, big reports) runs as a job: the request answers
// 202 with the job, and GET /api/jobs/:id reports status and progress.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../core/errors.ts';
import { actorOf } from './auth.routes.ts';
import { ErrorResponses } from './schemas.ts';
import type { Actor } from './scope.ts';

export interface JobHandle {
  id: string;
  /** Report progress (0..1) with an optional message; cheap to call often. */
  progress(fraction: number, message?: string): Promise<void>;
}

export interface JobView {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  message: string | null;
  result: unknown;
  error: unknown;
  createdAt: string;
  finishedAt: string | null;
}

const running = new Set<Promise<unknown>>();

/** Start work in the background; returns at once with the queued job. */
export async function startJob(ctx: AppContext, actor: Actor | null, kind: string, work: (job: JobHandle) => Promise<unknown>): Promise<JobView> {
  const id = crypto.randomUUID();
  await ctx.db.insertInto('job').values({ id, kind, user_id: actor?.userId ?? null, org_id: actor?.orgId ?? null }).execute();
  let lastWrite = 0;
  const handle: JobHandle = {
    id,
    async progress(fraction, message) {
      const now = Date.now();
      if (now - lastWrite < 250 && fraction < 1) return;
      lastWrite = now;
      await ctx.db.updateTable('job').set({ progress: Math.max(0, Math.min(1, fraction)), message: message ?? null }).where('id', '=', id).execute();
    },
  };
  const task = (async () => {
    await ctx.db.updateTable('job').set({ status: 'running', started_at: new Date() }).where('id', '=', id).execute();
    try {
      const result = await work(handle);
      await ctx.db.updateTable('job').set({ status: 'done', progress: 1, result: JSON.stringify(result ?? null), finished_at: new Date() }).where('id', '=', id).execute();
    } catch (err) {
      const error = err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'INTERNAL_ERROR', message: `任务失败: ${(err as Error).message}` };
      await ctx.db.updateTable('job').set({ status: 'failed', error: JSON.stringify(error), finished_at: new Date() }).where('id', '=', id).execute().catch(() => {});
    }
  })();
  running.add(task);
  void task.finally(() => running.delete(task));
  return getJobRow(ctx, id);
}

/** Wait for every job in flight (shutdown, tests). */
export async function drainJobs(): Promise<void> {
  while (running.size) await Promise.allSettled([...running]);
}

async function getJobRow(ctx: AppContext, id: string): Promise<JobView> {
  const j = await ctx.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  if (!j) throw notFound('JOB_NOT_FOUND', '任务不存在');
  return {
    id: j.id, kind: j.kind, status: j.status, progress: j.progress, message: j.message, result: j.result, error: j.error,
    createdAt: j.created_at.toISOString(), finishedAt: j.finished_at?.toISOString() ?? null,
  };
}

export const JobSchema = Type.Object({
  id: Type.String(), kind: Type.String(), status: Type.String(), progress: Type.Number(), message: Type.Union([Type.String(), Type.Null()]),
  result: Type.Unknown(), error: Type.Unknown(), createdAt: Type.String(), finishedAt: Type.Union([Type.String(), Type.Null()]),
});

export async function jobRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/jobs/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['jobs'], summary: '后台任务的状态与进度', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: JobSchema, ...ErrorResponses } },
  }, async (req) => {
    const actor = actorOf(req);
    const job = await ctx.db.selectFrom('job').select(['user_id']).where('id', '=', req.params.id).executeTakeFirst();
    // A job's result is its starter's: others are told it does not exist.
    if (!job || job.user_id !== actor.userId) throw notFound('JOB_NOT_FOUND', '任务不存在');
    return getJobRow(ctx, req.params.id);
  });
}
