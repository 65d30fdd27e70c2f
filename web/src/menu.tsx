// The left menu: every area of the platform, in one place. An area that is not
// built yet stays in the menu, disabled, with a 「建设中」 tag; building it
// means adding its page to App.tsx and flipping `built` to true here.
import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { Tag } from 'antd';
import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  GiftOutlined,
  HeartOutlined,
  MedicineBoxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Key, Translate } from './i18n';

export interface MenuEntry {
  key: string;
  label: Key;
  icon?: ReactNode;
  /** Route of a page (leaf entries). */
  path?: string;
  /** Whether the page exists. Unbuilt entries show disabled with 「建设中」. */
  built: boolean;
  /** Permission needed to see a built entry (from /api/auth/me). */
  permission?: string;
  children?: MenuEntry[];
}

export const MENU: MenuEntry[] = [
  {
    key: 'organisation', label: 'menu.organisation', icon: <ApartmentOutlined />, built: true,
    children: [
      { key: 'orgs', label: 'menu.orgs', icon: <ClusterOutlined />, path: '/orgs', built: true, permission: 'org:read' },
    ],
  },
  { key: 'members', label: 'menu.members', icon: <TeamOutlined />, path: '/members', built: false, permission: 'member:read' },
  { key: 'hardship', label: 'menu.hardship', icon: <HeartOutlined />, path: '/hardship', built: false, permission: 'hardship:read' },
  { key: 'mutual-aid', label: 'menu.mutualAid', icon: <MedicineBoxOutlined />, path: '/mutual-aid', built: false, permission: 'mutualaid:read' },
  { key: 'rights', label: 'menu.rights', icon: <SafetyCertificateOutlined />, path: '/rights', built: false, permission: 'rights:read' },
  { key: 'honours', label: 'menu.honours', icon: <TrophyOutlined />, path: '/honours', built: false, permission: 'honours:read' },
  { key: 'services', label: 'menu.services', icon: <GiftOutlined />, path: '/services', built: false, permission: 'services:read' },
  { key: 'finance', label: 'menu.finance', icon: <AccountBookOutlined />, path: '/finance', built: false, permission: 'finance:read' },
  { key: 'governance', label: 'menu.governance', icon: <AuditOutlined />, path: '/governance', built: false, permission: 'governance:read' },
  { key: 'stats', label: 'menu.stats', icon: <BarChartOutlined />, path: '/stats', built: true, permission: 'stats:read' },
  {
    key: 'system', label: 'menu.system', icon: <SettingOutlined />, built: true,
    children: [
      { key: 'users', label: 'menu.users', icon: <UserOutlined />, path: '/users', built: true, permission: 'user:read' },
      { key: 'audit', label: 'menu.audit', icon: <FileSearchOutlined />, path: '/audit', built: true, permission: 'audit:read' },
    ],
  },
];

type Can = (permission: string) => boolean;

function leaves(entries: MenuEntry[]): MenuEntry[] {
  return entries.flatMap((e) => (e.children ? leaves(e.children) : [e]));
}

/** Whether a built page may be opened by this user. */
export function allowed(entry: MenuEntry, can: Can): boolean {
  return entry.built && (!entry.permission || can(entry.permission));
}

/** The built page at `path`, if any. */
export function entryForPath(path: string): MenuEntry | undefined {
  return leaves(MENU).find((e) => e.built && e.path && (path === e.path || path.startsWith(e.path + '/')));
}

/** The first page this user may open (the start page after login). */
export function firstAllowedPath(can: Can): string | null {
  return leaves(MENU).find((e) => allowed(e, can) && e.path)?.path ?? null;
}

/** The submenus: all open at first, there are few. */
export const GROUP_KEYS = MENU.filter((e) => e.children).map((e) => e.key);

type Item = NonNullable<MenuProps['items']>[number];

function comingSoonLabel(t: Translate, label: Key): ReactNode {
  return (
    <span className="menu-coming-soon">
      <span className="menu-coming-soon-text">{t(label)}</span>
      <Tag className="menu-coming-soon-tag" variant="filled">{t('menu.comingSoon')}</Tag>
    </span>
  );
}

/**
 * Ant Design menu items. Built pages show when the user holds their
 * permission; unbuilt areas show to everyone, disabled, so that users know what
 * is coming. A group whose pages are all hidden disappears.
 */
export function menuItems(t: Translate, can: Can): Item[] {
  const toItem = (e: MenuEntry): Item | null => {
    if (e.children) {
      const children = e.children.map(toItem).filter((x): x is Item => x !== null);
      if (children.length === 0) return null;
      return { key: e.key, icon: e.icon, label: t(e.label), children };
    }
    if (!e.built) {
      return { key: e.key, icon: e.icon, label: comingSoonLabel(t, e.label), disabled: true, title: `${t(e.label)}(${t('menu.comingSoon')})` };
    }
    if (!allowed(e, can)) return null;
    return { key: e.path ?? e.key, icon: e.icon, label: t(e.label) };
  };
  return MENU.map(toItem).filter((x): x is Item => x !== null);
}
