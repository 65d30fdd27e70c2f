// "Where I am": the union tree of the user's scope, lazily loaded level by
// level (/api/orgs/root, /api/orgs/:id/children), with a search over the whole
// scope (/api/orgs?q=) that opens the tree down to the hit (/ancestors).
// Picking a union makes it the current one (useCurrentOrg).
import { useCallback, useEffect, useRef, useState, type Key as ReactKey } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Empty, Input, Spin, Tree, Typography } from 'antd';
import { LoadingOutlined, SearchOutlined } from '@ant-design/icons';
import type { Org } from '../api';
import { useCurrentOrg } from '../currentOrg';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { orgQueries } from '../queries';
import { ErrorAlert } from './errors';
import { useDebounced } from './useDebounced';
import { useLazyOrgTree } from './useLazyOrgTree';

const SEARCH_LIMIT = 20;

export function OrgTree({ onPicked }: { onPicked?: () => void }) {
  const t = useT();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const { org: current, setOrg } = useCurrentOrg();

  const render = useCallback((o: Org) => ({
    title: (
      <span data-org-id={o.id} title={`${o.name}(${labels.kind(o.kind, o.kindLabel)})`}>
        {o.name}
        {o.childCount > 0 && <span className="org-tree-count">{o.childCount}</span>}
      </span>
    ),
  }), [labels]);
  const { root, treeData, byId, loadedKeys, loadData, ensureLoaded } = useLazyOrgTree(render);

  const [expanded, setExpanded] = useState<ReactKey[]>([]);
  const rootId = root.data?.id;
  useEffect(() => {
    if (rootId !== undefined) setExpanded((e) => (e.includes(rootId) ? e : [...e, rootId]));
  }, [rootId]);

  // Open the tree down to the current union (after a reload, a search, a click
  // in a list or the breadcrumb) and bring it into view.
  const containerRef = useRef<HTMLDivElement>(null);
  const currentId = current?.id;
  const currentPath = current?.path;
  useEffect(() => {
    if (currentId === undefined) return;
    let cancelled = false;
    (async () => {
      try {
        const chain = await queryClient.fetchQuery(orgQueries.ancestors(currentId));
        const above = chain.items.map((o) => o.id).filter((id) => id !== currentId);
        await ensureLoaded(above);
        if (cancelled) return;
        setExpanded((e) => [...e, ...above.filter((id) => !e.includes(id))]);
        setTimeout(() => {
          containerRef.current?.querySelector(`[data-org-id="${currentId}"]`)?.scrollIntoView({ block: 'nearest' });
        }, 100);
      } catch {
        // The page shows why the union cannot be read; the tree stays as it is.
      }
    })();
    return () => {
      cancelled = true;
    };
    // The path too: after a move the union sits elsewhere in the tree.
  }, [currentId, currentPath, queryClient, ensureLoaded]);

  // Search within the scope.
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const searching = search.trim().length > 0;
  const results = useQuery({ ...orgQueries.list({ q, pageSize: SEARCH_LIMIT }), enabled: q.length > 0 });
  const [picking, setPicking] = useState<number | null>(null);

  const choose = (o: Org) => {
    setOrg(o);
    onPicked?.();
  };

  const pick = async (hit: Org) => {
    setPicking(hit.id);
    try {
      // The chain ends with the hit itself, with its true child count.
      const chain = await queryClient.fetchQuery(orgQueries.ancestors(hit.id));
      const self = chain.items.find((o) => o.id === hit.id);
      if (self) choose(self);
      else setOrg(hit.id);
      setSearch('');
    } catch {
      setOrg(hit.id);
    } finally {
      setPicking(null);
    }
  };

  return (
    <div className="org-tree-panel">
      <div className="org-tree-search">
        <Input
          data-testid="org-tree-search"
          allowClear
          prefix={searching && results.isFetching ? <LoadingOutlined /> : <SearchOutlined />}
          placeholder={t('tree.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {searching && (
        <div className="org-tree-results" data-testid="org-tree-results">
          {results.isError && <ErrorAlert error={results.error} />}
          {q.length > 0 && results.data && results.data.items.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tree.noResults', { q })} />
          )}
          {(results.isPending || q !== search.trim()) && !results.data && <div style={{ textAlign: 'center', padding: 12 }}><Spin size="small" /></div>}
          {results.data?.items.map((o) => (
            <button type="button" key={o.id} className="org-tree-result" onClick={() => void pick(o)} disabled={picking !== null}>
              <span className="org-tree-result-name">{o.name}</span>
              <span className="org-tree-result-kind">
                {picking === o.id ? <Spin size="small" /> : labels.kind(o.kind, o.kindLabel)}
              </span>
            </button>
          ))}
          {results.data && results.data.total > results.data.items.length && (
            <Typography.Text type="secondary" className="org-tree-more">
              {t('tree.moreResults', { n: results.data.total, m: results.data.items.length })}
            </Typography.Text>
          )}
        </div>
      )}
      <div className="org-tree-body" ref={containerRef} data-testid="org-tree">
        {root.isError && <ErrorAlert error={root.error} onRetry={() => void root.refetch()} />}
        {root.isPending ? (
          <div style={{ padding: 24, textAlign: 'center' }}><Spin /></div>
        ) : (
          <Tree
            blockNode
            treeData={treeData}
            loadData={loadData}
            loadedKeys={loadedKeys}
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            selectedKeys={currentId !== undefined ? [currentId] : []}
            onSelect={(_keys, info) => {
              const o = byId.get(Number(info.node.key));
              if (o) choose(o);
            }}
          />
        )}
      </div>
    </div>
  );
}
