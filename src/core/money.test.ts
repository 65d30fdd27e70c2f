import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import {
  divRound,
  formatChineseAmount,
  formatChineseCount,
  formatYuan,
  formatYuanCN,
  MAX_FEN,
  maxFen,
  minFen,
  mulRatio,
  parseYuan,
  sumFen,
} from './money.ts';

function expectAppError(run: () => unknown, code: string, message: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toBe(message);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('parseYuan: text', () => {
  it.each([
    ['347.50', 34750n],
    ['347.5', 34750n],
    ['347', 34700n],
    ['0.05', 5n],
    ['0', 0n],
    ['-12.30', -1230n],
    ['-0.01', -1n],
    ['+8.00', 800n],
    ['1,234.56', 123456n],
    ['12,345,678', 1234567800n],
    [' 100.00 ', 10000n],
    ['３４７．５', 34750n],
    ['3475000', 347500000n],
    ['-0', 0n],
  ])('%j is %s fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each([
    '347.505', // more than two decimals
    '0.001',
    '347.',
    '.5',
    '1,23.45', // bad grouping
    '1234,567',
    '12,34',
    '1.234,56', // European style
    '¥347.50',
    '347.50元',
    '1e3',
    'NaN',
    '--1',
    '',
    ' ',
    '9223372036854775808', // more than a bigint column holds
  ])('refuses %j with MONEY_FORMAT', (text) => {
    expectAppError(() => parseYuan(text), 'MONEY_FORMAT', '金额格式不正确');
  });
});

describe('parseYuan: numbers', () => {
  it('accepts integers and numbers that print with at most two decimals', () => {
    expect(parseYuan(347)).toBe(34700n);
    expect(parseYuan(347.5)).toBe(34750n);
    expect(parseYuan(347.55)).toBe(34755n);
    expect(parseYuan(-12.3)).toBe(-1230n);
    expect(parseYuan(0.1)).toBe(10n);
    expect(parseYuan(-0)).toBe(0n);
    expect(parseYuan(3475000)).toBe(347500000n);
  });

  it.each([
    [0.1 + 0.2, 'binary noise 0.30000000000000004'],
    [1.005, 'three decimals'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [1e21, 'prints as 1e+21'],
    [2 ** 53, 'beyond safe integers'],
    [5e-7, 'prints as 5e-7'],
  ])('refuses %s (%s)', (value) => {
    expectAppError(() => parseYuan(value), 'MONEY_FORMAT', '金额格式不正确');
  });
});

describe('parseYuan: bigint', () => {
  it('takes a bigint as whole yuan', () => {
    expect(parseYuan(347n)).toBe(34700n);
    expect(parseYuan(-5n)).toBe(-500n);
  });

  it('refuses one too large for a bigint column', () => {
    expectAppError(() => parseYuan(MAX_FEN), 'MONEY_FORMAT', '金额格式不正确');
  });

  it('refuses other types', () => {
    expectAppError(() => parseYuan(null as unknown as string), 'MONEY_FORMAT', '金额格式不正确');
  });
});

describe('formatYuan and formatYuanCN', () => {
  it('always writes two decimals', () => {
    expect(formatYuan(34750n)).toBe('347.50');
    expect(formatYuan(34700n)).toBe('347.00');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(0n)).toBe('0.00');
    expect(formatYuan(-1230n)).toBe('-12.30');
    expect(formatYuan(-1n)).toBe('-0.01');
    expect(formatYuan(123456789n)).toBe('1234567.89');
  });

  it('round-trips with parseYuan', () => {
    for (const text of ['347.50', '0.05', '-12.30', '99999999.99', '0.00']) expect(formatYuan(parseYuan(text))).toBe(text);
  });

  it('groups thousands for display', () => {
    expect(formatYuanCN(1234000n)).toBe('12,340.00');
    expect(formatYuanCN(123456789n)).toBe('1,234,567.89');
    expect(formatYuanCN(99999n)).toBe('999.99');
    expect(formatYuanCN(100000n)).toBe('1,000.00');
    expect(formatYuanCN(-123456789n)).toBe('-1,234,567.89');
    expect(formatYuanCN(0n)).toBe('0.00');
  });
});

describe('divRound and mulRatio', () => {
  it('rounds halves away from zero, or truncates', () => {
    expect(divRound(5n, 2n)).toBe(3n);
    expect(divRound(-5n, 2n)).toBe(-3n);
    expect(divRound(4n, 3n)).toBe(1n);
    expect(divRound(5n, 3n)).toBe(2n);
    expect(divRound(5n, 2n, 'down')).toBe(2n);
    expect(divRound(-5n, 2n, 'down')).toBe(-2n);
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  it('multiplies by decimal ratios and percentages exactly', () => {
    expect(mulRatio(34750n, '0.5')).toBe(17375n);
    expect(mulRatio(34750n, '50%')).toBe(17375n);
    expect(mulRatio(10000n, '12.5%')).toBe(1250n);
    expect(mulRatio(10000n, '1')).toBe(10000n);
    expect(mulRatio(10000n, '1.5')).toBe(15000n);
    expect(mulRatio(10000n, '0')).toBe(0n);
    // 2% of a member's 4,321.00 yuan wage: 86.42 yuan (union dues style)
    expect(mulRatio(parseYuan('4321.00'), '2%')).toBe(8642n);
  });

  it('rounds the result to whole fen', () => {
    expect(mulRatio(1n, '0.5')).toBe(1n); // 0.5 fen → 1 fen
    expect(mulRatio(1n, '0.5', 'down')).toBe(0n);
    expect(mulRatio(12345n, '0.5%')).toBe(62n); // 61.725 → 62
    expect(mulRatio(12345n, '0.5%', 'down')).toBe(61n);
    expect(mulRatio(-12345n, '0.5%')).toBe(-62n);
    expect(mulRatio(100n, '0.333333')).toBe(33n);
  });

  it('is exact where floats are not', () => {
    // 1.15 * 100 = 114.99999999999999 in floating point
    expect(mulRatio(115n, '1')).toBe(115n);
    expect(mulRatio(parseYuan('0.07'), '100')).toBe(700n);
  });

  it.each(['', 'abc', '0.5.5', '%', '50 %%', '1/3', '.5'])('refuses ratio %j with RATIO_FORMAT', (ratio) => {
    expectAppError(() => mulRatio(100n, ratio), 'RATIO_FORMAT', '比例格式不正确');
  });
});

describe('minFen, maxFen, sumFen', () => {
  it('work on bigints', () => {
    expect(minFen(3n, -1n, 2n)).toBe(-1n);
    expect(maxFen(3n, -1n, 2n)).toBe(3n);
    expect(minFen(7n)).toBe(7n);
    expect(sumFen([34750n, 5n, -1230n])).toBe(33525n);
    expect(sumFen([])).toBe(0n);
    expect(sumFen(new Set([1n, 2n]))).toBe(3n);
  });
});

describe('formatChineseAmount', () => {
  it('writes the seed report figures', () => {
    expect(formatChineseAmount(parseYuan(3475000))).toBe('347.5万元');
    expect(formatChineseAmount(parseYuan(180000000))).toBe('1.8亿元');
    expect(formatChineseAmount(parseYuan(22330000))).toBe('2233万元');
  });

  it('writes amounts below 1万 exactly', () => {
    expect(formatChineseAmount(parseYuan(5170))).toBe('5170元');
    expect(formatChineseAmount(parseYuan('5170.5'))).toBe('5170.50元');
    expect(formatChineseAmount(parseYuan('9999.99'))).toBe('9999.99元');
    expect(formatChineseAmount(0n)).toBe('0元');
  });

  it('rounds to one decimal, half up, and drops .0', () => {
    expect(formatChineseAmount(parseYuan(10000))).toBe('1万元');
    expect(formatChineseAmount(parseYuan(12345))).toBe('1.2万元');
    expect(formatChineseAmount(parseYuan(12500))).toBe('1.3万元');
    expect(formatChineseAmount(parseYuan(22334999))).toBe('2233.5万元');
    expect(formatChineseAmount(parseYuan(22330499))).toBe('2233万元');
    expect(formatChineseAmount(parseYuan(123456789))).toBe('1.2亿元');
    expect(formatChineseAmount(parseYuan(100000000))).toBe('1亿元');
  });

  it('writes an amount that rounds to 10000万 in 亿', () => {
    expect(formatChineseAmount(parseYuan(99999999))).toBe('1亿元');
    expect(formatChineseAmount(parseYuan(99940000))).toBe('9994万元');
  });

  it('keeps the sign and takes another unit', () => {
    expect(formatChineseAmount(parseYuan(-3475000))).toBe('-347.5万元');
    expect(formatChineseAmount(parseYuan(-12.3))).toBe('-12.30元');
    expect(formatChineseAmount(parseYuan(3475000), '')).toBe('347.5万');
  });
});

describe('formatChineseCount', () => {
  it('writes the seed report figures', () => {
    expect(formatChineseCount(85000, '人次')).toBe('8.5万人次');
    expect(formatChineseCount(392000)).toBe('39.2万');
    expect(formatChineseCount(3957)).toBe('3957');
    expect(formatChineseCount(20670000)).toBe('2067万');
    expect(formatChineseCount(180000000)).toBe('1.8亿');
  });

  it('takes bigints, units and negatives', () => {
    expect(formatChineseCount(85000n, '人')).toBe('8.5万人');
    expect(formatChineseCount(0, '个')).toBe('0个');
    expect(formatChineseCount(9999)).toBe('9999');
    expect(formatChineseCount(10000)).toBe('1万');
    expect(formatChineseCount(-85000)).toBe('-8.5万');
  });

  it('refuses fractions', () => {
    expect(() => formatChineseCount(1.5)).toThrow(RangeError);
    expect(() => formatChineseCount(NaN)).toThrow(RangeError);
  });
});
