import { describe, expect, it } from 'vitest';
import { applicationNumber, cardNumber, isValidCardNumber, luhnDigit, nameProblem, NEW_EMPLOYMENT_FORMS, rate } from './membership.rules.ts';

describe('member card numbers', () => {
  it('uses the Luhn check digit (published example 7992739871 → 3)', () => {
    expect(luhnDigit('7992739871')).toBe('3');
  });
  it('builds 16 digits from the division and serial, and catches a mistyped digit', () => {
    const card = cardNumber('330902', 123);
    expect(card).toMatch(/^330902000000123\d$/);
    expect(isValidCardNumber(card)).toBe(true);
    const wrong = card.slice(0, 10) + ((Number(card[10]) + 1) % 10) + card.slice(11);
    expect(isValidCardNumber(wrong)).toBe(false);
    expect(cardNumber('330902002', 1).slice(0, 6)).toBe('330902');
  });
});

describe('rates', () => {
  it('gives a percentage with one decimal', () => {
    expect(rate(3957, 4000)).toBe(98.9);
    expect(rate(935, 1000)).toBe(93.5);
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('names and applications', () => {
  it('accepts Chinese names and refuses junk', () => {
    expect(nameProblem('张三')).toBeNull();
    expect(nameProblem('阿卜杜拉·艾买提')).toBeNull();
    expect(nameProblem('李')).toBe('姓名至少 2 个字');
    expect(nameProblem('张3')).toBe('姓名只能包含汉字、字母和间隔号');
  });
  it('numbers applications by date', () => {
    expect(applicationNumber('2026-11-23', 42)).toBe('RH20261123000042');
  });
  it('knows the new forms of employment', () => {
    expect(NEW_EMPLOYMENT_FORMS).toEqual(expect.arrayContaining(['courier', 'food_delivery', 'ride_hailing', 'truck_driver']));
    expect(NEW_EMPLOYMENT_FORMS).not.toContain('full_time');
  });
});
