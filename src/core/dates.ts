// Calendar dates as ISO strings ('YYYY-MM-DD') in China time.
//
// China uses one time zone (Asia/Shanghai, UTC+8, no daylight saving), so
// "today" is the UTC date of the instant shifted by eight hours. Dates are
// plain strings everywhere; arithmetic goes through a day number (days since
// 1970-01-01 in the proleptic Gregorian calendar), never through local-time
// Date objects, so the host's time zone cannot shift a date.

import { badRequest } from './errors.ts';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Period {
  from: string;
  to: string;
}

// ---------------------------------------------------------------- clocks

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock stopped at `iso`: a date ('2024-07-01', meaning midnight China
 * time) or a full ISO timestamp ('2024-07-01T09:30:00+08:00').
 */
export function fixedClock(iso: string): Clock {
  const ms = ISO_DATE.test(iso) ? chinaMidnight(iso).getTime() : new Date(iso).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`fixedClock: not an ISO date or timestamp: ${iso}`);
  return { now: () => new Date(ms) };
}

/** The calendar date in China at the instant `now`. */
export function todayCN(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in China (00:00 UTC+8). */
export function chinaMidnight(date: string): Date {
  const iso = parseIsoDate(date);
  return new Date(daysToUtcMs(toDayNumber(iso)) - CHINA_OFFSET_MS);
}

// ---------------------------------------------------------------- parsing

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isIsoDate(raw: unknown): raw is string {
  if (typeof raw !== 'string') return false;
  const m = ISO_DATE.exec(raw);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** A real calendar date 'YYYY-MM-DD' (surrounding spaces trimmed), else AppError 400 DATE_FORMAT. */
export function parseIsoDate(raw: string): string {
  const value = typeof raw === 'string' ? raw.trim() : raw;
  if (!isIsoDate(value)) {
    throw badRequest('DATE_FORMAT', '日期格式不正确,应为 YYYY-MM-DD', { value: String(raw) });
  }
  return value;
}

// ---------------------------------------------------------------- arithmetic

interface YMD {
  year: number;
  month: number;
  day: number;
}

function split(date: string): YMD {
  const iso = parseIsoDate(date);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function join({ year, month, day }: YMD): string {
  if (year < 1 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Day-number conversions after Howard Hinnant's "days_from_civil" algorithms.
function dayNumberOf({ year, month, day }: YMD): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function ymdOf(dayNumber: number): YMD {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function toDayNumber(date: string): number {
  return dayNumberOf(split(date));
}

function daysToUtcMs(dayNumber: number): number {
  return dayNumber * 86_400_000;
}

export function addDays(date: string, days: number): string {
  return join(ymdOf(toDayNumber(date) + days));
}

/** Same day `months` months later; a day past the end of the month becomes its last day (01-31 + 1 month = 02-28/29). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = split(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return join({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/** Same day `years` years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Days from `a` to `b`: positive when b is later (daysBetween('2024-01-01', '2024-01-02') = 1). */
export function daysBetween(a: string, b: string): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Completed years of age on `date` (周岁). The age goes up on the birthday
 * itself; someone born on 29 February gets a year older on 1 March in
 * common years. Negative when `date` is before `birthDate`.
 */
export function ageAt(birthDate: string, date: string): number {
  const birth = split(birthDate);
  const on = split(date);
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

export function yearOf(date: string): number {
  return split(date).year;
}

// ---------------------------------------------------------------- periods

function monthPeriod(year: number, firstMonth: number, months: number): Period {
  const lastMonth = firstMonth + months - 1;
  return {
    from: join({ year, month: firstMonth, day: 1 }),
    to: join({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

/**
 * The first and last day of a reporting period: '2024' (year), '2024-H1' /
 * '2024-H2' (half year), '2024-Q3' (quarter) or '2024-07' (month).
 * Anything else: AppError 400 PERIOD_FORMAT.
 */
export function periodBounds(period: string): Period {
  const text = typeof period === 'string' ? period.trim().toUpperCase() : '';
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?$/.exec(text);
  if (!m || Number(m[1]) < 1) {
    throw badRequest('PERIOD_FORMAT', '统计期间格式不正确,应为 YYYY、YYYY-Qn、YYYY-Hn 或 YYYY-MM', { value: String(period) });
  }
  const year = Number(m[1]);
  if (m[2]) return monthPeriod(year, (Number(m[2]) - 1) * 3 + 1, 3);
  if (m[3]) return monthPeriod(year, (Number(m[3]) - 1) * 6 + 1, 6);
  if (m[4]) return monthPeriod(year, Number(m[4]), 1);
  return monthPeriod(year, 1, 12);
}

function isFirstOfMonth(date: string): boolean {
  return date.endsWith('-01');
}

function isLastOfMonth(date: string): boolean {
  const { year, month, day } = split(date);
  return day === daysInMonth(year, month);
}

/**
 * The period of the same length that ends the day before `from`, for
 * "compared with the previous period" figures. A period made of whole
 * calendar months is compared with the same number of whole months before
 * it (2024-Q3 → 2024-Q2, 2024-03 → 2024-02); any other period with the same
 * number of days before it.
 */
export function previousPeriod(from: string, to: string): Period {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw badRequest('PERIOD_RANGE', '开始日期不能晚于结束日期', { from, to });
  const end = addDays(from, -1);
  if (isFirstOfMonth(from) && isLastOfMonth(to)) {
    const months = (yearOf(to) - yearOf(from)) * 12 + (split(to).month - split(from).month) + 1;
    return { from: addMonths(from, -months), to: end };
  }
  return { from: addDays(from, -days), to: end };
}

/** Every month 'YYYY-MM' from the month of `from` to the month of `to`, both included; [] when from is later. */
export function monthsBetween(from: string, to: string): string[] {
  const start = split(asDate(from));
  const end = split(asDate(to));
  const months: string[] = [];
  for (let index = start.year * 12 + start.month - 1; index <= end.year * 12 + end.month - 1; index++) {
    const year = Math.floor(index / 12);
    months.push(`${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`);
  }
  return months;
}

/** Accepts a month 'YYYY-MM' where a date is expected, meaning its first day. */
function asDate(dateOrMonth: string): string {
  return /^\d{4}-\d{2}$/.test(dateOrMonth) ? `${dateOrMonth}-01` : dateOrMonth;
}
