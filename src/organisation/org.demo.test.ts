import { describe, expect, it } from 'vitest';
import { buildDemoTree } from '../demo/demo.ts';

describe('the demo union tree', () => {
  const orgs = buildDemoTree();
  const byName = (name: string) => orgs.find((o) => o.name === name);
  const parentOf = (name: string) => orgs.find((o) => o.id === byName(name)?.parent_id)?.name;

  it('has the province, its 11 cities, 90 counties and every township from GB/T 2260', () => {
    const count = (kind: string) => orgs.filter((o) => o.kind === kind).length;
    expect(count('province')).toBe(1);
    expect(count('city')).toBe(11);
    expect(count('county')).toBe(90);
    expect(count('township')).toBe(1387);
    expect(count('base')).toBeGreaterThan(1500);
  });

  it('names the unions after the real divisions, in the right places', () => {
    expect(byName('浙江省总工会')).toMatchObject({ division_code: '330000', path: '/1/', depth: 0 });
    expect(parentOf('舟山市总工会')).toBe('浙江省总工会');
    expect(parentOf('宁波市奉化区总工会')).toBe('宁波市总工会');
    expect(byName('宁波市奉化区总工会')?.division_code).toBe('330213');
    expect(parentOf('余姚市总工会')).toBe('宁波市总工会');
    expect(parentOf('昌国街道总工会')).toBe('舟山市定海区总工会');
    expect(parentOf('舟山市海员工会')).toBe('舟山市总工会');
  });

  it('builds consistent paths and is the same on every run', () => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      const parent = o.parent_id ? byId.get(o.parent_id)! : null;
      expect(o.path).toBe(`${parent?.path ?? '/'}${o.id}/`);
      expect(o.depth).toBe(parent ? parent.depth + 1 : 0);
    }
    expect(buildDemoTree().map((o) => o.name)).toEqual(orgs.map((o) => o.name));
  });
});
