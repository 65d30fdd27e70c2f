// Money, ID numbers, dates and personal-data protection: the one place for them.
export * from './errors.ts';
export * from './dates.ts';
export * from './idnumber.ts';
export * from './creditcode.ts';
export * from './phone.ts';
export * from './money.ts';
export * from './crypto.ts';
export * from './mask.ts';
