// Server state shared by several screens. Every key about unions starts with
// 'orgs', every key about accounts with 'users', so a change invalidates one
// prefix and the tree, breadcrumb and lists all refresh.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, type Org, type OrgHistoryItem, type OrgKind, type Page, type Query, type Role } from './api';

export const orgQueries = {
  root: () => queryOptions({ queryKey: ['orgs', 'root'], queryFn: () => api.get<Org>('/api/orgs/root'), staleTime: 60_000 }),
  detail: (id: number) => queryOptions({ queryKey: ['orgs', 'detail', id], queryFn: () => api.get<Org>(`/api/orgs/${id}`) }),
  children: (id: number, includeDissolved = false) => queryOptions({
    queryKey: ['orgs', 'children', id, includeDissolved],
    queryFn: () => api.get<{ items: Org[] }>(`/api/orgs/${id}/children`, includeDissolved ? { includeDissolved: true } : undefined),
    staleTime: 60_000,
  }),
  ancestors: (id: number) => queryOptions({
    queryKey: ['orgs', 'ancestors', id],
    queryFn: () => api.get<{ items: Org[] }>(`/api/orgs/${id}/ancestors`),
    staleTime: 60_000,
  }),
  list: (params: Query) => queryOptions({
    queryKey: ['orgs', 'list', params],
    queryFn: () => api.get<Page<Org>>('/api/orgs', params),
  }),
  history: (id: number) => queryOptions({
    queryKey: ['orgs', 'history', id],
    queryFn: () => api.get<{ items: OrgHistoryItem[] }>(`/api/orgs/${id}/history`),
  }),
  kinds: () => queryOptions({ queryKey: ['static', 'kinds'], queryFn: () => api.get<OrgKind[]>('/api/orgs/kinds'), staleTime: Infinity }),
};

export const roleQuery = () => queryOptions({ queryKey: ['static', 'roles'], queryFn: () => api.get<Role[]>('/api/roles'), staleTime: Infinity });

/** After any change to the union tree: tree, breadcrumb, lists and details. */
export function invalidateOrgs(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: ['orgs'] });
}
