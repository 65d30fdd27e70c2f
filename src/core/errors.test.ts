import { describe, expect, it } from 'vitest';
import {
  AppError,
  badRequest,
  conflict,
  fieldError,
  forbidden,
  isAppError,
  notFound,
  parseFailure,
  parsed,
  ruleRefused,
  unauthorized,
  valueOrFieldError,
} from './errors.ts';

describe('AppError', () => {
  it('is an Error carrying status, code, message and details', () => {
    const error = new AppError(418, 'TEAPOT', '我是茶壶', { pot: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AppError);
    expect(error.name).toBe('AppError');
    expect(error.status).toBe(418);
    expect(error.code).toBe('TEAPOT');
    expect(error.message).toBe('我是茶壶');
    expect(error.details).toEqual({ pot: 1 });
    expect(error.stack).toContain('AppError');
  });

  it('has no details unless given', () => {
    expect(new AppError(400, 'X', 'x').details).toBeUndefined();
    expect(JSON.parse(JSON.stringify({ ...new AppError(400, 'X', 'x') }))).toEqual({ name: 'AppError', status: 400, code: 'X' });
  });

  it('is recognised by isAppError, plain errors are not', () => {
    expect(isAppError(badRequest('X', 'x'))).toBe(true);
    expect(isAppError(new Error('x'))).toBe(false);
    expect(isAppError({ status: 400, code: 'X', message: 'x' })).toBe(false);
  });
});

describe('status helpers', () => {
  it.each([
    [badRequest, 400],
    [unauthorized, 401],
    [forbidden, 403],
    [notFound, 404],
    [conflict, 409],
    [ruleRefused, 422],
  ] as const)('%o gives status %i', (make, status) => {
    const error = make('SOME_CODE', '出错了', { id: 7 });
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(status);
    expect(error.code).toBe('SOME_CODE');
    expect(error.message).toBe('出错了');
    expect(error.details).toEqual({ id: 7 });
  });
});

describe('fieldError', () => {
  it('is a 400 VALIDATION_FAILED naming the field', () => {
    const error = fieldError('idNumber', 'ID_NUMBER_CHECK_DIGIT', '公民身份号码校验位错误');
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('公民身份号码校验位错误');
    expect(error.details).toEqual({
      fields: [{ field: 'idNumber', code: 'ID_NUMBER_CHECK_DIGIT', message: '公民身份号码校验位错误' }],
    });
  });

  it('takes another error code when given', () => {
    expect(fieldError('phone', 'PHONE_FORMAT', '手机号码格式不正确', 'PHONE_FORMAT').code).toBe('PHONE_FORMAT');
  });
});

describe('parse results', () => {
  it('valueOrFieldError returns the value of a success', () => {
    expect(valueOrFieldError(parsed(42), 'n')).toBe(42);
  });

  it('valueOrFieldError throws a field error for a failure', () => {
    try {
      valueOrFieldError(parseFailure('PHONE_FORMAT', '手机号码格式不正确'), 'mobile');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      expect((error as AppError).details).toEqual({
        fields: [{ field: 'mobile', code: 'PHONE_FORMAT', message: '手机号码格式不正确' }],
      });
    }
  });
});
