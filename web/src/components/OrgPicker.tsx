// A form control to choose a union of the user's scope: the lazily loaded tree,
// or, while the user types, the matching unions of the whole scope.
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import type { Org } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { orgQueries } from '../queries';
import { useDebounced } from './useDebounced';
import { useLazyOrgTree } from './useLazyOrgTree';

export interface OrgPickerProps {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** Unions that may not be chosen (shown greyed). */
  isDisabled?: (o: Org) => boolean;
  placeholder?: string;
  id?: string;
}

export function OrgPicker({ value, onChange, isDisabled, placeholder, id }: OrgPickerProps) {
  const t = useT();
  const labels = useLabels();
  const render = useCallback((o: Org) => ({ title: o.name, disabled: isDisabled?.(o) ?? false }), [isDisabled]);
  const { treeData, loadedKeys, loadData, root } = useLazyOrgTree(render);

  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const results = useQuery({ ...orgQueries.list({ q, pageSize: 30 }), enabled: q.length > 0 });
  // The chosen union's name, wherever in the tree it lies.
  const chosen = useQuery({ ...orgQueries.detail(value ?? 0), enabled: value != null && value > 0 });

  const searchData = useMemo(() => (results.data?.items ?? []).map((o) => ({
    key: o.id, value: o.id, isLeaf: true, disabled: isDisabled?.(o) ?? false,
    title: <span>{o.name} <span style={{ color: '#999', fontSize: 12 }}>{labels.kind(o.kind, o.kindLabel)}</span></span>,
  })), [results.data, isDisabled, labels]);

  const searching = search.trim().length > 0;
  return (
    <TreeSelect<{ value: number; label: ReactNode }>
      id={id}
      showSearch={{ searchValue: search, onSearch: setSearch, filterTreeNode: false }}
      allowClear
      labelInValue
      placeholder={placeholder ?? t('org.pickPlaceholder')}
      value={value ? { value, label: chosen.data?.name ?? (value === root.data?.id ? root.data.name : String(value)) } : undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ? Number(v.value) : null);
      }}
      treeData={searching ? searchData : treeData}
      loadData={searching ? undefined : loadData}
      treeLoadedKeys={searching ? undefined : loadedKeys}
      treeDefaultExpandedKeys={root.data ? [root.data.id] : []}
      notFoundContent={searching && q.length > 0 && results.data ? t('tree.noResults', { q }) : undefined}
      loading={searching && results.isFetching}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
      style={{ width: '100%' }}
    />
  );
}
