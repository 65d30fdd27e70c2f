// The one way the web app talks to the server: JSON in and out, the session
// cookie (same origin), the CSRF header on every unsafe request, and errors
// turned into ApiError with the server's Chinese message.

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Problems with single input fields (details.fields), if the server named any. */
  get fields(): FieldProblem[] {
    const f = this.details.fields;
    return Array.isArray(f) ? (f as FieldProblem[]).filter((x) => x && typeof x.field === 'string') : [];
  }
}

let csrfToken = '';
export function setCsrfToken(token: string) {
  csrfToken = token;
}

let onUnauthorized: (() => void) | null = null;
/** What to do when the session has ended (the app sends the user to /login). */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A 401 is an answer, not an ended session (login, the "who am I" probe). */
  expect401?: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path + queryString(opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器,请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    const apiError = err && typeof err === 'object'
      ? new ApiError(
          res.status,
          typeof err.code === 'string' ? err.code : 'ERROR',
          typeof err.message === 'string' ? err.message : `请求失败(${res.status})`,
          err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : {},
        )
      : new ApiError(res.status, 'HTTP_' + res.status, res.status >= 500 ? `服务器出错(${res.status}),请稍后再试` : `请求失败(${res.status})`);
    if (res.status === 401 && !opts.expect401) onUnauthorized?.();
    throw apiError;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

// ---- Shapes the server returns (see src/**/*.routes.ts) ----

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RoleRef {
  name: string;
  label: string;
  labelEn: string;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  org: { id: number; name: string; path: string };
  roles: RoleRef[];
  permissions: string[];
  memberId: number | null;
  csrfToken: string;
  scope: { orgId: number; orgName: string };
}

export interface Org {
  id: number;
  parentId: number | null;
  name: string;
  kind: string;
  kindLabel: string;
  divisionCode: string | null;
  path: string;
  depth: number;
  status: 'active' | 'dissolved' | string;
  establishedOn: string | null;
  dissolvedOn: string | null;
  dissolveReason: string | null;
  childCount: number;
}

export interface OrgKind {
  name: string;
  label: string;
  labelEn: string;
}

export interface OrgHistoryItem {
  id: number;
  at: string;
  effectiveOn: string;
  action: string;
  before: unknown;
  after: unknown;
  username: string | null;
}

export interface Role extends RoleRef {
  permissions: string[];
}

export interface User {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: string[];
  status: 'active' | 'disabled' | string;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  memberId: number | null;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  orgId: number | null;
  orgName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: unknown;
  ip: string | null;
  hash: string;
  prevHash: string;
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: number;
}
