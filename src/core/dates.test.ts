import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  ageAt,
  chinaMidnight,
  daysBetween,
  daysInMonth,
  fixedClock,
  isIsoDate,
  isLeapYear,
  monthsBetween,
  parseIsoDate,
  periodBounds,
  previousPeriod,
  systemClock,
  todayCN,
  yearOf,
} from './dates.ts';
import { AppError } from './errors.ts';

function expectAppError(run: () => unknown, code: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).code).toBe(code);
    return error as AppError;
  }
  throw new Error(`expected AppError ${code}`);
}

describe('todayCN', () => {
  it('turns the date at 16:00 UTC, which is midnight in China', () => {
    expect(todayCN(new Date('2024-06-30T15:59:59.999Z'))).toBe('2024-06-30');
    expect(todayCN(new Date('2024-06-30T16:00:00Z'))).toBe('2024-07-01');
  });

  it('reads an instant with an explicit +08:00 offset as its China date', () => {
    expect(todayCN(new Date('2025-01-01T00:00:00+08:00'))).toBe('2025-01-01');
    expect(todayCN(new Date('2024-12-31T23:59:59+08:00'))).toBe('2024-12-31');
  });

  it('defaults to now', () => {
    expect(todayCN()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('chinaMidnight', () => {
  it('is 16:00 UTC the day before', () => {
    expect(chinaMidnight('2024-07-01').toISOString()).toBe('2024-06-30T16:00:00.000Z');
  });
});

describe('clocks', () => {
  it('fixedClock with a date stands at midnight China time', () => {
    const clock = fixedClock('2024-07-01');
    expect(clock.now().toISOString()).toBe('2024-06-30T16:00:00.000Z');
    expect(todayCN(clock.now())).toBe('2024-07-01');
  });

  it('fixedClock with a timestamp stands at that instant and does not move', () => {
    const clock = fixedClock('2024-07-01T09:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2024-07-01T01:30:00.000Z');
    const first = clock.now();
    first.setFullYear(2000); // a caller mutating its Date does not stop the clock elsewhere
    expect(clock.now().toISOString()).toBe('2024-07-01T01:30:00.000Z');
  });

  it('fixedClock refuses nonsense', () => {
    expect(() => fixedClock('yesterday')).toThrow(RangeError);
    expect(() => fixedClock('2023-02-29')).toThrow();
  });

  it('systemClock tells the current time', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rules', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
});

describe('parseIsoDate', () => {
  it('accepts real calendar dates and trims spaces', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate(' 2000-02-29 ')).toBe('2000-02-29');
    expect(parseIsoDate('1949-10-01')).toBe('1949-10-01');
  });

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-5',
    '20240105',
    '2024/01/05',
    '2024-01-05T00:00:00',
    '0000-01-01',
    '',
  ])('refuses %j with DATE_FORMAT', (raw) => {
    const error = expectAppError(() => parseIsoDate(raw), 'DATE_FORMAT');
    expect(error.message).toBe('日期格式不正确,应为 YYYY-MM-DD');
  });

  it('refuses values that are not strings', () => {
    expectAppError(() => parseIsoDate(20240105 as unknown as string), 'DATE_FORMAT');
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2024-01-01', 0)).toBe('2024-01-01');
  });

  it('agrees with known day counts', () => {
    expect(addDays('1970-01-01', 19_723)).toBe('2024-01-01');
    expect(addDays('1949-10-01', 27_486)).toBe('2025-01-01');
  });

  it('refuses a bad date', () => {
    expectAppError(() => addDays('2024-02-30', 1), 'DATE_FORMAT');
  });
});

describe('addMonths and addYears', () => {
  it('clamps to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 2)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -13)).toBe('2022-12-15');
  });

  it('turns 29 February into 28 February in common years', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(addYears('2024-07-01', 60)).toBe('2084-07-01');
  });
});

describe('daysBetween', () => {
  it('counts from a to b', () => {
    expect(daysBetween('2024-01-01', '2024-01-02')).toBe(1);
    expect(daysBetween('2024-01-02', '2024-01-01')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
    expect(daysBetween('2024-07-01', '2024-07-01')).toBe(0);
    expect(daysBetween('1900-01-01', '2000-01-01')).toBe(36_524);
  });
});

describe('ageAt', () => {
  it('goes up on the birthday', () => {
    expect(ageAt('1990-07-15', '2024-07-14')).toBe(33);
    expect(ageAt('1990-07-15', '2024-07-15')).toBe(34);
    expect(ageAt('1990-07-15', '2024-12-31')).toBe(34);
    expect(ageAt('1949-12-31', '2024-12-30')).toBe(74);
    expect(ageAt('1949-12-31', '2024-12-31')).toBe(75);
  });

  it('gives someone born on 29 February their birthday on 1 March in common years', () => {
    expect(ageAt('2000-02-29', '2023-02-28')).toBe(22);
    expect(ageAt('2000-02-29', '2023-03-01')).toBe(23);
    expect(ageAt('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('is zero in the first year and negative before birth', () => {
    expect(ageAt('2024-05-01', '2024-05-01')).toBe(0);
    expect(ageAt('2024-05-01', '2025-04-30')).toBe(0);
    expect(ageAt('2024-05-01', '2024-04-30')).toBe(-1);
  });
});

describe('yearOf', () => {
  it('is the year as a number', () => {
    expect(yearOf('2024-07-01')).toBe(2024);
  });
});

describe('periodBounds', () => {
  it('gives a whole year', () => {
    expect(periodBounds('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('gives quarters', () => {
    expect(periodBounds('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodBounds('2024-Q2')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(periodBounds('2024-Q3')).toEqual({ from: '2024-07-01', to: '2024-09-30' });
    expect(periodBounds('2024-q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
  });

  it('gives half years', () => {
    expect(periodBounds('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodBounds('2024-H2')).toEqual({ from: '2024-07-01', to: '2024-12-31' });
  });

  it('gives months with their real last day', () => {
    expect(periodBounds('2024-07')).toEqual({ from: '2024-07-01', to: '2024-07-31' });
    expect(periodBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodBounds('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
  });

  it.each(['2024-Q5', '2024-Q0', '2024-13', '2024-00', '24', '2024-7', '2024-07-01', '', 'Q3'])(
    'refuses %j with PERIOD_FORMAT',
    (period) => {
      expectAppError(() => periodBounds(period), 'PERIOD_FORMAT');
    },
  );
});

describe('previousPeriod', () => {
  it('compares a quarter with the quarter before', () => {
    expect(previousPeriod('2024-07-01', '2024-09-30')).toEqual({ from: '2024-04-01', to: '2024-06-30' });
    expect(previousPeriod('2024-01-01', '2024-03-31')).toEqual({ from: '2023-10-01', to: '2023-12-31' });
  });

  it('compares a month with the month before, whatever their lengths', () => {
    expect(previousPeriod('2024-03-01', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriod('2024-01-01', '2024-01-31')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });

  it('compares a year with the year before', () => {
    expect(previousPeriod('2024-01-01', '2024-12-31')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
  });

  it('compares any other range with the same number of days before it', () => {
    expect(previousPeriod('2024-01-10', '2024-01-19')).toEqual({ from: '2023-12-31', to: '2024-01-09' });
    expect(previousPeriod('2024-03-01', '2024-03-01')).toEqual({ from: '2024-02-29', to: '2024-02-29' });
    expect(previousPeriod('2024-03-15', '2024-04-14')).toEqual({ from: '2024-02-13', to: '2024-03-14' });
  });

  it('refuses a range that ends before it starts', () => {
    expectAppError(() => previousPeriod('2024-02-01', '2024-01-31'), 'PERIOD_RANGE');
  });
});

describe('monthsBetween', () => {
  it('lists every month, both ends included', () => {
    expect(monthsBetween('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2024-07-01', '2024-07-31')).toEqual(['2024-07']);
    expect(monthsBetween('2024-01', '2024-03')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(monthsBetween('2024-01-01', '2024-12-31')).toHaveLength(12);
  });

  it('is empty when from is later', () => {
    expect(monthsBetween('2024-03-01', '2024-02-29')).toEqual([]);
  });
});
