// Money as exact integers of fen (分, 1/100 yuan) in a bigint. Never floats:
// amounts come in as text (or safe numbers) and go out as text.

import { badRequest } from './errors.ts';

/** The largest amount that fits a PostgreSQL bigint column of fen. */
export const MAX_FEN = 9_223_372_036_854_775_807n;

const AMOUNT = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

function moneyFormatError(input: unknown) {
  return badRequest('MONEY_FORMAT', '金额格式不正确', { value: String(input) });
}

function parseAmountText(text: string, input: unknown): bigint {
  const m = AMOUNT.exec(text);
  if (!m) throw moneyFormatError(input);
  const [, sign, whole, decimals = ''] = m;
  const fen = BigInt(whole.replaceAll(',', '')) * 100n + BigInt(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) throw moneyFormatError(input);
  return sign === '-' ? -fen : fen;
}

/**
 * An amount in yuan as fen: '347.50', '347.5', '347', '-12.30',
 * '1,234.56' (grouping must be by thousands), full-width digits.
 * A number is accepted only when it prints with at most two decimals
 * (347.5 yes, 0.1 + 0.2 no); a bigint means whole yuan.
 * Anything else: AppError 400 MONEY_FORMAT.
 */
export function parseYuan(input: string | number | bigint): bigint {
  if (typeof input === 'bigint') {
    const fen = input * 100n;
    if (fen > MAX_FEN || fen < -MAX_FEN) throw moneyFormatError(input);
    return fen;
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || Math.abs(input) > Number.MAX_SAFE_INTEGER) throw moneyFormatError(input);
    return parseAmountText(String(input), input);
  }
  if (typeof input !== 'string') throw moneyFormatError(input);
  return parseAmountText(input.normalize('NFKC').trim(), input);
}

function splitFen(fen: bigint): { sign: string; yuan: bigint; cents: string } {
  const abs = fen < 0n ? -fen : fen;
  return { sign: fen < 0n ? '-' : '', yuan: abs / 100n, cents: String(abs % 100n).padStart(2, '0') };
}

/** '347.50', '-12.30', '0.05': always two decimals, no grouping (for storage, exports, inputs). */
export function formatYuan(fen: bigint): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${yuan}.${cents}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** '12,340.00': two decimals with thousands grouping, for display. */
export function formatYuanCN(fen: bigint): string {
  const { sign, yuan, cents } = splitFen(fen);
  return `${sign}${groupThousands(String(yuan))}.${cents}`;
}

// ---------------------------------------------------------------- arithmetic

export type Rounding = 'half-up' | 'down';

/** numerator / denominator (denominator > 0) rounded to an integer: 'half-up' rounds halves away from zero (四舍五入), 'down' towards zero. */
export function divRound(numerator: bigint, denominator: bigint, rounding: Rounding = 'half-up'): bigint {
  if (denominator <= 0n) throw new RangeError('divRound: denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  if (rounding === 'half-up' && (abs % denominator) * 2n >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

const RATIO = /^(-)?(\d+)(?:\.(\d+))?(%)?$/;

function parseRatio(ratio: string): { numerator: bigint; denominator: bigint } {
  const m = typeof ratio === 'string' ? RATIO.exec(ratio.normalize('NFKC').trim()) : null;
  if (!m) throw badRequest('RATIO_FORMAT', '比例格式不正确', { value: String(ratio) });
  const [, minus, whole, decimals = '', percent] = m;
  const numerator = BigInt(whole + decimals);
  const denominator = 10n ** BigInt(decimals.length) * (percent ? 100n : 1n);
  return { numerator: minus ? -numerator : numerator, denominator };
}

/** fen × ratio exactly, then rounded: mulRatio(34750n, '50%') = 17375n; ratio as '0.5', '50%', '12.5%'. */
export function mulRatio(fen: bigint, ratio: string, rounding: Rounding = 'half-up'): bigint {
  const { numerator, denominator } = parseRatio(ratio);
  return divRound(fen * numerator, denominator, rounding);
}

export function minFen(first: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((min, value) => (value < min ? value : min), first);
}

export function maxFen(first: bigint, ...rest: bigint[]): bigint {
  return rest.reduce((max, value) => (value > max ? value : max), first);
}

export function sumFen(values: Iterable<bigint>): bigint {
  let sum = 0n;
  for (const value of values) sum += value;
  return sum;
}

// ---------------------------------------------------------------- report style

const WAN = 10_000n;
const YI = 100_000_000n;

/** '347.5' from 3475 tenths, '2233' from 22330. */
function tenthsText(tenths: bigint): string {
  const rest = tenths % 10n;
  return rest === 0n ? String(tenths / 10n) : `${tenths / 10n}.${rest}`;
}

/**
 * `abs` (a non-negative count of 1/`scale` units) in 万 or 亿 with at most
 * one decimal, rounded half up; undefined below 1万. A value that rounds to
 * 10000万 is written in 亿.
 */
function compactMagnitude(abs: bigint, scale: bigint): string | undefined {
  if (abs < WAN * scale) return undefined;
  const wanTenths = divRound(abs * 10n, WAN * scale);
  if (wanTenths < 10_000n * 10n) return `${tenthsText(wanTenths)}万`;
  return `${tenthsText(divRound(abs * 10n, YI * scale))}亿`;
}

/**
 * An amount the way reports write it: '1.8亿元', '347.5万元', '2233万元'
 * (one decimal at most, rounded half up), and below 1万 the exact amount:
 * '5170元', '5170.50元'.
 */
export function formatChineseAmount(fen: bigint, unit = '元'): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const compact = compactMagnitude(abs, 100n);
  if (compact) return `${sign}${compact}${unit}`;
  const plain = abs % 100n === 0n ? String(abs / 100n) : formatYuan(abs);
  return `${sign}${plain}${unit}`;
}

/** A count the way reports write it: formatChineseCount(85000, '人次') = '8.5万人次'; 3957 → '3957', 180000000 → '1.8亿'. */
export function formatChineseCount(n: number | bigint, unit = ''): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`formatChineseCount: not an integer: ${n}`);
  const value = BigInt(n);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? '-' : ''}${compactMagnitude(abs, 1n) ?? String(abs)}${unit}`;
}
