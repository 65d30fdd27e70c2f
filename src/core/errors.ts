// Errors that carry an HTTP status, a stable machine code (UPPER_SNAKE) and a
// message shown to users (in Chinese). Everything in src/core reports
// problems with these, so the HTTP layer can turn any of them into a reply.

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function badRequest(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(400, code, message, details);
}

export function unauthorized(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(401, code, message, details);
}

export function forbidden(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(403, code, message, details);
}

export function notFound(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(404, code, message, details);
}

export function conflict(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(409, code, message, details);
}

/** The request is well formed but a business rule refuses it. */
export function ruleRefused(code: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(422, code, message, details);
}

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * A 400 error about one input field. `code` describes the field problem
 * (e.g. 'ID_NUMBER_CHECK_DIGIT'); `errorCode` is the error's own code.
 */
export function fieldError(field: string, code: string, message: string, errorCode = 'VALIDATION_FAILED'): AppError {
  const fields: FieldProblem[] = [{ field, code, message }];
  return new AppError(400, errorCode, message, { fields });
}

/** What the parse* functions of src/core return instead of throwing. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export function parsed<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function parseFailure<T = never>(code: string, message: string): ParseResult<T> {
  return { ok: false, code, message };
}

/** The parsed value, or a fieldError naming `field` with the failure's code and message. */
export function valueOrFieldError<T>(result: ParseResult<T>, field: string): T {
  if (result.ok) return result.value;
  throw fieldError(field, result.code, result.message);
}
