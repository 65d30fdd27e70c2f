// "Where I am": the union the user is working in. It lives in the URL
// (?org=ID, so a reload or a shared link keeps it) and defaults to the root of
// the user's scope. Every list filters by it (orgId = it and all beneath it).
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { Org } from './api';
import { orgQueries } from './queries';

interface CurrentOrgState {
  /** The chosen union (null while it loads). */
  org: Org | null;
  /** Choose a union: an Org already loaded from the tree, or an id. */
  setOrg(org: Org | number): void;
  /** The root of the user's scope. */
  root: Org | null;
}

const CurrentOrgContext = createContext<CurrentOrgState | null>(null);

export const ORG_PARAM = 'org';

function parseId(raw: string | null): number | null {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function CurrentOrgProvider({ children }: { children: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const id = parseId(params.get(ORG_PARAM));
  const root = useQuery(orgQueries.root());
  const chosen = useQuery({ ...orgQueries.detail(id ?? 0), enabled: id !== null });

  // A stale or foreign id in the URL: say so and fall back to the scope root.
  const chosenError = id !== null && chosen.isError ? chosen.error : null;
  useEffect(() => {
    if (!chosenError) return;
    message.warning(chosenError.message);
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete(ORG_PARAM);
      return next;
    }, { replace: true });
  }, [chosenError, message, setParams]);

  const setOrg = useCallback((o: Org | number) => {
    const orgId = typeof o === 'number' ? o : o.id;
    if (typeof o !== 'number') {
      const key = orgQueries.detail(o.id).queryKey;
      if (!queryClient.getQueryData(key)) queryClient.setQueryData(key, o);
    }
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set(ORG_PARAM, String(orgId));
      return next;
    });
  }, [queryClient, setParams]);

  const org = id !== null ? (chosen.data ?? null) : (root.data ?? null);
  const value = useMemo(() => ({ org, setOrg, root: root.data ?? null }), [org, setOrg, root.data]);
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrgState {
  const ctx = useContext(CurrentOrgContext);
  if (!ctx) throw new Error('useCurrentOrg outside CurrentOrgProvider');
  return ctx;
}

/** The ?org= part to keep when moving between pages. */
export function useOrgSearch(): string {
  const [params] = useSearchParams();
  const id = parseId(params.get(ORG_PARAM));
  return id !== null ? `?${ORG_PARAM}=${id}` : '';
}
