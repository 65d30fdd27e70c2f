// The kinds of union in the tree (domain.md §1) and which may sit under which.

export const ORG_KINDS = {
  national: { label: '全国总工会', labelEn: 'National federation', federation: true },
  province: { label: '省总工会', labelEn: 'Provincial federation', federation: true },
  city: { label: '市总工会', labelEn: 'City federation', federation: true },
  county: { label: '县(市、区)总工会', labelEn: 'County/district federation', federation: true },
  township: { label: '乡镇(街道)总工会', labelEn: 'Township/street federation', federation: true },
  industry: { label: '产业工会', labelEn: 'Industry union', federation: true },
  joint: { label: '联合工会', labelEn: 'Joint union (regional or industry-wide)', federation: false },
  community: { label: '村(社区)联合工会', labelEn: 'Village/community joint union', federation: false },
  base: { label: '基层工会', labelEn: 'Base union', federation: false },
} as const;

export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_NAMES = Object.keys(ORG_KINDS) as OrgKind[];

const RANK: Record<OrgKind, number> = { national: 0, province: 1, city: 2, county: 3, township: 4, industry: 4, joint: 5, community: 5, base: 6 };

/** Why `child` may not sit under `parent`, or null when it may. */
export function placementProblem(parentKind: string, childKind: string): string | null {
  const p = parentKind as OrgKind;
  const c = childKind as OrgKind;
  if (!(p in RANK) || !(c in RANK)) return '未知的工会类型';
  if (p === 'base') return '基层工会下不能再设下级工会';
  if (c === 'national') return '全国总工会不能设在其他工会之下';
  if (c === 'industry') return null; // industry unions sit at any federation level
  if (p === 'joint' || p === 'community') return c === 'base' ? null : `${ORG_KINDS[p].label}下只能设基层工会`;
  if (RANK[c] <= RANK[p] && p !== 'industry') return `${ORG_KINDS[c].label}不能设在${ORG_KINDS[p].label}之下`;
  return null;
}

/** Paths are '/id/id/.../': "beneath" is a prefix test. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function idsOfPath(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}
