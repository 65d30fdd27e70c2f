// Attachments: upload a file (a photo or PDF of a bill, a certificate), get its
// id, then name it in the record that owns it. Officers of the owner's union
// (and those above) and the uploader may download it.
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { badRequest, fieldError, notFound } from '../core/errors.ts';
import { actorOf } from './auth.routes.ts';
import { ErrorResponses, IdParams } from './schemas.ts';
import { Scope, type Actor } from './scope.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ALLOWED: Record<string, string> = {
  '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp',
  '.doc': 'application/msword', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel', '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What the bytes say they are, checked against the name (a renamed .exe is not a PDF). */
function sniff(bytes: Buffer, ext: string): boolean {
  const head = bytes.subarray(0, 8).toString('hex');
  switch (ext) {
    case '.pdf': return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
    case '.jpg': case '.jpeg': return head.startsWith('ffd8ff');
    case '.png': return head === '89504e470d0a1a0a';
    case '.webp': return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
    case '.docx': case '.xlsx': return head.startsWith('504b0304');
    case '.doc': case '.xls': return head === 'd0cf11e0a1b11ae1';
    default: return false;
  }
}

export interface AttachmentView { id: number; fileName: string; mime: string; size: number; createdAt: string }

export async function saveAttachment(ctx: AppContext, actor: Actor, fileName: string, bytes: Buffer): Promise<AttachmentView> {
  const name = fileName.trim().replace(/[\\/]/g, '_').slice(0, 200);
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  const mime = ALLOWED[ext];
  if (!mime) throw fieldError('fileName', 'ATTACHMENT_TYPE', `不支持的文件类型「${ext || '无扩展名'}」,请上传 PDF、图片(JPG/PNG/WEBP)、Word 或 Excel 文件`, 'ATTACHMENT_TYPE');
  if (bytes.length === 0) throw badRequest('ATTACHMENT_EMPTY', '文件是空的');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw badRequest('ATTACHMENT_TOO_LARGE', `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  if (!sniff(bytes, ext)) throw badRequest('ATTACHMENT_CONTENT', `文件内容与扩展名「${ext}」不符`);
  const row = await ctx.db.insertInto('attachment').values({
    file_name: name, mime, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), content: bytes,
    org_id: actor.orgId, uploaded_by: actor.userId,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  return { id: row.id, fileName: name, mime, size: bytes.length, createdAt: row.created_at.toISOString() };
}

/**
 * Attach uploaded files to a record (inside the record's transaction). Only
 * files the actor uploaded and that belong to nothing yet can be attached.
 */
export async function claimAttachments(db: Kysely<DB>, actor: Actor, ids: number[], owner: { entity: string; id: number; orgId: number }): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.selectFrom('attachment').select(['id', 'uploaded_by', 'owner_entity']).where('id', 'in', ids).execute();
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r || r.uploaded_by !== actor.userId || (r.owner_entity && r.owner_entity !== owner.entity)) {
      throw fieldError('attachmentIds', 'ATTACHMENT_NOT_FOUND', `附件 ${id} 不存在或不是您上传的`, 'ATTACHMENT_NOT_FOUND');
    }
  }
  await db.updateTable('attachment').set({ owner_entity: owner.entity, owner_id: owner.id, org_id: owner.orgId }).where('id', 'in', ids).execute();
}

export async function listAttachments(db: Kysely<DB>, entity: string, ownerId: number): Promise<AttachmentView[]> {
  const rows = await db.selectFrom('attachment').select(['id', 'file_name', 'mime', 'size', 'created_at']).where('owner_entity', '=', entity).where('owner_id', '=', ownerId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, mime: r.mime, size: r.size, createdAt: r.created_at.toISOString() }));
}

export const AttachmentSchema = Type.Object({ id: Type.Integer(), fileName: Type.String(), mime: Type.String(), size: Type.Integer(), createdAt: Type.String() });

export async function attachmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  // Raw bodies: the file itself, with its name in the query.
  app.addContentTypeParser(['application/octet-stream', 'application/pdf', 'image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 }, (_req, body, done) => done(null, body));

  r.post('/api/attachments', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['attachments'], summary: '上传附件(请求体为文件本身,文件名放在 fileName 参数)',
      querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: AttachmentSchema, ...ErrorResponses },
    },
  }, async (req) => {
    if (!Buffer.isBuffer(req.body)) throw badRequest('ATTACHMENT_BODY', '请以 application/octet-stream 上传文件内容');
    return saveAttachment(ctx, actorOf(req), req.query.fileName, req.body);
  });

  r.get('/api/attachments/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['attachments'], summary: '下载附件(上传人,或附件所属工会及其上级的干部)', params: IdParams },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const a = await ctx.db.selectFrom('attachment as a').leftJoin('org as o', 'o.id', 'a.org_id').select(['a.file_name', 'a.mime', 'a.content', 'a.uploaded_by', 'o.path']).where('a.id', '=', req.params.id).executeTakeFirst();
    const officer = [...actor.permissions].some((p) => p.endsWith(':read'));
    const allowed = a && (a.uploaded_by === actor.userId || (officer && a.path && Scope.of(actor).contains(a.path)));
    if (!a || !allowed) throw notFound('ATTACHMENT_NOT_FOUND', '附件不存在或无权查看');
    reply.header('content-type', a.mime);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`);
    reply.header('x-content-type-options', 'nosniff');
    return reply.send(Buffer.from(a.content));
  });
}
