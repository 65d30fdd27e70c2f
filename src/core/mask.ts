// Masking personal data for display. Lengths count characters (code points),
// so Chinese names mask one '*' per character. A value too short to keep
// anything back is masked completely rather than shown in full.

const MASK = '*';

/** Keeps `keepStart` characters at the start and `keepEnd` at the end, one '*' for each other character. */
export function maskGeneric(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value ?? '');
  if (chars.length === 0) return '';
  if (chars.length <= keepStart + keepEnd) return MASK.repeat(chars.length);
  const middle = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + MASK.repeat(middle) + (keepEnd > 0 ? chars.slice(-keepEnd).join('') : '');
}

/** '330902199001011234' → '330902********1234' (division code and last four kept). */
export function maskIdNumber(idNumber: string): string {
  return maskGeneric((idNumber ?? '').trim(), 6, 4);
}

/** '13812345678' → '138****5678'; a landline keeps its area code: '0574-87654321' → '0574-****4321'. */
export function maskPhone(phone: string): string {
  const value = (phone ?? '').trim();
  const landline = /^(0\d{2,3})-(\d+)$/.exec(value);
  if (landline) return `${landline[1]}-${maskGeneric(landline[2], 0, 4)}`;
  return maskGeneric(value, 3, 4);
}

/** '张三' → '张*', '欧阳娜娜' → '欧***'; a one-character name is shown as it is. */
export function maskName(name: string): string {
  const value = (name ?? '').trim();
  if (Array.from(value).length <= 1) return value;
  return maskGeneric(value, 1, 0);
}

/** '6222 0212 3456 7890' → '************7890' (spaces dropped, last four kept). */
export function maskBankAccount(account: string): string {
  return maskGeneric((account ?? '').replace(/\s+/g, ''), 0, 4);
}
