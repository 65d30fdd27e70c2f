// Who is signed in: the "me" query, the guard around every page behind the
// login, and sign-in / sign-out. The CSRF token from "me" goes to the api
// wrapper, which sends it with every unsafe request.
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler, type Me } from './api';

export const ME_KEY = ['me'] as const;

// A hint (not a secret: the session cookie is httpOnly) that this browser
// signed in, so that a first visit does not probe /api/auth/me for a 401.
const SIGNED_IN_HINT = 'gonghui.signedIn';

function setSignedInHint(on: boolean) {
  try {
    if (on) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // storage unavailable: the app just probes every time
  }
}

function signedInHint(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) !== null;
  } catch {
    return true;
  }
}

async function fetchMe(): Promise<Me | null> {
  if (!signedInHint()) return null;
  try {
    const me = await api.get<Me>('/api/auth/me', undefined, { expect401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken('');
      setSignedInHint(false);
      return null;
    }
    throw e;
  }
}

/** The signed-in user, or null when nobody is. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: false });
}

interface AuthState {
  me: Me;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user; only inside <RequireAuth>. */
export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside RequireAuth');
  return ctx;
}

export function FullPageSpin() {
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Where the login page sends the user back to (only paths of this site). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/**
 * When any request answers 401 the session has ended: forget the user (the
 * guard then sends them to /login and back here after signing in).
 */
/**
 * Drop everything the previous user could see, once the pages behind the login
 * have gone (removing queries that are still shown would refetch them).
 */
function forgetAllButMe(queryClient: QueryClient) {
  setTimeout(() => {
    void queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, 0);
}

const EXPIRED_FLAG = 'gonghui.sessionExpired';

/** Whether the user lands on /login because their session ended (read once). */
export function sessionExpiredNotice(): boolean {
  try {
    return sessionStorage.getItem(EXPIRED_FLAG) === '1';
  } catch {
    return false;
  }
}

export function clearSessionExpiredNotice() {
  try {
    sessionStorage.removeItem(EXPIRED_FLAG);
  } catch {
    // nothing to clear
  }
}

export function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (queryClient.getQueryData(ME_KEY) === null) return;
      try {
        sessionStorage.setItem(EXPIRED_FLAG, '1');
      } catch {
        // the login page then just shows no notice
      }
      setCsrfToken('');
      setSignedInHint(false);
      queryClient.setQueryData(ME_KEY, null);
      forgetAllButMe(queryClient);
    });
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);
  return null;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const meQuery = useMe();
  const location = useLocation();
  const me = meQuery.data;
  const permissions = useMemo(() => new Set(me?.permissions ?? []), [me]);
  const can = useCallback((p: string) => permissions.has(p), [permissions]);
  const value = useMemo(() => (me ? { me, can } : null), [me, can]);
  if (meQuery.isPending) return <FullPageSpin />;
  if (meQuery.isError) {
    // The server could not be reached; the login page shows why and retries.
    return <Navigate to="/login" replace state={{ error: (meQuery.error as Error).message }} />;
  }
  if (!value) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => api.post<Me>('/api/auth/login', body, { expect401: true }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      setSignedInHint(true);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api.post<{ ok: boolean }>('/api/auth/logout', {}, { expect401: true }).catch((e: unknown) => {
      // Already signed out (session expired): that is what the user wanted.
      if (e instanceof ApiError && e.status === 401) return { ok: true };
      throw e;
    }),
    onSuccess: () => {
      setCsrfToken('');
      setSignedInHint(false);
      navigate('/login', { replace: true });
      queryClient.setQueryData(ME_KEY, null);
      forgetAllButMe(queryClient);
    },
  });
}
