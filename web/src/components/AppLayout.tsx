// The frame around every page after login: the header (product, user, union,
// language, password, logout), the menu of all areas, the union tree and the
// breadcrumb of the current union.
import { useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Tooltip, Typography } from 'antd';
import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  PartitionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useAuth, useLogout } from '../auth';
import { useCurrentOrg, useOrgSearch } from '../currentOrg';
import { useT } from '../i18n';
import { GROUP_KEYS, entryForPath, menuItems } from '../menu';
import { orgQueries } from '../queries';
import { useShowError } from './errors';
import { LangSwitch } from './LangSwitch';
import { OrgTree } from './OrgTree';
import { ChangePasswordModal } from './passwords';

const { Header, Sider, Content } = Layout;
const TREE_KEY = 'gonghui.treeOpen';

function CurrentOrgBreadcrumb() {
  const { org, setOrg } = useCurrentOrg();
  const { can } = useAuth();
  const chain = useQuery({ ...orgQueries.ancestors(org?.id ?? 0), enabled: !!org && can('org:read') });
  if (!org) return <span className="current-org-bar-empty" />;
  const above = (chain.data?.items ?? []).filter((o) => o.id !== org.id);
  const items = [
    ...above.map((o) => ({
      key: o.id,
      title: <a onClick={(e) => { e.preventDefault(); setOrg(o); }} href={`?org=${o.id}`}>{o.name}</a>,
    })),
    { key: org.id, title: <span data-testid="current-org" className="current-org-name">{org.name}</span> },
  ];
  return <Breadcrumb items={items} />;
}

export function AppLayout() {
  const t = useT();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const orgSearch = useOrgSearch();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const logout = useLogout();
  const showError = useShowError();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [menuCollapsed, setMenuCollapsed] = useState(false);
  const [treeOpen, setTreeOpen] = useState(() => localStorage.getItem(TREE_KEY) !== '0');
  const [treeDrawer, setTreeDrawer] = useState(false);
  const [menuDrawer, setMenuDrawer] = useState(false);
  const canTree = can('org:read');

  useEffect(() => {
    localStorage.setItem(TREE_KEY, treeOpen ? '1' : '0');
  }, [treeOpen]);

  const current = entryForPath(location.pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(GROUP_KEYS);

  const menu = (
    <Menu
      data-testid="main-menu"
      mode="inline"
      selectedKeys={current?.path ? [current.path] : []}
      openKeys={menuCollapsed && !narrow ? undefined : openKeys}
      onOpenChange={(keys) => setOpenKeys(keys as string[])}
      items={menuItems(t, can)}
      onClick={({ key }) => {
        if (key.startsWith('/')) {
          navigate(key + orgSearch);
          setMenuDrawer(false);
        }
      }}
    />
  );

  const userMenu = {
    items: [
      { key: 'org', label: <span className="user-menu-org"><b>{me.displayName}</b><br />{me.org.name}</span>, disabled: true },
      { type: 'divider' as const },
      { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword') },
      { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'password') setPasswordOpen(true);
      if (key === 'logout') logout.mutate(undefined, { onError: (e) => showError(e) });
    },
  };

  const treeToggle = canTree && (
    <Tooltip title={narrow || !treeOpen ? t('tree.show') : t('tree.hide')}>
      <Button
        type="text"
        size="small"
        icon={<PartitionOutlined />}
        aria-label={narrow || !treeOpen ? t('tree.show') : t('tree.hide')}
        onClick={() => (narrow ? setTreeDrawer(true) : setTreeOpen((v) => !v))}
        className={!narrow && treeOpen ? 'tree-toggle tree-toggle-on' : 'tree-toggle'}
      >
        {t('tree.title')}
      </Button>
    </Tooltip>
  );

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        {narrow && (
          <Button type="text" className="app-header-btn" icon={<MenuUnfoldOutlined />} onClick={() => setMenuDrawer(true)} aria-label="menu" />
        )}
        <div className="app-brand" onClick={() => navigate('/' + orgSearch)} role="link">
          <span className="app-logo">工</span>
          <span className="app-title">{t('app.name')}</span>
        </div>
        <div className="app-header-spacer" />
        <LangSwitch className="app-header-btn" compact={narrow} />
        <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
          <Button type="text" className="app-header-btn app-user" data-testid="user-menu">
            <UserOutlined />
            {!narrow && <span className="app-user-name">{me.displayName}</span>}
            {!narrow && <span className="app-user-org">{me.org.name}</span>}
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      </Header>
      <Layout>
        {!narrow && (
          <Sider
            theme="light"
            width={224}
            collapsible
            collapsed={menuCollapsed}
            onCollapse={setMenuCollapsed}
            trigger={menuCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            className="app-menu-sider"
          >
            {menu}
          </Sider>
        )}
        {!narrow && canTree && treeOpen && (
          <Sider theme="light" width={280} className="app-tree-sider">
            <div className="app-tree-header">
              <Typography.Text strong>{t('tree.title')}</Typography.Text>
              <Button type="text" size="small" icon={<MenuFoldOutlined />} onClick={() => setTreeOpen(false)} aria-label={t('tree.hide')} />
            </div>
            <OrgTree />
          </Sider>
        )}
        <Content className="app-content">
          <div className="current-org-bar">
            {treeToggle}
            <CurrentOrgBreadcrumb />
          </div>
          <Outlet />
        </Content>
      </Layout>
      {narrow && (
        <Drawer placement="left" open={menuDrawer} onClose={() => setMenuDrawer(false)} size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      )}
      {narrow && canTree && (
        <Drawer placement="left" open={treeDrawer} onClose={() => setTreeDrawer(false)} size={320} title={t('tree.title')} styles={{ body: { padding: 0 } }}>
          <OrgTree onPicked={() => setTreeDrawer(false)} />
        </Drawer>
      )}
      {passwordOpen && <ChangePasswordModal onClose={() => setPasswordOpen(false)} />}
    </Layout>
  );
}
