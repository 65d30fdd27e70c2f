import { describe, expect, it } from 'vitest';
import * as core from './index.ts';
import * as creditcode from './creditcode.ts';
import * as crypto from './crypto.ts';
import * as dates from './dates.ts';
import * as errors from './errors.ts';
import * as idnumber from './idnumber.ts';
import * as mask from './mask.ts';
import * as money from './money.ts';
import * as phone from './phone.ts';

describe('core index', () => {
  it('re-exports every module, with no name hidden by another', () => {
    const modules = [errors, dates, idnumber, creditcode, phone, money, crypto, mask];
    const names = modules.flatMap((m) => Object.keys(m));
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(core).sort()).toEqual([...names].sort());
    for (const m of modules) for (const [name, value] of Object.entries(m)) expect(core[name as keyof typeof core]).toBe(value);
  });
});
