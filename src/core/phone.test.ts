import { describe, expect, it } from 'vitest';
import { isMobile, parsePhone } from './phone.ts';

describe('parsePhone: mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['19912345678', '19912345678'],
    ['16612345678', '16612345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['(+86) 138-1234-5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('normalises %j to %s', (raw, phone) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value: phone });
  });

  it.each([
    ['12812345678', 'second digit 2'],
    ['10012345678', 'second digit 0'],
    ['1381234567', '10 digits'],
    ['138123456789', '12 digits'],
    ['23812345678', 'does not start with 1'],
    ['1381234567a', 'letter'],
    ['+1 3812345678', 'another country'],
    ['+85 13812345678', 'another country code'],
    ['0574-87654321', 'landline, not allowed by default'],
    ['', 'empty'],
  ])('refuses %j (%s) with PHONE_FORMAT', (raw) => {
    expect(parsePhone(raw)).toEqual({ ok: false, code: 'PHONE_FORMAT', message: '手机号码格式不正确' });
  });

  it('refuses values that are not strings', () => {
    expect(parsePhone(13812345678 as unknown as string).ok).toBe(false);
  });
});

describe('parsePhone: landlines', () => {
  const opts = { allowLandline: true };

  it.each([
    ['0580-1234567', '0580-1234567'], // 舟山, 7-digit local number
    ['0574-87654321', '0574-87654321'], // 宁波, 8-digit local number
    ['057487654321', '0574-87654321'],
    ['(0574) 8765 4321', '0574-87654321'],
    ['010-65123456', '010-65123456'], // 北京: three-digit area code
    ['02161234567', '021-61234567'], // 上海
    ['020 3812 3456', '020-38123456'], // 广州
    ['+86 574 87654321', '0574-87654321'], // from abroad, no trunk 0
    ['+86 10 65123456', '010-65123456'],
  ])('normalises %j to %s', (raw, phone) => {
    expect(parsePhone(raw, opts)).toEqual({ ok: true, value: phone });
  });

  it('still takes mobile numbers', () => {
    expect(parsePhone('+86 138 1234 5678', opts)).toEqual({ ok: true, value: '13812345678' });
  });

  it.each([
    ['0574-0765432', 'local number starts with 0'],
    ['0574-876543', 'local number too short'],
    ['0574-876543210', 'local number too long'],
    ['574-87654321', 'no trunk 0'],
    ['0574', 'area code only'],
  ])('refuses %j (%s) with PHONE_FORMAT', (raw) => {
    expect(parsePhone(raw, opts)).toEqual({
      ok: false,
      code: 'PHONE_FORMAT',
      message: '电话号码格式不正确,应为手机号码或带区号的固定电话',
    });
  });
});

describe('isMobile', () => {
  it('tells normalised mobile numbers from landlines', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('0574-87654321')).toBe(false);
    expect(isMobile('+8613812345678')).toBe(false);
  });
});
