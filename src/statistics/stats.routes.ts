// /api/stats and /api/reports: every figure of a union's subtree for a period,
// the dashboard's comparisons, breakdowns and trends, and the work report as
// JSON, Word or Excel.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context.ts';
import { inTransaction } from '../db/tx.ts';
import { notFound } from '../core/errors.ts';
import { ErrorResponses, IsoDate, StringEnum } from '../platform/schemas.ts';
import { actorOf } from '../platform/auth.routes.ts';
import { auditActor, recordAudit } from '../platform/audit.ts';
import { startJob } from '../platform/jobs.ts';
import type { Actor } from '../platform/scope.ts';
import * as stats from './stats.service.ts';
import { buildReport } from './report.ts';
import { reportDocx, reportXlsx } from './report.files.ts';

const FigureSchema = Type.Object({
  key: Type.String(), label: Type.String(), unit: Type.String(), value: Type.Union([Type.Number(), Type.String(), Type.Null()]),
  kind: Type.String(), definition: Type.String(),
});
const AreaSchema = Type.Object({ area: Type.String(), label: Type.String(), figures: Type.Array(FigureSchema) });
const OrgRef = Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), divisionCode: Type.Union([Type.String(), Type.Null()]) });
const SummarySchema = Type.Object({ org: OrgRef, from: Type.String(), to: Type.String(), areas: Type.Array(AreaSchema) });
const PeriodQuery = { orgId: Type.Optional(Type.Integer({ minimum: 1, description: '工会组织 id;包括其全部下级' })), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) };

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

async function renderReport(ctx: AppContext, actor: Actor, q: { orgId?: number; from?: string; to?: string }, format: 'json' | 'docx' | 'xlsx') {
  const s = await stats.summary(ctx, actor, q);
  const report = buildReport(s);
  await inTransaction(ctx.db, (trx) => recordAudit(trx, auditActor(actor), { action: 'export', entity: 'work_report', entityId: s.org.id, orgId: s.org.id, detail: { from: s.from, to: s.to, format } }));
  if (format === 'json') return { report, file: null };
  const file = format === 'docx' ? await reportDocx(report) : await reportXlsx(report);
  return { report, file };
}

function sendFile(reply: FastifyReply, name: string, format: 'docx' | 'xlsx', file: Buffer) {
  reply.header('content-type', MIME[format]);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}.${format}`);
  return reply.send(file);
}

/** Finished report files of jobs, kept in memory for an hour for their starter. */
const files = new Map<string, { userId: number; name: string; format: 'docx' | 'xlsx'; file: Buffer; at: number }>();

export async function statsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/api/stats/summary', {
    config: { access: 'stats:read' },
    schema: { tags: ['stats'], summary: '一个工会及其全部下级在一个期间的全部指标(各含口径)', querystring: Type.Object(PeriodQuery), response: { 200: SummarySchema, ...ErrorResponses } },
  }, async (req) => stats.summary(ctx, actorOf(req), req.query));

  r.get('/api/stats/dashboard', {
    config: { access: 'stats:read' },
    schema: { tags: ['stats'], summary: '一屏掌控:本期与上一同长期间的全部指标', querystring: Type.Object(PeriodQuery), response: { 200: Type.Object({ current: SummarySchema, previous: SummarySchema }), ...ErrorResponses } },
  }, async (req) => stats.summaryWithPrevious(ctx, actorOf(req), req.query));

  r.get('/api/stats/breakdown', {
    config: { access: 'stats:read' },
    schema: {
      tags: ['stats'], summary: '某一指标按直接下级工会分解', querystring: Type.Object({ ...PeriodQuery, key: Type.String({ minLength: 3, maxLength: 80 }) }),
      response: { 200: Type.Object({ org: Type.Object({ id: Type.Integer(), name: Type.String() }), from: Type.String(), to: Type.String(), key: Type.String(), label: Type.String(), unit: Type.String(), items: Type.Array(Type.Object({ orgId: Type.Integer(), name: Type.String(), kind: Type.String(), divisionCode: Type.Union([Type.String(), Type.Null()]), value: Type.Union([Type.Number(), Type.String(), Type.Null()]) })) }), ...ErrorResponses },
    },
  }, async (req) => stats.breakdown(ctx, actorOf(req), req.query));

  r.get('/api/stats/trend', {
    config: { access: 'stats:read' },
    schema: {
      tags: ['stats'], summary: '某一指标按月或按年的走势', querystring: Type.Object({ ...PeriodQuery, key: Type.String({ minLength: 3, maxLength: 80 }), by: Type.Optional(StringEnum(['month', 'year'] as const)) }),
      response: { 200: Type.Object({ org: Type.Object({ id: Type.Integer(), name: Type.String() }), from: Type.String(), to: Type.String(), key: Type.String(), label: Type.String(), unit: Type.String(), kind: Type.String(), points: Type.Array(Type.Object({ period: Type.String(), from: Type.String(), to: Type.String(), value: Type.Union([Type.Number(), Type.String(), Type.Null()]) })) }), ...ErrorResponses },
    },
  }, async (req) => stats.trend(ctx, actorOf(req), req.query));

  r.get('/api/reports/work-report', {
    config: { access: 'stats:read' },
    schema: {
      tags: ['stats'], summary: '工作成绩单:JSON、Word (.docx) 或 Excel (.xlsx);async=true 时作为后台任务生成',
      querystring: Type.Object({ ...PeriodQuery, format: Type.Optional(StringEnum(['json', 'docx', 'xlsx'] as const)), async: Type.Optional(Type.Boolean()) }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const format = req.query.format ?? 'json';
    if (req.query.async && format !== 'json') {
      const job = await startJob(ctx, actor, 'work-report', async (h) => {
        await h.progress(0.1, '汇总指标');
        const { report, file } = await renderReport(ctx, actor, req.query, format);
        await h.progress(0.9, '生成文件');
        files.set(h.id, { userId: actor.userId, name: report.title, format, file: file!, at: Date.now() });
        for (const [k, v] of files) if (Date.now() - v.at > 3_600_000) files.delete(k);
        return { download: `/api/reports/files/${h.id}`, title: report.title };
      });
      return reply.status(202).send(job);
    }
    const { report, file } = await renderReport(ctx, actor, req.query, format);
    if (format === 'json') return report;
    return sendFile(reply, report.title, format, file!);
  });

  r.get('/api/reports/files/:id', {
    config: { access: 'stats:read' },
    schema: { tags: ['stats'], summary: '下载后台生成的成绩单文件', params: Type.Object({ id: Type.String({ format: 'uuid' }) }) },
  }, async (req, reply) => {
    const f = files.get(req.params.id);
    if (!f || f.userId !== actorOf(req).userId) throw notFound('REPORT_FILE_NOT_FOUND', '文件不存在或已过期,请重新生成');
    return sendFile(reply, f.name, f.format, f.file);
  });
}
