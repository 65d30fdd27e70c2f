// Unified social credit codes (统一社会信用代码, GB 32100-2015).
//
// 18 characters from a 31-character alphabet (digits and capitals without
// I, O, Z, S, V):
//   1      registration department (1 机构编制, 5 民政, 8 工会, 9 市场监管, Y 其他, ...)
//   2      organisation type within it (91 enterprise, 92 individual business,
//          93 farmers' cooperative, 12 public institution, 81 grassroots trade union, ...)
//   3-8    division code of the registering office (GB/T 2260)
//   9-17   subject identifier = organisation code (GB 11714): 8 characters + its own check character
//   18     check character (ISO 7064 MOD 31-3)

import { parseFailure, parsed, type ParseResult } from './errors.ts';

export interface CreditCodeInfo {
  code: string;
  /** Character 1. */
  registrationDept: string;
  /** Characters 1-2, e.g. '91'. */
  orgType: string;
  /** Characters 3-8. */
  divisionCode: string;
  /** Characters 9-17, the organisation code. */
  orgCode: string;
  /** Whether the organisation code's own check character is right (enforced only where safe, see parseCreditCode). */
  orgCodeValid: boolean;
}

export type CreditCodeKind = '91' | '92' | '93' | '12' | '81';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'; // GB 11714: A = 10 ... Z = 35
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

const MESSAGES = {
  CREDIT_CODE_FORMAT: '统一社会信用代码格式不正确,应为 18 位数字或大写字母(不含 I、O、Z、S、V)',
  CREDIT_CODE_CHECK: '统一社会信用代码校验位错误',
  CREDIT_CODE_ORG_CHECK: '统一社会信用代码中的组织机构代码校验位错误',
} as const;

function failure(code: keyof typeof MESSAGES): ParseResult<CreditCodeInfo> {
  return parseFailure(code, MESSAGES[code]);
}

/** The 18th character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) throw new RangeError('creditCodeCheckChar: expected 17 code characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organisation code (GB 11714) for its first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('orgCodeCheckChar: expected 8 digits or capitals');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_ALPHABET.indexOf(first8[i]) * ORG_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Whether a wrong organisation-code check character may be refused.
 *
 * The standard says characters 9-17 are a GB 11714 organisation code, and
 * codes derived from an old organisation-code certificate (eight digits plus
 * check) always satisfy it. Subject identifiers that registries assigned
 * themselves are another matter: individual businesses (92) never had
 * organisation codes, and some local registries issued identifiers of their
 * own before the national assignment rules settled. Refusing such a code
 * would refuse a real organisation, while the main check character already
 * catches every mistyped character. So the organisation-code check is
 * enforced only for an all-digit identifier from the three original
 * registries (1 机构编制, 5 民政, 9 市场监管) that is not an individual
 * business; elsewhere it is only reported as orgCodeValid.
 */
function orgCheckEnforceable(code: string): boolean {
  return ['1', '5', '9'].includes(code[0]) && code.slice(0, 2) !== '92' && /^\d{8}$/.test(code.slice(8, 16));
}

function normalise(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** Checks format (CREDIT_CODE_FORMAT), check character (CREDIT_CODE_CHECK) and, where safe, the organisation code (CREDIT_CODE_ORG_CHECK). */
export function parseCreditCode(raw: string): ParseResult<CreditCodeInfo> {
  if (typeof raw !== 'string') return failure('CREDIT_CODE_FORMAT');
  const code = normalise(raw);
  if (!FORMAT.test(code)) return failure('CREDIT_CODE_FORMAT');
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return failure('CREDIT_CODE_CHECK');

  const orgCode = code.slice(8, 17);
  const orgCodeValid = orgCodeCheckChar(orgCode.slice(0, 8)) === orgCode[8];
  if (!orgCodeValid && orgCheckEnforceable(code)) return failure('CREDIT_CODE_ORG_CHECK');

  return parsed({
    code,
    registrationDept: code[0],
    orgType: code.slice(0, 2),
    divisionCode: code.slice(2, 8),
    orgCode,
    orgCodeValid,
  });
}

/**
 * A valid code for demo and test data: `kind` + division + organisation code
 * 'MA' + `seq` (0..999999, six digits) + its check character + check character.
 */
export function makeCreditCode(divisionCode: string, seq: number, kind: CreditCodeKind = '91'): string {
  if (!/^\d{6}$/.test(divisionCode)) throw new RangeError(`makeCreditCode: division must be 6 digits: ${divisionCode}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999_999) throw new RangeError('makeCreditCode: seq must be 0..999999');
  const orgBody = 'MA' + String(seq).padStart(6, '0');
  const first17 = kind + divisionCode + orgBody + orgCodeCheckChar(orgBody);
  return first17 + creditCodeCheckChar(first17);
}
