// Personal values as the membership area stores them: checked, encrypted (SM4),
// hashed for exact lookup (keyed SM3) and masked for display.
import type { AppContext } from '../context.ts';
import { fieldError } from '../core/errors.ts';
import { parseIdNumber } from '../core/idnumber.ts';
import { parsePhone } from '../core/phone.ts';
import { maskIdNumber, maskPhone } from '../core/mask.ts';

export interface ProtectedId {
  idNumber: string;
  enc: string;
  hash: string;
  masked: string;
  birthDate: string;
  sex: 'M' | 'F';
  divisionCode: string;
}

export interface ProtectedPhone {
  phone: string;
  enc: string;
  hash: string;
  masked: string;
}

export function protectIdNumber(ctx: AppContext, raw: string, field = 'idNumber'): ProtectedId {
  const r = parseIdNumber(raw, { today: ctx.clock.now() });
  if (!r.ok) throw fieldError(field, r.code, r.message, r.code);
  const id = r.value.idNumber;
  return { idNumber: id, enc: ctx.protector.encrypt(id), hash: ctx.protector.lookupHash(id), masked: maskIdNumber(id), birthDate: r.value.birthDate, sex: r.value.sex, divisionCode: r.value.divisionCode };
}

export function protectPhone(ctx: AppContext, raw: string, field = 'phone'): ProtectedPhone {
  const r = parsePhone(raw);
  if (!r.ok) throw fieldError(field, r.code, r.message, r.code);
  return { phone: r.value, enc: ctx.protector.encrypt(r.value), hash: ctx.protector.lookupHash(r.value), masked: maskPhone(r.value) };
}

/** The lookup hash of whatever the user typed in a search box (ID number or phone), or null. */
export function searchHashes(ctx: AppContext, q: string): { idHash?: string; phoneHash?: string } {
  const id = parseIdNumber(q, { today: ctx.clock.now() });
  if (id.ok) return { idHash: ctx.protector.lookupHash(id.value.idNumber) };
  const phone = parsePhone(q);
  if (phone.ok) return { phoneHash: ctx.protector.lookupHash(phone.value) };
  return {};
}
