import { describe, expect, it } from 'vitest';
import {
  idCheckChar,
  isCurrentDivisionPrefix,
  isPlausibleDivisionPrefix,
  makeIdNumber,
  parseIdNumber,
} from './idnumber.ts';

const TODAY = { today: new Date('2025-06-01T12:00:00+08:00') };

function failureCode(raw: string, opts = TODAY): string | undefined {
  const result = parseIdNumber(raw, opts);
  return result.ok ? undefined : result.code;
}

describe('idCheckChar (ISO 7064 MOD 11-2)', () => {
  it('gives the check characters of the examples published with GB 11643', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('gives 0-9 or X', () => {
    expect(idCheckChar('33090219900101123')).toBe('8');
    expect(idCheckChar('51021219700101001')).toBe('5');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it('reads the published example 11010519491231002X', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', sex: 'F' },
    });
  });

  it('accepts a lower-case x, spaces and full-width characters, and normalises them', () => {
    for (const raw of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ']) {
      const result = parseIdNumber(raw, TODAY);
      expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
    }
  });

  it('reads the sex from the 17th digit: odd is male', () => {
    const male = parseIdNumber('330902199001011238', TODAY);
    expect(male.ok && male.value.sex).toBe('M');
    const female = parseIdNumber(makeIdNumber('330902', '1990-01-01', 124), TODAY);
    expect(female.ok && female.value.sex).toBe('F');
  });

  it('accepts the division codes of places that no longer exist', () => {
    // Chongqing before 1997 (5102xx) and Chaohu before 2011 (3425xx): the numbers are for life.
    expect(parseIdNumber('510212197001010015', TODAY).ok).toBe(true);
    expect(parseIdNumber('342501198503150028', TODAY).ok).toBe(true);
  });

  it('accepts residence permits of Hong Kong, Macao and Taiwan residents', () => {
    expect(parseIdNumber('810000198001010022', TODAY).ok).toBe(true);
  });

  it('accepts someone born today and someone exactly 120', () => {
    expect(parseIdNumber(makeIdNumber('330902', '2025-06-01', 1), TODAY).ok).toBe(true);
    expect(parseIdNumber(makeIdNumber('330902', '1905-06-01', 1), TODAY).ok).toBe(true);
  });

  it('uses the China date: 2025-06-01 has begun in Beijing at 16:00 UTC on 31 May', () => {
    const bornJune1 = makeIdNumber('330902', '2025-06-01', 1);
    expect(parseIdNumber(bornJune1, { today: new Date('2025-05-31T16:00:00Z') }).ok).toBe(true);
    expect(failureCode(bornJune1, { today: new Date('2025-05-31T15:59:59Z') })).toBe('ID_NUMBER_BIRTH_DATE');
  });
});

describe('parseIdNumber: wrong numbers', () => {
  it('refuses the published example 440524188001010014 for its birth year, though its check digit is right', () => {
    const result = parseIdNumber('440524188001010014', TODAY);
    expect(result).toEqual({ ok: false, code: 'ID_NUMBER_BIRTH_DATE', message: '公民身份号码中的出生日期不正确' });
  });

  it.each([
    ['11010519491231002', 'too short'],
    ['11010519491231002X1', 'too long'],
    ['110105194912310', 'old 15-digit number'],
    ['1101051949123100X2', 'X not at the end'],
    ['11010519491231002Y', 'letter other than X'],
    ['', 'empty'],
  ])('refuses %j (%s) with ID_NUMBER_FORMAT', (raw) => {
    const result = parseIdNumber(raw, TODAY);
    expect(result).toEqual({ ok: false, code: 'ID_NUMBER_FORMAT', message: expect.stringContaining('18 位') });
  });

  it('refuses values that are not strings', () => {
    expect(failureCode(11010519491231 as unknown as string)).toBe('ID_NUMBER_FORMAT');
  });

  it('refuses a wrong check character with ID_NUMBER_CHECK_DIGIT', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({
      ok: false,
      code: 'ID_NUMBER_CHECK_DIGIT',
      message: '公民身份号码校验位错误',
    });
    expect(failureCode('440524188001010015')).toBe('ID_NUMBER_CHECK_DIGIT');
  });

  it('catches one mistyped digit and two swapped digits', () => {
    expect(failureCode('11010519491231012X')).toBe('ID_NUMBER_CHECK_DIGIT');
    expect(failureCode('11010519491213002X')).toBe('ID_NUMBER_CHECK_DIGIT');
  });

  it('refuses an unknown province with ID_NUMBER_DIVISION', () => {
    expect(parseIdNumber('990101199001010019', TODAY)).toEqual({
      ok: false,
      code: 'ID_NUMBER_DIVISION',
      message: '公民身份号码的地址码不正确',
    });
    expect(failureCode('00010119900101001X')).toBe('ID_NUMBER_DIVISION');
    // 71 is Taiwan in GB/T 2260, but residence permits use 830000.
    expect(failureCode('71000019800101000' + idCheckChar('71000019800101000'))).toBe('ID_NUMBER_DIVISION');
  });

  it('refuses impossible and implausible birth dates with ID_NUMBER_BIRTH_DATE', () => {
    const withDate = (yyyymmdd: string) => {
      const first17 = `330902${yyyymmdd}001`;
      return first17 + idCheckChar(first17);
    };
    expect(failureCode(withDate('19900230'))).toBe('ID_NUMBER_BIRTH_DATE'); // 30 February
    expect(failureCode(withDate('19901301'))).toBe('ID_NUMBER_BIRTH_DATE'); // month 13
    expect(failureCode(withDate('19900100'))).toBe('ID_NUMBER_BIRTH_DATE'); // day 0
    expect(failureCode(withDate('19230229'))).toBe('ID_NUMBER_BIRTH_DATE'); // 1923 is not a leap year
    expect(failureCode(withDate('20250602'))).toBe('ID_NUMBER_BIRTH_DATE'); // tomorrow
    expect(failureCode(withDate('20990101'))).toBe('ID_NUMBER_BIRTH_DATE'); // future
    expect(failureCode(withDate('18991231'))).toBe('ID_NUMBER_BIRTH_DATE'); // before 1900
    expect(failureCode(withDate('19040602'))).toBeUndefined(); // 120, 121 tomorrow
    expect(failureCode(withDate('19040601'))).toBe('ID_NUMBER_BIRTH_DATE'); // 121 today: 120 is the most
  });
});

describe('division prefixes', () => {
  it('plausible: any real province', () => {
    expect(isPlausibleDivisionPrefix('330902')).toBe(true);
    expect(isPlausibleDivisionPrefix('510212')).toBe(true);
    expect(isPlausibleDivisionPrefix('820000')).toBe(true);
    expect(isPlausibleDivisionPrefix('990101')).toBe(false);
    expect(isPlausibleDivisionPrefix('33090')).toBe(false);
  });

  it('current: county code, prefecture + 00/01, province + 0000', () => {
    expect(isCurrentDivisionPrefix('110105')).toBe(true); // 朝阳区
    expect(isCurrentDivisionPrefix('330902')).toBe(true); // 定海区
    expect(isCurrentDivisionPrefix('330900')).toBe(true); // 舟山市
    expect(isCurrentDivisionPrefix('330901')).toBe(true); // 舟山市市辖区
    expect(isCurrentDivisionPrefix('330000')).toBe(true); // 浙江省
    expect(isCurrentDivisionPrefix('330999')).toBe(false);
    expect(isCurrentDivisionPrefix('510212')).toBe(false); // old Chongqing code
    expect(isCurrentDivisionPrefix('990000')).toBe(false);
  });
});

describe('makeIdNumber', () => {
  it('builds numbers that parse back to what went in', () => {
    const idNumber = makeIdNumber('330902', '1990-01-01', 123);
    expect(idNumber).toBe('330902199001011238');
    expect(parseIdNumber(idNumber, TODAY)).toEqual({
      ok: true,
      value: { idNumber, divisionCode: '330902', birthDate: '1990-01-01', sex: 'M' },
    });
  });

  it('pads the sequence number and makes even numbers women', () => {
    const idNumber = makeIdNumber('110105', '1985-03-15', 2);
    expect(idNumber.slice(14, 17)).toBe('002');
    const result = parseIdNumber(idNumber, TODAY);
    expect(result.ok && result.value.sex).toBe('F');
  });

  it('can produce an X check character', () => {
    const withX = Array.from({ length: 1000 }, (_, seq) => makeIdNumber('330902', '1990-01-01', seq)).filter((n) =>
      n.endsWith('X'),
    );
    expect(withX.length).toBeGreaterThan(0);
    for (const n of withX) expect(parseIdNumber(n, TODAY).ok).toBe(true);
  });

  it('refuses bad input', () => {
    expect(() => makeIdNumber('990101', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('330902', '1990-02-30', 1)).toThrow();
    expect(() => makeIdNumber('330902', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('330902', '1990-01-01', -1)).toThrow(RangeError);
    expect(() => makeIdNumber('330902', '1990-01-01', 1.5)).toThrow(RangeError);
  });
});
