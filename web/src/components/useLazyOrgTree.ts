// The union tree loaded level by level, shared by the side panel and the
// union pickers. Child lists live in the query cache (['orgs', 'children', id]),
// so invalidating ['orgs'] after a change refreshes every open tree.
import { useCallback, useEffect, useMemo, useState, type Key as ReactKey, type ReactNode } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Org } from '../api';
import { orgQueries } from '../queries';

export interface LazyNode {
  key: number;
  value: number;
  title: ReactNode;
  isLeaf: boolean;
  disabled?: boolean;
  children?: LazyNode[];
}

function union<T>(list: T[], add: T[]): T[] {
  const missing = add.filter((x) => !list.includes(x));
  return missing.length ? [...list, ...missing] : list;
}

export function useLazyOrgTree(render: (o: Org) => { title: ReactNode; disabled?: boolean }) {
  const queryClient = useQueryClient();
  const root = useQuery(orgQueries.root());
  const [loaded, setLoaded] = useState<number[]>([]);
  const childQueries = useQueries({ queries: loaded.map((id) => orgQueries.children(id)) });

  const rootId = root.data?.id;
  useEffect(() => {
    if (rootId !== undefined) setLoaded((l) => union(l, [rootId]));
  }, [rootId]);

  const childData = childQueries.map((q) => q.data);
  // A new array each render; what matters is when any list last changed.
  const childStamp = childQueries.map((q) => q.dataUpdatedAt).join(',');
  const { treeData, byId, loadedKeys } = useMemo(() => {
    const kids = new Map<number, Org[]>();
    loaded.forEach((id, i) => {
      const items = childData[i]?.items;
      if (items) kids.set(id, items);
    });
    const ids = new Map<number, Org>();
    const toNode = (o: Org): LazyNode => {
      ids.set(o.id, o);
      const r = render(o);
      const children = kids.get(o.id);
      return {
        key: o.id, value: o.id, title: r.title, disabled: r.disabled,
        isLeaf: o.childCount === 0 && !(children && children.length > 0),
        children: children?.map(toNode),
      };
    };
    return {
      treeData: root.data ? [toNode(root.data)] : [],
      byId: ids,
      loadedKeys: loaded.filter((id) => kids.has(id)),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [root.data, loaded, render, childStamp]);

  /** Make sure the children of these unions are loaded (e.g. the chain down to a hit). */
  const ensureLoaded = useCallback(async (ids: number[]) => {
    await Promise.all(ids.map((id) => queryClient.fetchQuery(orgQueries.children(id))));
    setLoaded((l) => union(l, ids));
  }, [queryClient]);

  const loadData = useCallback(async (node: { key?: ReactKey }) => {
    await ensureLoaded([Number(node.key)]);
  }, [ensureLoaded]);

  return { root, treeData, byId, loadedKeys, loadData, ensureLoaded };
}
