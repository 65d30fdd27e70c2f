// Who may do what: roles and their permissions, in one place. Every API route
// names the permission it needs (route config `permission`); the auth hook
// checks it, and the data scope (scope.ts) limits every query to the actor's
// own union and the unions beneath it.

export const PERMISSIONS = [
  'org:read', 'org:write',
  'user:read', 'user:write',
  'audit:read',
  'member:read', 'member:write', 'member:reveal', 'member:export', 'member:import',
  'hardship:read', 'hardship:write',
  'mutualaid:read', 'mutualaid:write',
  'rights:read', 'rights:write',
  'honours:read', 'honours:write',
  'services:read', 'services:write',
  'finance:read', 'finance:write',
  'governance:read', 'governance:write',
  'stats:read',
  'self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Route-level access: a permission, 'authenticated' (any signed-in user) or 'public'. */
export type Access = Permission | 'authenticated' | 'public';

const READS = PERMISSIONS.filter((p) => p.endsWith(':read'));

export interface RoleDef {
  label: string;
  labelEn: string;
  permissions: readonly Permission[];
}

export const ROLES = {
  admin: {
    label: '系统管理员',
    labelEn: 'System administrator',
    permissions: PERMISSIONS.filter((p) => p !== 'self'),
  },
  org_officer: {
    label: '组织干部',
    labelEn: 'Organisation officer',
    permissions: ['org:read', 'org:write', 'member:read', 'member:write', 'member:reveal', 'member:export', 'member:import', 'governance:read', 'governance:write', 'stats:read'],
  },
  hardship_officer: {
    label: '帮扶干部',
    labelEn: 'Hardship officer',
    permissions: ['org:read', 'member:read', 'hardship:read', 'hardship:write', 'stats:read'],
  },
  mutual_aid_officer: {
    label: '互助保障干部',
    labelEn: 'Mutual-aid officer',
    permissions: ['org:read', 'member:read', 'mutualaid:read', 'mutualaid:write', 'stats:read'],
  },
  rights_officer: {
    label: '维权干部',
    labelEn: 'Rights officer',
    permissions: ['org:read', 'member:read', 'rights:read', 'rights:write', 'stats:read'],
  },
  honours_officer: {
    label: '劳动和经济工作干部',
    labelEn: 'Honours officer',
    permissions: ['org:read', 'member:read', 'honours:read', 'honours:write', 'stats:read'],
  },
  services_officer: {
    label: '服务干部',
    labelEn: 'Services officer',
    permissions: ['org:read', 'member:read', 'services:read', 'services:write', 'governance:read', 'governance:write', 'stats:read'],
  },
  finance_officer: {
    label: '财务干部',
    labelEn: 'Finance officer',
    permissions: ['org:read', 'finance:read', 'finance:write', 'stats:read'],
  },
  leader: {
    label: '领导',
    labelEn: 'Leader',
    permissions: READS,
  },
  member: {
    label: '会员',
    labelEn: 'Member',
    permissions: ['self'],
  },
} satisfies Record<string, RoleDef>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

export function isRole(r: string): r is Role {
  return Object.prototype.hasOwnProperty.call(ROLES, r);
}

export function permissionsOf(roles: readonly string[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const r of roles) if (isRole(r)) for (const p of ROLES[r].permissions) set.add(p);
  return set;
}

export function allows(permissions: ReadonlySet<Permission>, access: Access): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return permissions.has(access);
}
