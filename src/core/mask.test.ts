import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskGeneric, maskIdNumber, maskName, maskPhone } from './mask.ts';

describe('maskIdNumber', () => {
  it('keeps the division code and the last four', () => {
    expect(maskIdNumber('330902199001011234')).toBe('330902********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('hides the birth date completely', () => {
    expect(maskIdNumber('11010519491231002X')).not.toContain('1949');
  });

  it('masks a value too short to keep anything back completely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps the area code and last four of a landline', () => {
    expect(maskPhone('0574-87654321')).toBe('0574-****4321');
    expect(maskPhone('010-6512345')).toBe('010-***2345');
  });

  it('masks short values completely', () => {
    expect(maskPhone('110')).toBe('***');
  });
});

describe('maskName', () => {
  it('keeps the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小龙')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('买买提·艾力')).toBe('买*****');
  });

  it('leaves a one-character name as it is', () => {
    expect(maskName('张')).toBe('张');
    expect(maskName('')).toBe('');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(maskName('𠮷野家')).toBe('𠮷**'); // 𠮷 lies outside the BMP
  });

  it('trims spaces', () => {
    expect(maskName(' 张三 ')).toBe('张*');
  });
});

describe('maskBankAccount', () => {
  it('keeps the last four', () => {
    expect(maskBankAccount('6222021234567890')).toBe('************7890');
    expect(maskBankAccount('6222 0212 3456 7890')).toBe('************7890');
  });
});

describe('maskGeneric', () => {
  it('puts one * for every hidden character', () => {
    expect(maskGeneric('abcdefgh', 2, 2)).toBe('ab****gh');
    expect(maskGeneric('abcdefgh', 0, 0)).toBe('********');
    expect(maskGeneric('abcdefgh', 3, 0)).toBe('abc*****');
    expect(maskGeneric('abcdefgh', 0, 3)).toBe('*****fgh');
  });

  it('masks everything when nothing would be hidden', () => {
    expect(maskGeneric('abcd', 2, 2)).toBe('****');
    expect(maskGeneric('abc', 2, 2)).toBe('***');
    expect(maskGeneric('', 2, 2)).toBe('');
  });
});
