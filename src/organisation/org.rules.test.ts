import { describe, expect, it } from 'vitest';
import { childPath, idsOfPath, isWithin, placementProblem } from './org.rules.ts';

describe('union placement rules', () => {
  it('lets federations nest down the geographic chain', () => {
    expect(placementProblem('province', 'city')).toBeNull();
    expect(placementProblem('city', 'county')).toBeNull();
    expect(placementProblem('county', 'township')).toBeNull();
    expect(placementProblem('township', 'base')).toBeNull();
    expect(placementProblem('county', 'base')).toBeNull();
    expect(placementProblem('township', 'joint')).toBeNull();
    expect(placementProblem('joint', 'base')).toBeNull();
    expect(placementProblem('city', 'industry')).toBeNull();
    expect(placementProblem('industry', 'base')).toBeNull();
  });

  it('refuses upside-down placements and children of base unions', () => {
    expect(placementProblem('base', 'base')).toBe('基层工会下不能再设下级工会');
    expect(placementProblem('county', 'city')).toBe('市总工会不能设在县(市、区)总工会之下');
    expect(placementProblem('township', 'township')).toContain('不能设在');
    expect(placementProblem('joint', 'township')).toBe('联合工会下只能设基层工会');
    expect(placementProblem('city', 'national')).toContain('全国总工会');
    expect(placementProblem('city', 'nonsense')).toBe('未知的工会类型');
  });

  it('builds and reads materialised paths', () => {
    expect(childPath(null, 1)).toBe('/1/');
    expect(childPath('/1/12/', 345)).toBe('/1/12/345/');
    expect(idsOfPath('/1/12/345/')).toEqual([1, 12, 345]);
    expect(isWithin('/1/12/345/', '/1/12/')).toBe(true);
    expect(isWithin('/1/12/', '/1/12/')).toBe(true);
    // '/1/123/' is not beneath '/1/12/': the trailing slash matters.
    expect(isWithin('/1/123/', '/1/12/')).toBe(false);
  });
});
