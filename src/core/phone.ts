// Phone numbers in mainland China.
//
// Mobile numbers are 11 digits starting 13-19 and are stored as those 11
// digits. Landlines (only when asked for) are an area code - 010 and 02x have
// three digits, all others four - and a 7- or 8-digit local number not
// starting with 0; they are stored as 'area-local', e.g. '0574-87654321'.

import { parseFailure, parsed, type ParseResult } from './errors.ts';

export interface PhoneOptions {
  allowLandline?: boolean;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/;

const MOBILE_MESSAGE = '手机号码格式不正确';
const PHONE_MESSAGE = '电话号码格式不正确,应为手机号码或带区号的固定电话';

export function isMobile(phone: string): boolean {
  return MOBILE.test(phone);
}

/** Splits '057487654321' into area code and local number, or undefined. */
function splitLandline(digits: string): { area: string; local: string } | undefined {
  if (!/^0\d+$/.test(digits)) return undefined;
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const local = digits.slice(areaLength);
  return LOCAL_NUMBER.test(local) ? { area, local } : undefined;
}

/**
 * Normalises a mobile number ('+86 138-1234-5678' → '13812345678') and, with
 * allowLandline, a landline ('(0574) 8765 4321' → '0574-87654321').
 * Failure code: PHONE_FORMAT.
 */
export function parsePhone(raw: string, opts: PhoneOptions = {}): ParseResult<string> {
  const message = opts.allowLandline ? PHONE_MESSAGE : MOBILE_MESSAGE;
  if (typeof raw !== 'string') return parseFailure('PHONE_FORMAT', message);

  let digits = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  const international = /^(\+|00)86/.test(digits);
  if (international) digits = digits.replace(/^(\+|00)86/, '');
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);

  if (MOBILE.test(digits)) return parsed(digits);

  if (opts.allowLandline) {
    // From abroad the trunk prefix 0 is dropped: +86 574 87654321.
    const landline = splitLandline(international && !digits.startsWith('0') ? '0' + digits : digits);
    if (landline) return parsed(`${landline.area}-${landline.local}`);
  }
  return parseFailure('PHONE_FORMAT', message);
}
