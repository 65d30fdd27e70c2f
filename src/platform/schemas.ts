// Schemas shared by routes: the error body, list paging, ids.
import { Type, type TSchema } from 'typebox';

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'stable UPPER_SNAKE code' }),
    message: Type.String({ description: 'Chinese, for a person' }),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
});

export const ErrorResponses = {
  400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody,
};

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  orgId: Type.Optional(Type.Integer({ minimum: 1, description: '工会组织 id;包括其下级' })),
};

export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
}

export const Ok = Type.Object({ ok: Type.Boolean() });

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Money = Type.String({ pattern: '^-?\\d+(\\.\\d{1,2})?$', description: '元,两位小数的十进制字符串' });

export function paging(q: { page?: number; pageSize?: number }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** A string that must be one of `values` (one JSON-schema enum, one clear error). */
export function StringEnum<const T extends readonly string[]>(values: T, opts: { description?: string } = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });
}
