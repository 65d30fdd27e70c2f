import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, makeCreditCode, orgCodeCheckChar, parseCreditCode } from './creditcode.ts';

/** `code` with its 17th character replaced and the 18th recomputed, so only the organisation-code check is wrong. */
function withOrgCheckChar(code: string, orgCheck: string): string {
  const first17 = code.slice(0, 16) + orgCheck;
  return first17 + creditCodeCheckChar(first17);
}

function failureCode(raw: string): string | undefined {
  const result = parseCreditCode(raw);
  return result.ok ? undefined : result.code;
}

describe('creditCodeCheckChar (GB 32100, MOD 31-3)', () => {
  it('gives the check characters of published codes', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110000600037341')).toBe('L');
    expect(creditCodeCheckChar('9144030071526726X')).toBe('G');
    expect(creditCodeCheckChar('12440600MB2C07549')).toBe('J');
  });

  it('maps a remainder of 0 to the character 0', () => {
    // 31 - (sum mod 31) = 31 must become 0, not fall off the alphabet.
    const codes = Array.from({ length: 200 }, (_, seq) => makeCreditCode('330902', seq));
    expect(codes.some((code) => code.endsWith('0'))).toBe(true);
  });

  it('refuses anything but 17 code characters', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('gives the check characters of published organisation codes', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(orgCodeCheckChar('71526726')).toBe('X'); // 11 - sum mod 11 = 10
    expect(orgCodeCheckChar('MB2C0754')).toBe('9');
  });

  it('writes 11 as 0', () => {
    // weighted sum 0 → 11 - 0 = 11 → '0'
    expect(orgCodeCheckChar('00000000')).toBe('0');
  });
});

describe('parseCreditCode: valid codes', () => {
  it('reads the published example 91350100M000100Y43', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({
      ok: true,
      value: {
        code: '91350100M000100Y43',
        registrationDept: '9',
        orgType: '91',
        divisionCode: '350100',
        orgCode: 'M000100Y4',
        orgCodeValid: true,
      },
    });
  });

  it('reads the published example 91110000600037341L', () => {
    const result = parseCreditCode('91110000600037341L');
    expect(result.ok && result.value).toMatchObject({ divisionCode: '110000', orgCode: '600037341', orgCodeValid: true });
  });

  it('accepts other real codes, including a public institution (12)', () => {
    for (const code of ['9144030071526726XG', '91330100716105852F', '914403001922038216', '12440600MB2C07549J']) {
      expect(parseCreditCode(code).ok, code).toBe(true);
    }
  });

  it('normalises case, spaces and full-width characters', () => {
    for (const raw of [' 91350100m000100y43 ', '9135 0100 M000 100Y 43', '９１３５０１００Ｍ０００１００Ｙ４３']) {
      const result = parseCreditCode(raw);
      expect(result.ok && result.value.code).toBe('91350100M000100Y43');
    }
  });
});

describe('parseCreditCode: wrong codes', () => {
  it.each([
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['91350100M000100I43', 'I is not used'],
    ['91350100M000100O43', 'O is not used'],
    ['91350100M000100Z43', 'Z is not used'],
    ['91350100M000100S43', 'S is not used'],
    ['91350100M000100V43', 'V is not used'],
    ['9135010AM000100Y43', 'division must be digits'],
    ['91350100M000100Y4-', 'punctuation'],
    ['', 'empty'],
  ])('refuses %j (%s) with CREDIT_CODE_FORMAT', (raw) => {
    expect(parseCreditCode(raw)).toEqual({ ok: false, code: 'CREDIT_CODE_FORMAT', message: expect.stringContaining('18 位') });
  });

  it('refuses a wrong check character with CREDIT_CODE_CHECK', () => {
    expect(parseCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      code: 'CREDIT_CODE_CHECK',
      message: '统一社会信用代码校验位错误',
    });
    expect(failureCode('91110000600037341K')).toBe('CREDIT_CODE_CHECK');
  });

  it('catches one mistyped character and two swapped characters', () => {
    expect(failureCode('91350100M000100Y53')).toBe('CREDIT_CODE_CHECK');
    expect(failureCode('91110000600073341L')).toBe('CREDIT_CODE_CHECK');
  });

  it('refuses 91350203M0001QKT19, a real code from Xiamen issued before the rules settled (known limitation)', () => {
    expect(failureCode('91350203M0001QKT19')).toBe('CREDIT_CODE_CHECK');
  });
});

describe('parseCreditCode: organisation-code check', () => {
  it('refuses a wrong one in a code built on an old all-digit organisation code', () => {
    const code = withOrgCheckChar('91110000600037341L', '2');
    expect(parseCreditCode(code)).toEqual({
      ok: false,
      code: 'CREDIT_CODE_ORG_CHECK',
      message: '统一社会信用代码中的组织机构代码校验位错误',
    });
    // A social organisation (51) whose organisation code 50001234 should end in X.
    expect(failureCode(withOrgCheckChar('51330000500012347X', '7'))).toBe('CREDIT_CODE_ORG_CHECK');
    expect(failureCode(withOrgCheckChar('51330000500012347X', 'X'))).toBeUndefined();
  });

  it('only reports it for individual businesses (92), whose identifiers were never organisation codes', () => {
    const code = withOrgCheckChar('92330902123456780X', '1'); // 12345678 should end in 8
    const result = parseCreditCode(code);
    expect(result.ok && result.value.orgCodeValid).toBe(false);
  });

  it('only reports it for identifiers a registry assigned with letters', () => {
    const code = withOrgCheckChar('91350100M000100Y43', '5');
    const result = parseCreditCode(code);
    expect(result.ok && result.value).toMatchObject({ orgCode: 'M000100Y5', orgCodeValid: false });
  });

  it('only reports it for registries other than 1, 5 and 9', () => {
    const code = withOrgCheckChar('81330902600037341L', '2');
    const result = parseCreditCode(code);
    expect(result.ok && result.value.orgCodeValid).toBe(false);
  });
});

describe('makeCreditCode', () => {
  it('builds valid enterprise codes by default', () => {
    const code = makeCreditCode('330902', 1);
    expect(code).toBe('91330902MA00000153');
    expect(parseCreditCode(code)).toEqual({
      ok: true,
      value: {
        code,
        registrationDept: '9',
        orgType: '91',
        divisionCode: '330902',
        orgCode: 'MA0000015',
        orgCodeValid: true,
      },
    });
  });

  it('builds every kind, all valid with valid organisation codes', () => {
    for (const kind of ['91', '92', '93', '12', '81'] as const) {
      for (let seq = 0; seq < 300; seq++) {
        const code = makeCreditCode('330902', seq, kind);
        const result = parseCreditCode(code);
        expect(result.ok && result.value.orgType, code).toBe(kind);
        expect(result.ok && result.value.orgCodeValid, code).toBe(true);
      }
    }
  });

  it('gives different codes for different sequence numbers', () => {
    const codes = new Set(Array.from({ length: 500 }, (_, seq) => makeCreditCode('110105', seq)));
    expect(codes.size).toBe(500);
  });

  it('refuses bad input', () => {
    expect(() => makeCreditCode('33090', 1)).toThrow(RangeError);
    expect(() => makeCreditCode('330902', -1)).toThrow(RangeError);
    expect(() => makeCreditCode('330902', 1_000_000)).toThrow(RangeError);
    expect(() => makeCreditCode('330902', 0.5)).toThrow(RangeError);
  });
});
