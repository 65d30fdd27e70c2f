// The pages. Which built page needs which permission comes from menu.tsx, so
// the menu and the routes cannot disagree.
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { Button, Result } from 'antd';
import { RequireAuth, SessionWatcher, useAuth } from './auth';
import { AppLayout } from './components/AppLayout';
import { CurrentOrgProvider, useOrgSearch } from './currentOrg';
import { useT } from './i18n';
import { entryForPath, firstAllowedPath } from './menu';
import { StatsPage } from './pages/stats/StatsPage';
import { AuditPage } from './pages/AuditPage';
import { LoginPage } from './pages/LoginPage';
import { OrgsPage } from './pages/OrgsPage';
import { UsersPage } from './pages/UsersPage';

/** Built pages by route; each must have a built entry in MENU. */
const PAGES: Record<string, () => ReactNode> = {
  '/orgs': () => <OrgsPage />,
  '/users': () => <UsersPage />,
  '/audit': () => <AuditPage />,
  '/stats': () => <StatsPage />,
};

function Guarded({ path }: { path: string }) {
  const t = useT();
  const { can } = useAuth();
  const entry = entryForPath(path);
  if (entry?.permission && !can(entry.permission)) {
    return <Result status="403" title="403" subTitle={t('common.noPermission')} />;
  }
  return <>{PAGES[path]!()}</>;
}

function StartPage() {
  const t = useT();
  const { can } = useAuth();
  const search = useOrgSearch();
  const first = firstAllowedPath(can);
  if (first) return <Navigate to={first + search} replace />;
  return <Result status="info" title={t('app.name')} subTitle={t('common.nothingBuilt')} />;
}

function NotFound() {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Button type="primary" onClick={() => navigate('/')}>{t('common.backHome')}</Button>}
    />
  );
}

export function App() {
  return (
    <>
      <SessionWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={(
            <RequireAuth>
              <CurrentOrgProvider>
                <AppLayout />
              </CurrentOrgProvider>
            </RequireAuth>
          )}
        >
          <Route index element={<StartPage />} />
          {Object.keys(PAGES).map((path) => <Route key={path} path={path} element={<Guarded path={path} />} />)}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </>
  );
}
